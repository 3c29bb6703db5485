import { appTimeZone } from './dates';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** How far `zone`'s wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  const wall = new Date(0);
  wall.setUTCFullYear(p.year!, p.month! - 1, p.day!);
  wall.setUTCHours(p.hour!, p.minute!, p.second!, 0);
  return wall.getTime() - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a calendar date begins in the app's time zone (or `zone`), as an ISO instant in the
 * form the database stores (`2024-06-29T15:00:00.000Z` for 30 June 2024 in Seoul): so "recorded
 * on or after that date" is a comparison of stored instants. Across a daylight-saving change the
 * offset is taken again at the first guess.
 */
export function dayStartInZone(date: string, zone: string = appTimeZone()): string {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const guess = midnightUtc - offsetAt(midnightUtc, zone);
  return new Date(midnightUtc - offsetAt(guess, zone)).toISOString();
}
