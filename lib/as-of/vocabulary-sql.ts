import { sql, type SQL } from 'drizzle-orm';
import { CLOSED_STATUSES, OPEN_STATUSES, STATUSES, WARNING_STATUSES, type Status } from '@/lib/commitments/vocabulary';

/**
 * The vocabularies of lib/commitments/vocabulary.ts as SQL, so no status list, month formula or
 * sort order is typed out twice. Every value comes from an `as const` list (never from input).
 */

const quoted = (values: readonly string[]) => sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);

/** `('completed', 'discontinued')` */
export const CLOSED_SQL = quoted(CLOSED_STATUSES);
/** `('not_started', 'in_progress', 'at_risk', 'delayed')` */
export const OPEN_SQL = quoted(OPEN_STATUSES);
/** `('at_risk', 'delayed')`: the statuses that call for attention by themselves. */
export const WARNING_SQL = quoted(WARNING_STATUSES);

/** year * 12 + (month - 1) of an ISO date column: the monthly rollups' key (lib/periods monthIndex in TS). */
export const monthIndexSql = (isoDate: SQL) => sql`(cast(substr(${isoDate}, 1, 4) as integer) * 12 + cast(substr(${isoDate}, 6, 2) as integer) - 1)`;

/** A status's place in STATUSES, for sorting by status. */
export const statusRankSql = (status: SQL) => sql`(case ${status} ${sql.join(STATUSES.map((s, i) => sql.raw(`when '${s}' then ${i}`)), sql` `)} end)`;

/** `sum(case when <status> = 's' then <n> else 0 end) as s` for every status: one column per status. */
export const countsByStatusSql = (status: string, n: string) =>
  sql.join(STATUSES.map((s: Status) => sql.raw(`sum(case when ${status} = '${s}' then ${n} else 0 end) as ${s}`)), sql`, `);
