import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { assessments, commitments, users } from '@/db/schema';
import type { Confidence, Verdict } from '@/lib/commitments/vocabulary';
import type { VERDICT_FILTERS } from '@/lib/commitments/filters';
import { formatQuarter, quarterOf } from '@/lib/periods/quarters';

/** The quarter whose assessments stand at a date: the quarter the date falls in. */
export const assessmentQuarterOf = (date: string): string => formatQuarter(quarterOf(date));

/** What the list filters on: a verdict, or no assessment for the date's quarter. */
export type VerdictFilter = (typeof VERDICT_FILTERS)[number];

/**
 * Each commitment's standing assessment for `quarter`: the latest recorded (highest id), and only
 * those recorded by `recordedBy` (an ISO instant) when given, as a report issued then saw them.
 * A subquery with columns commitment_id, id, verdict, confidence, rationale, links, recorded_at.
 */
export function standingAssessments(quarter: string, recordedBy?: string): SQL {
  const by = recordedBy ? sql`and a.recorded_at <= ${recordedBy}` : sql``;
  return sql`(select a.commitment_id, a.id, a.verdict, a.confidence, a.rationale, a.links, a.recorded_at from assessments a
    where a.quarter = ${quarter} ${by} and a.id = (select max(b.id) from assessments b where b.commitment_id = a.commitment_id and b.quarter = ${quarter} ${recordedBy ? sql`and b.recorded_at <= ${recordedBy}` : sql``}))`;
}

/** A commitment's standing verdict for `quarter` (null: not assessed), as a column over `commitments`. */
export const verdictSql = (quarter: string): SQL<Verdict | null> =>
  sql<Verdict | null>`(select a.verdict from assessments a where a.commitment_id = ${commitments.id} and a.quarter = ${quarter} order by a.id desc limit 1)`;

/** Commitments whose standing verdict for `quarter` is `filter` ('none': not assessed that quarter). */
export function verdictFilterSql(filter: VerdictFilter, quarter: string): SQL {
  if (filter === 'none') return sql`not exists (select 1 from assessments a where a.commitment_id = ${commitments.id} and a.quarter = ${quarter})`;
  return sql`${verdictSql(quarter)} = ${Number(filter)}`;
}

/** An assessment's own fields. */
export interface AssessmentFields {
  id: number;
  quarter: string;
  verdict: Verdict;
  confidence: Confidence;
  rationale: string;
  links: string[];
  recordedAt: string;
}

export interface AssessmentEntry extends AssessmentFields {
  author: string;
  /** The author's Korean display name (users.name_ko), if any. */
  authorKo: string | null;
  /** True for the latest of its quarter: the one that stands. */
  standing: boolean;
}

/** Every assessment of a commitment, newest quarter first and, within one, latest recorded first. */
export function assessmentsOf(db: Db, commitmentId: number): AssessmentEntry[] {
  const rows = db
    .select({ id: assessments.id, quarter: assessments.quarter, verdict: assessments.verdict, confidence: assessments.confidence, rationale: assessments.rationale, links: assessments.links, recordedAt: assessments.recordedAt, author: users.name, authorKo: users.nameKo })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.authorId))
    .where(eq(assessments.commitmentId, commitmentId))
    .orderBy(desc(assessments.quarter), desc(assessments.id))
    .all();
  const seen = new Set<string>();
  return rows.map((r) => {
    const standing = !seen.has(r.quarter);
    seen.add(r.quarter);
    return { ...r, verdict: r.verdict as Verdict, links: parseLinks(r.links), standing };
  });
}

/**
 * The assessment that stands at `date`: the latest for the date's quarter, or, without one, the
 * latest of the most recent earlier quarter (flagged `current: false`, "not assessed this quarter").
 */
export function assessmentAt(entries: AssessmentEntry[], date: string): (AssessmentEntry & { current: boolean }) | null {
  const quarter = assessmentQuarterOf(date);
  const found = entries.find((e) => e.quarter <= quarter);
  return found ? { ...found, current: found.quarter === quarter } : null;
}

export function parseLinks(text: string): string[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Mean compliance score of a group: the mean verdict over those assessed (null when none is), and how many are. */
export interface Compliance {
  assessed: number;
  total: number;
  mean: number | null;
}

/**
 * Standing verdicts for `quarter` over a scope's commitments existing at `date` (`existing`),
 * counted by the commitment's status at that date (`status`, a column over `commitments` with
 * `join`), by area and by lead agency. Driven from the quarter's assessments, so its cost follows
 * how many were assessed, not how many commitments there are; the not-assessed counts are the
 * caller's totals minus these.
 */
export function assessedTallies(db: Pick<Db, 'all'>, scope: SQL[], existing: SQL, status: SQL, join: SQL, quarter: string) {
  return db.all<{ verdict: number; status: string; areaId: number; leadAgencyId: number; n: number }>(sql`
    select av.verdict as verdict, ${status} as status, ${commitments.areaId} as "areaId", ${commitments.leadAgencyId} as "leadAgencyId", count(*) as n
    from ${standingAssessments(quarter)} av cross join ${commitments} on ${commitments.id} = av.commitment_id ${join}
    where ${and(...scope, existing)}
    group by 1, 2, 3, 4`);
}
