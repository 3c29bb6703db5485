/**
 * Calendar helpers on ISO dates (YYYY-MM-DD). A date is a plain calendar date: arithmetic runs in
 * UTC so it never shifts; only "today" depends on where the app is, through APP_TIME_ZONE.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The first year the app accepts in a date, a quarter or a due period. Earlier years are refused as
 * input rather than computed: nothing the app tracks is that old, and `Date.UTC` reads years 0–99
 * as 1900–1999, so arithmetic on them would silently land elsewhere.
 */
export const MIN_YEAR = 1900;

/** The instant of a calendar date at 00:00 UTC, exact for every year (no 0–99 → 19xx mapping). */
function utcDate(year: number, monthIndex0: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex0, day);
  return date;
}

/**
 * A date the app accepts as input: a real calendar date written YYYY-MM-DD, in MIN_YEAR or later
 * (9999 at most, by its form). Every query parameter, form field and import cell is checked with it.
 */
export function isIsoDate(value: string): boolean {
  return isCalendarDate(value) && Number(value.slice(0, 4)) >= MIN_YEAR;
}

/**
 * Any real calendar date written YYYY-MM-DD, whatever its year: for dates the app derives itself
 * (the quarter end before 1900-01-15 is 1899-12-31), never for input.
 */
export function isCalendarDate(value: string): boolean {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = utcDate(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Last day of a month (1-based month). */
export function lastDayOfMonth(year: number, month: number): number {
  return utcDate(year, month, 0).getUTCDate();
}

export function monthEnd(year: number, month: number): string {
  return isoDate(year, month, lastDayOfMonth(year, month));
}

export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/** The app's time zone (APP_TIME_ZONE, default Asia/Seoul); an unknown zone fails loudly at first use. */
export function appTimeZone(): string {
  return process.env.APP_TIME_ZONE || DEFAULT_TIME_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in the app's time zone (or `zone`), as YYYY-MM-DD. */
export function dateInZone(instant: Date, zone: string = appTimeZone()): string {
  let f = formatters.get(zone);
  if (!f) formatters.set(zone, (f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today's date in the app's time zone as YYYY-MM-DD: "today", the default effective date and "overdue" follow it. */
export function todayIso(now: Date = new Date()): string {
  return dateInZone(now);
}

/** The date `days` after (or before, when negative) an ISO date. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** year * 12 + (month - 1) of an ISO date: the month index the read model's monthly rollups are keyed by. */
export function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** An instant as "YYYY-MM-DD HH:mm" in the app's time zone, for messages that name a moment. */
export function dateTimeInZone(instant: Date, zone: string = appTimeZone()): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
