import 'server-only';
import { and, asc, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, claimDecisions, commitments, statusUpdates, users } from '@/db/schema';
import { addDays } from '@/lib/periods/dates';
import { existsOn } from '@/lib/as-of/scope';
import { CLAIM_OVERDUE_DAYS, type ClaimDecision, type ClaimState, type Status } from '@/lib/commitments/vocabulary';
import { partiesOf, type Party } from './parties';
import { standingClaims } from './state';

export interface ClaimAnswer {
  id: number;
  decision: ClaimDecision;
  note: string;
  evidenceUrl: string | null;
  side: string;
  effectiveDate: string;
  recordedAt: string;
  actorName: string;
  /** The answering user's Korean display name (users.name_ko), if any. */
  actorNameKo: string | null;
  /** The answering official's agency (null: an administrator for that side). */
  agency: string | null;
}

/** A claim as it stood at a date: what was claimed, by whom, who was asked, and the answers by then. */
export interface ClaimView {
  updateId: number;
  status: Status;
  progress: number;
  note: string;
  effectiveDate: string;
  side: string;
  counterSides: string[];
  claimant: { name: string; nameKo: string | null; agency: string | null };
  /** The agencies on the sides asked (any of their officials may answer). */
  awaiting: Pick<Party, 'code' | 'nameKo' | 'shortNameKo' | 'nameEn' | 'country'>[];
  state: ClaimState;
  /** Pending for more than 30 days at the date. */
  overdue: boolean;
  answers: ClaimAnswer[];
}

/** Every answer to a commitment's claims (all dates), for the history, in recording order. */
export function answersOf(db: Db, commitmentId: number, upTo?: string): (ClaimAnswer & { claimId: number })[] {
  return db
    .select({
      id: claimDecisions.id,
      claimId: claimDecisions.claimId,
      decision: claimDecisions.decision,
      note: claimDecisions.note,
      evidenceUrl: claimDecisions.evidenceUrl,
      side: claimDecisions.side,
      effectiveDate: claimDecisions.effectiveDate,
      recordedAt: claimDecisions.recordedAt,
      actorName: users.name,
      actorNameKo: users.nameKo,
      agency: agencies.code,
    })
    .from(claimDecisions)
    .innerJoin(users, eq(users.id, claimDecisions.actorId))
    .leftJoin(agencies, eq(agencies.id, claimDecisions.actorAgencyId))
    .where(upTo ? and(eq(claimDecisions.commitmentId, commitmentId), lte(claimDecisions.effectiveDate, upTo)) : eq(claimDecisions.commitmentId, commitmentId))
    .orderBy(asc(claimDecisions.effectiveDate), asc(claimDecisions.id))
    .all();
}

