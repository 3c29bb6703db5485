import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { commitments } from '@/db/schema';
import { addDays } from '@/lib/periods/dates';
import type { CONFIRMATION_FILTERS } from '@/lib/commitments/filters';
import { CLAIM_OVERDUE_DAYS, type ClaimState } from '@/lib/commitments/vocabulary';

/**
 * Where claims stood at the end of a date, in world order, as SQL. A claim counts at `date` when
 * it is effective by then and is still its commitment's latest update by then (a later update,
 * back-dated or not, supersedes it: "until someone records a new update"), which `claim_spans`
 * keeps (lib/claims/spans.ts); its state is its latest answer effective by then (confirm →
 * confirmed, dispute → disputed), or pending without one. The alias `cl` names the claims row.
 */
const standing = (date: string) => sql`exists (select 1 from claim_spans sp where sp.update_id = cl.update_id and sp.effective_date <= ${date} and (sp.ended_on is null or sp.ended_on > ${date}))`;

const answer = (date: string) =>
  sql`(select d.decision from claim_decisions d where d.claim_id = cl.update_id and d.effective_date <= ${date} order by d.effective_date desc, d.id desc limit 1)`;

/** A standing claim's state at `date` (over alias `cl`). */
export const claimStateOf = (date: string): SQL<ClaimState> =>
  sql<ClaimState>`(case ${answer(date)} when 'confirm' then 'confirmed' when 'dispute' then 'disputed' else 'pending' end)`;

/** The standing claims at `date`, with their state: a subquery with columns commitment_id, update_id, effective_date, side, counter_sides, state. */
export const standingClaims = (date: string): SQL =>
  sql`(select cl.commitment_id, cl.update_id, cl.effective_date, cl.side, cl.counter_sides, ${claimStateOf(date)} as state from claims cl where ${standing(date)})`;

/** A commitment's claim state at `date` (null without a standing claim), as a column over `commitments`. */
export const claimStateAtSql = (date: string): SQL<ClaimState | null> =>
  sql<ClaimState | null>`(select ${claimStateOf(date)} from claims cl where cl.commitment_id = ${commitments.id} and ${standing(date)}
    order by cl.effective_date desc, cl.update_id desc limit 1)`;

/** What the list and the drill-downs filter on: claims awaiting an answer, awaiting one for over 30 days, or disputed. */
export type ClaimFilter = (typeof CONFIRMATION_FILTERS)[number];

/** The claims matching a filter at `date` (over alias `cl`). */
function claimCondition(filter: ClaimFilter, date: string): SQL {
  switch (filter) {
    case 'pending':
      return sql`${claimStateOf(date)} = 'pending'`;
    case 'pending_overdue':
      return sql`${claimStateOf(date)} = 'pending' and cl.effective_date < ${addDays(date, -CLAIM_OVERDUE_DAYS)}`;
    case 'disputed':
      return sql`${claimStateOf(date)} = 'disputed'`;
  }
}

/** Commitments whose standing claim at `date` matches `filter`: driven from the (few) claims. */
export const claimFilterSql = (filter: ClaimFilter, date: string): SQL =>
  sql`${commitments.id} in (select cl.commitment_id from claims cl where ${standing(date)} and ${claimCondition(filter, date)})`;

/** Whether a commitment needs attention for its claim at `date`: disputed, or pending for over 30 days. */
export const claimNeedsAttentionSql = (date: string): SQL =>
  sql`exists (select 1 from claims cl where cl.commitment_id = ${commitments.id} and ${standing(date)}
    and (${claimStateOf(date)} = 'disputed' or (${claimStateOf(date)} = 'pending' and cl.effective_date < ${addDays(date, -CLAIM_OVERDUE_DAYS)})))`;
