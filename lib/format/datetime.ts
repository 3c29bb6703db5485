import type { Locale } from '@/lib/i18n/config';
import { appTimeZone } from '@/lib/periods/dates';

export const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A calendar date (YYYY-MM-DD; an instant's first ten characters are read as one) as people read
 * it (GLOSSARY.md): `2024. 6. 30.` / `30 Jun 2024`, or in headings (`long`) `2024년 6월 30일` /
 * `30 June 2024`. A date has no zone: it is never shifted. Anything else comes back unchanged.
 */
export function formatDate(isoDate: string, locale: Locale, { long = false }: { long?: boolean } = {}): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (locale === 'ko') return long ? `${y}년 ${mo}월 ${d}일` : `${y}. ${mo}. ${d}.`;
  return `${d} ${(long ? EN_MONTHS_LONG : EN_MONTHS)[mo - 1]} ${y}`;
}

/** Zones people know by their own abbreviation rather than Intl's (`GMT+9`). */
const ZONE_NAMES: Readonly<Record<string, string>> = { 'Asia/Seoul': 'KST' };

const wallClocks = new Map<string, Intl.DateTimeFormat>();
const zoneNames = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = map.get(zone);
  if (!f) map.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, ...options })));
  return f;
}

/** The zone's short name at the instant (`KST`, `EST`/`EDT`, `UTC`), the same in both languages. */
function zoneName(instant: Date, zone: string): string {
  const known = ZONE_NAMES[zone];
  if (known) return known;
  const part = cached(zoneNames, zone, { timeZoneName: 'short' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/**
 * An instant (ISO timestamp or Date) as its date and 24-hour time in `timeZone` (the app's zone,
 * APP_TIME_ZONE, by default), the zone named: `2026. 11. 27. 12:06 KST` / `27 Nov 2026, 12:06 KST`.
 * Never "AM"/"PM" (GLOSSARY.md). An unreadable instant comes back unchanged.
 */
export function formatDateTime(instant: string | Date, locale: Locale, timeZone: string = appTimeZone()): string {
  const at = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(at.getTime())) return String(instant);
  const p = Object.fromEntries(
    cached(wallClocks, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  const date = formatDate(`${p.year}-${p.month}-${p.day}`, locale);
  const time = `${p.hour}:${p.minute} ${zoneName(at, timeZone)}`;
  return locale === 'ko' ? `${date} ${time}` : `${date}, ${time}`;
}
