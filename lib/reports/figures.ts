import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commitments } from '@/db/schema';
import { ABSENT, STATUSES, type State, type Status } from '@/lib/commitments/vocabulary';
import type { StateTable } from '@/lib/as-of/state';
import { existsOn } from '@/lib/as-of/scope';
import { OPEN_SQL } from '@/lib/as-of/vocabulary-sql';
import type { ComplianceFigures, QuarterFigures, StandingFigures } from './types';

/** Commitments of one area and lead agency with the same states at the two quarter ends. */
interface FigureGroup {
  areaId: number;
  leadAgencyId: number;
  end: Status;
  prev: State;
  n: number;
  endProgress: number;
  prevProgress: number;
  overdueEnd: number;
  overduePrev: number;
  newlyOverdue: number;
  dueNext: number;
  /** How many have an assessment standing for the quarter, and the sum of their verdicts. */
  assessed: number;
  verdictSum: number;
}

export interface QuarterDates {
  /** The date the figures stand at (quarter end, or today while it runs). */
  asOf: string;
  previousEnd: string;
  nextStart: string;
  nextEnd: string;
}

/**
 * One set-based pass over the scope's commitments existing at `asOf`, each with its state there
 * (`end`) and at the previous quarter end (`prev`) and its standing assessment (`assessed`, the
 * `standingAssessments` subquery), grouped so every summary, area and agency figure is a sum of
 * groups. Overdue at a quarter end: due on or before it and open at its end.
 */
export function figureGroups(db: Db, scope: SQL[], end: StateTable, prev: StateTable, assessed: SQL, d: QuarterDates): FigureGroup[] {
  const se = end.columns.status;
  const sp = prev.columns.status;
  const overdueAt = (status: SQL, date: string) => sql`(${commitments.dueEnd} is not null and ${commitments.dueEnd} <= ${date} and ${status} in ${OPEN_SQL})`;
  return db.all<FigureGroup>(sql`
    select ${commitments.areaId} as "areaId", ${commitments.leadAgencyId} as "leadAgencyId", ${se} as "end", ${sp} as prev, count(*) as n,
      sum(${end.columns.progress}) as "endProgress", sum(case when ${sp} = ${ABSENT} then 0 else ${prev.columns.progress} end) as "prevProgress",
      sum(${overdueAt(se, d.asOf)}) as "overdueEnd", sum(${overdueAt(sp, d.previousEnd)}) as "overduePrev",
      sum(${overdueAt(se, d.asOf)} and not ${overdueAt(sp, d.previousEnd)}) as "newlyOverdue",
      sum(${commitments.dueEnd} between ${d.nextStart} and ${d.nextEnd} and ${se} in ${OPEN_SQL}) as "dueNext",
      count(av.verdict) as assessed, coalesce(sum(av.verdict), 0) as "verdictSum"
    from ${commitments} ${end.join} ${prev.join} left join ${assessed} av on av.commitment_id = ${commitments.id}
    where ${and(...scope, existsOn(d.asOf))}
    group by 1, 2, 3, 4`);
}

const zeroCounts = () => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

function standing(counts: Record<Status, number>, overdue: number, progressSum: number): StandingFigures {
  const total = STATUSES.reduce((n, s) => n + counts[s], 0);
  return {
    total,
    counts,
    shares: Object.fromEntries(STATUSES.map((s) => [s, total ? counts[s] / total : 0])) as Record<Status, number>,
    overdue,
    meanProgress: total ? progressSum / total : 0,
  };
}

/** Sums groups into the quarter's figures. */
export function sumFigures(groups: FigureGroup[]): QuarterFigures {
  const endCounts = zeroCounts();
  const prevCounts = zeroCounts();
  let endProgress = 0;
  let prevProgress = 0;
  let overdueEnd = 0;
  let overduePrev = 0;
  let completed = 0;
  let newlyOverdue = 0;
  let dueNext = 0;
  let assessed = 0;
  let verdictSum = 0;
  for (const g of groups) {
    endCounts[g.end] += g.n;
    if (g.prev !== ABSENT) prevCounts[g.prev] += g.n;
    endProgress += g.endProgress;
    prevProgress += g.prevProgress;
    overdueEnd += g.overdueEnd;
    overduePrev += g.overduePrev;
    if (g.end === 'completed' && g.prev !== 'completed') completed += g.n;
    newlyOverdue += g.newlyOverdue;
    dueNext += g.dueNext;
    assessed += g.assessed;
    verdictSum += g.verdictSum;
  }
  const atEnd = standing(endCounts, overdueEnd, endProgress);
  const atPreviousEnd = standing(prevCounts, overduePrev, prevProgress);
  const compliance: ComplianceFigures = { total: atEnd.total, assessed, notAssessed: atEnd.total - assessed, mean: assessed ? verdictSum / assessed : null };
  return { atEnd, atPreviousEnd, completedThisQuarter: completed, newlyOverdue, dueNextQuarter: dueNext, meanProgressChange: atEnd.meanProgress - atPreviousEnd.meanProgress, compliance };
}

/** Groups' figures by a key (an area, a lead agency), in key order of `order`. */
export function figuresBy<K>(groups: FigureGroup[], key: (g: FigureGroup) => K): Map<K, QuarterFigures> {
  const split = new Map<K, FigureGroup[]>();
  for (const g of groups) split.set(key(g), [...(split.get(key(g)) ?? []), g]);
  return new Map([...split].map(([k, gs]) => [k, sumFigures(gs)]));
}