/** The commitment's standing claim at the end of `date` (lib/claims/state.ts), or null. */
export function claimAt(db: Db, commitmentId: number, date: string): ClaimView | null {
  const row = db.get<{ update_id: number; effective_date: string; side: string; counter_sides: string; state: ClaimState } | undefined>(
    sql`select * from ${standingClaims(date)} where commitment_id = ${commitmentId} order by effective_date desc, update_id desc limit 1`,
  );
  if (!row) return null;
  const update = db
    .select({ status: statusUpdates.newStatus, progress: statusUpdates.newProgress, note: statusUpdates.note, name: users.name, nameKo: users.nameKo, agency: agencies.code })
    .from(statusUpdates)
    .innerJoin(users, eq(users.id, statusUpdates.authorId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(statusUpdates.id, row.update_id))
    .get()!;
  const counterSides = row.counter_sides.split(',').filter(Boolean);
  const parties = partiesOf(db, commitmentId);
  return {
    updateId: row.update_id,
    status: update.status,
    progress: update.progress,
    note: update.note,
    effectiveDate: row.effective_date,
    side: row.side,
    counterSides,
    claimant: { name: update.name, nameKo: update.nameKo, agency: update.agency },
    awaiting: parties.filter((p) => counterSides.includes(p.country)).map(({ code, nameKo, shortNameKo, nameEn, country }) => ({ code, nameKo, shortNameKo, nameEn, country })),
    state: row.state,
    overdue: row.state === 'pending' && row.effective_date < addDays(date, -CLAIM_OVERDUE_DAYS),
    answers: answersOf(db, commitmentId, date).filter((a) => a.claimId === row.update_id),
  };
}

/** One country side's latest word by a date: an update, or an answer to the other side's claim. */
export interface SideView {
  country: string;
  status: Status;
  progress: number;
  effectiveDate: string;
  agency: string | null;
  author: string;
  authorKo: string | null;
  /** Set when the side's latest word is an answer: it confirmed the claim (status and progress are the claim's) or disputed it. */
  answer: ClaimDecision | null;
}

/**
 * Each country side's latest word by the end of `date`, in world order: its latest update (the side
 * of an update is its author's agency's country; an administrator's counts for the lead's side, as
 * its claims do), or its answer to a claim when that is later (an answer on the same day as an
 * update follows it). Every side with an agency on the commitment appears, the lead's first.
 */
export function sideViewsAt(db: Db, commitmentId: number, date: string): { country: string; latest: SideView | null }[] {
  const parties = partiesOf(db, commitmentId);
  const leadCountry = parties.find((p) => p.lead)?.country ?? '';
  const countries = [...new Set(parties.map((p) => p.country))];
  const rows = db
    .select({ id: statusUpdates.id, status: statusUpdates.newStatus, progress: statusUpdates.newProgress, effectiveDate: statusUpdates.effectiveDate, agency: agencies.code, country: agencies.country, author: users.name, authorKo: users.nameKo })
    .from(statusUpdates)
    .innerJoin(users, eq(users.id, statusUpdates.authorId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(statusUpdates.commitmentId, commitmentId), lte(statusUpdates.effectiveDate, date)))
    .orderBy(desc(statusUpdates.effectiveDate), desc(statusUpdates.id))
    .all();
  const answers = answersOf(db, commitmentId, date);
  return countries.map((country) => {
    const r = rows.find((x) => (x.country ?? leadCountry) === country);
    const a = answers.filter((x) => x.side === country).at(-1);
    if (a && (!r || a.effectiveDate >= r.effectiveDate)) {
      const claimed = rows.find((x) => x.id === a.claimId);
      if (claimed) {
        return { country, latest: { country, status: claimed.status, progress: claimed.progress, effectiveDate: a.effectiveDate, agency: a.agency, author: a.actorName, authorKo: a.actorNameKo, answer: a.decision } };
      }
    }
    return { country, latest: r ? { country, status: r.status, progress: r.progress, effectiveDate: r.effectiveDate, agency: r.agency, author: r.author, authorKo: r.authorKo, answer: null } : null };
  });
}

/** How many commitments in a scope have a claim awaiting an answer (and for over 30 days), or disputed, at the end of `date`. */
export interface ClaimCounts {
  pending: number;
  pendingOverdue: number;
  disputed: number;
}

export function claimCounts(db: Pick<Db, 'get'>, scope: SQL[], date: string): ClaimCounts {
  const overdueBefore = addDays(date, -CLAIM_OVERDUE_DAYS);
  const row = db.get<{ pending: number | null; overdue: number | null; disputed: number | null }>(sql`select
      sum(sc.state = 'pending') as pending,
      sum(sc.state = 'pending' and sc.effective_date < ${overdueBefore}) as overdue,
      sum(sc.state = 'disputed') as disputed
    from ${standingClaims(date)} sc cross join ${commitments} on ${commitments.id} = sc.commitment_id
    where ${and(...scope, existsOn(date))}`);
  return { pending: row?.pending ?? 0, pendingOverdue: row?.overdue ?? 0, disputed: row?.disputed ?? 0 };
}

/** Each listed commitment's standing claim at `date`: its state and the countries asked (the caller has the parties). */
export function claimStatesFor(db: Db, commitmentIds: number[], date: string): Map<number, { state: ClaimState; overdue: boolean; counterSides: string[] }> {
  const out = new Map<number, { state: ClaimState; overdue: boolean; counterSides: string[] }>();
  if (!commitmentIds.length) return out;
  const rows = db.all<{ commitment_id: number; effective_date: string; counter_sides: string; state: ClaimState }>(sql`
    select sc.commitment_id, sc.effective_date, sc.counter_sides, sc.state from ${standingClaims(date)} sc
    where sc.commitment_id in (${sql.join(commitmentIds.map((id) => sql`${id}`), sql`, `)})`);
  for (const r of rows) {
    out.set(r.commitment_id, { state: r.state, overdue: r.state === 'pending' && r.effective_date < addDays(date, -CLAIM_OVERDUE_DAYS), counterSides: r.counter_sides.split(',') });
  }
  return out;
}

/** The claims on commitments an agency is on, standing at `date`: those asking its side (to answer), and its side's disputed ones. */
export function agencyClaimQueues(db: Db, agencyId: number, country: string, date: string) {
  const involved = sql`(${commitments.leadAgencyId} = ${agencyId} or exists (select 1 from commitment_partners p where p.commitment_id = ${commitments.id} and p.agency_id = ${agencyId}))`;
  const rows = db.all<{ id: number; code: string; update_id: number; effective_date: string; side: string; counter_sides: string; state: ClaimState }>(sql`
    select ${commitments.id} as id, ${commitments.code} as code, sc.update_id, sc.effective_date, sc.side, sc.counter_sides, sc.state
    from ${standingClaims(date)} sc cross join ${commitments} on ${commitments.id} = sc.commitment_id
    where ${commitments.archivedAt} is null and ${involved} order by sc.effective_date, ${commitments.code}`);
  return {
    toAnswer: rows.filter((r) => r.state === 'pending' && r.counter_sides.split(',').includes(country)),
    disputedOwn: rows.filter((r) => r.state === 'disputed' && r.side === country),
  };
}

