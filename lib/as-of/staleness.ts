import { sql, type SQL } from 'drizzle-orm';
import { commitments, statusUpdates } from '@/db/schema';
import { isClosed, type Status } from '@/lib/commitments/vocabulary';
import { addDays, dateInZone } from '@/lib/periods/dates';
import { dayStartInZone } from '@/lib/periods/day-start';
import { OPEN_SQL } from './vocabulary-sql';

/**
 * "No entry recorded for 90 days": an open commitment, adopted more than STALE_DAYS before the date,
 * none of whose entries was *recorded* (status_updates.recorded_at, read as a calendar date in the
 * app's time zone) in the STALE_DAYS up to the date, counting only entries recorded by its end.
 * When an entry was recorded decides, not its effective date: an entry back-dated a year but recorded
 * yesterday is fresh news, and as of a past date, entries recorded after it were not known yet.
 * The dashboard's attention list, the drill-downs and the to-do list all judge it here.
 */
export const STALE_DAYS = 90;

/** The first calendar date an entry must be recorded on (or after) to keep a commitment from going stale at `asOf`. */
export const staleBefore = (asOf: string): string => addDays(asOf, -STALE_DAYS);

/** The window as stored instants: recorded in [from, to) is recorded in the STALE_DAYS up to the end of `asOf`. */
export function recordedWindow(asOf: string, zone?: string): { from: string; to: string } {
  return { from: dayStartInZone(staleBefore(asOf), zone), to: dayStartInZone(addDays(asOf, 1), zone) };
}

/** The instant the latest entry recorded by the end of `asOf` was recorded (null without one), over `commitments`. */
export function lastRecordedAtSql(asOf: string): SQL<string | null> {
  const { to } = recordedWindow(asOf);
  return sql<string | null>`(select max(su.recorded_at) from ${statusUpdates} su where su.commitment_id = ${commitments.id} and su.recorded_at < ${to})`;
}

/** Whether a commitment (a row of `commitments`) in `status` at `asOf` is stale then, as SQL. */
export function staleSql(asOf: string, status: SQL): SQL {
  const { from, to } = recordedWindow(asOf);
  return sql`(${status} in ${OPEN_SQL} and ${commitments.adoptedOn} < ${staleBefore(asOf)}
    and not exists (select 1 from ${statusUpdates} su where su.commitment_id = ${commitments.id} and su.recorded_at >= ${from} and su.recorded_at < ${to}))`;
}

/**
 * The same rule on values already read, for many rows at one date: `lastRecordedAt` is the latest
 * entry recorded by the end of `asOf`.
 */
export function staleAt(asOf: string): (c: { status: Status; adoptedOn: string; lastRecordedAt: string | null }) => boolean {
  const before = staleBefore(asOf);
  const { from } = recordedWindow(asOf);
  return (c) => !isClosed(c.status) && c.adoptedOn < before && (c.lastRecordedAt === null || c.lastRecordedAt < from);
}

/** `staleAt` for one row. */
export const isStale = (c: { status: Status; adoptedOn: string; lastRecordedAt: string | null }, asOf: string): boolean => staleAt(asOf)(c);

/** The calendar date, in the app's time zone, an entry was recorded on. */
export const recordedOn = (instant: string | null): string | null => (instant ? dateInZone(new Date(instant)) : null);
