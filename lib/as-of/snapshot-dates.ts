import { MIN_YEAR, monthEnd, monthIndex } from '@/lib/periods/dates';
import { END_OF_TIME } from './state';

const daysBetween = (a: string, b: string) => Math.abs(Date.parse(b) - Date.parse(a)) / 86_400_000;

/**
 * The snapshots are a cache that reads fill, so which dates may be cached is fixed in advance, not
 * chosen by the reader: every month end of the last RECENT_MONTHS months (the dashboard's twelve
 * quick picks, its monthly series and their drill-down links; a date there is corrected over half a
 * month at most), then quarter ends (older reports and their series; half a quarter at most) back
 * until SNAPSHOTS_KEPT dates. Asking for other dates builds nothing: they are counted from the nearer of
 * these, or from the history. So the cache never holds more than SNAPSHOTS_KEPT dates, and no
 * sequence of reads can evict one date by asking for others: each is built at most once until a
 * write drops it (or it leaves the window as time passes).
 */
export const RECENT_MONTHS = 36;
export const SNAPSHOTS_KEPT = 48;
/** A date further than this from every cacheable date is counted from the history. */
const MAX_CORRECTION_DAYS = 92;

const cacheableMemo = new Map<string, string[]>();

/** The dates a snapshot may be built for, newest first: a function of today alone. */
export function snapshotDates(today: string): string[] {
  const memo = cacheableMemo.get(today);
  if (memo) return memo;
  const out: string[] = [];
  const todayMonth = monthIndex(today);
  for (let i = todayMonth; out.length < SNAPSHOTS_KEPT && i >= MIN_YEAR * 12; i--) {
    const [y, m] = [Math.floor(i / 12), (i % 12) + 1];
    const end = monthEnd(y, m);
    if (end < today && (todayMonth - i <= RECENT_MONTHS || m % 3 === 0)) out.push(end);
  }
  if (cacheableMemo.size > 4) cacheableMemo.clear();
  cacheableMemo.set(today, out);
  return out;
}

/**
 * The state a count at `date` starts from: the nearer cacheable date around it (a snapshot; see
 * `snapshotDates`), or the live tallies (END_OF_TIME) when today is at least as near; null when
 * none is within MAX_CORRECTION_DAYS (the count then comes from the history).
 */
export function baseFor(date: string, today: string): string | null {
  if (date >= today) return END_OF_TIME;
  const cacheable = snapshotDates(today);
  // Newest first: `after` is the first cacheable date on or after `date`, `before` the one before it.
  let after: string = today;
  let before: string | null = null;
  for (const d of cacheable) {
    if (d >= date) after = d;
    else {
      before = d;
      break;
    }
  }
  const nearer = before === null || after === date || daysBetween(date, after) <= daysBetween(before, date) ? after : before;
  if (daysBetween(date, nearer) > MAX_CORRECTION_DAYS) return null;
  return nearer === today ? END_OF_TIME : nearer;
}
