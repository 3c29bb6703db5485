import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { agencies, areas, commitments, dialogues, statusTransitions } from '@/db/schema';
import type { DueCategory } from '@/lib/dashboard/due-categories';
import { NO_DEADLINE } from '@/lib/commitments/filters';
import { isClosed, OPEN_STATUSES, STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { addDays, isoDate, monthEnd, monthIndex } from '@/lib/periods/dates';
import { formatQuarter, previousQuarter, quarterOf, quarterRange, quartersBetween } from '@/lib/periods/quarters';
import { drillDownHref } from './links';
import { existsOn, type AsOfScope } from './scope';
import { completedOfDueCounter, emptyTally, netChangesByMonth, type StateTally } from './series';
import { prepareSnapshots, scopeOf, statesAt, statesOn, type GroupTotals, type StatesOn } from './sources';
import { END_OF_TIME, lastUpdateAtSql } from './state';
import { lastRecordedAtSql, recordedOn, staleAt, staleSql } from './staleness';
import { OPEN_SQL, WARNING_SQL } from './vocabulary-sql';
import { claimCounts, type ClaimCounts } from '@/lib/claims/queries';
import { claimNeedsAttentionSql, claimStateAtSql } from '@/lib/claims/state';
import { assessedTallies, assessmentQuarterOf, type Compliance } from '@/lib/assessments/queries';
import type { ClaimState, Verdict } from '@/lib/commitments/vocabulary';
import { VERDICTS } from '@/lib/commitments/vocabulary';

/** Counts by status at a date, with overdue and mean progress. */
export interface Headline {
  total: number;
  counts: Record<Status, number>;
  overdue: number;
  meanProgress: number;
}

/** One headline figure's drill-down: the commitments list showing exactly what it counts. */
export type FigureKey = 'total' | Status | 'overdue';
export type StatusLinks = Record<Status, string>;

export interface AreaRow {
  code: string;
  nameKo: string;
  nameEn: string;
  counts: Record<Status, number>;
  total: number;
  links: StatusLinks & { total: string };
}

export interface AgencyRow {
  code: string;
  nameKo: string;
  shortNameKo: string | null;
  nameEn: string;
  country: string;
  led: number;
  completed: number;
  overdue: number;
  links: { led: string; completed: string; overdue: string };
}

export interface CountryRow {
  country: string;
  led: number;
  completed: number;
  overdue: number;
  links: { led: string; completed: string; overdue: string };
}

export interface DueQuarter {
  quarter: string;
  completed: number;
  onCourse: number;
  overdue: number;
  discontinued: number;
  links: Record<DueCategory, string>;
}

export interface SeriesPoint {
  period: string;
  end: string;
  counts: Record<Status, number>;
  total: number;
  meanProgress: number;
  /** Commitments existing then and due on or before `end` (the burn-up's scope). */
  dueByThen: number;
  /** Of those, the ones completed at `end` (as the history stood then): never a commitment without a deadline. */
  completedOfDue: number;
  /** Each status at `end`, and the burn-up's two figures, as lists. */
  links: StatusLinks & { dueByThen: string; completedOfDue: string };
}

export interface ListedCommitment {
  code: string;
  /** The standing claim's state at the date (lib/claims), or null without one. */
  claim: ClaimState | null;
  titleKo: string;
  titleEn: string;
  dueSpec: string;
  dueEnd: string | null;
  status: Status;
  /** The latest entry's effective date by then. */
  lastUpdate: string | null;
  /** The day (app time zone) the latest entry recorded by the end of the date was recorded. */
  lastRecorded: string | null;
  overdue: boolean;
  /** No entry recorded in the 90 days up to the date (lib/as-of/staleness.ts). */
  stale: boolean;
}

/**
 * Everything the dashboard (page and `GET /api/v1/dashboard`) shows for a scope as it stood at the
 * end of `asOf`, with each figure's drill-down link. Built once per request by `planAsOfView`;
 * the renderers compute nothing.
 */
export interface AsOfView {
  scope: AsOfScope;
  asOf: string;
  today: string;
  /** True when asOf is before today: the view shows a past date. */
  past: boolean;
  previousQuarterEnd: string;
  headline: Headline;
  previous: Headline;
  links: Record<FigureKey, string>;
  byArea: AreaRow[];
  byLeadAgency: AgencyRow[];
  byCountry: CountryRow[];
  dueTimeline: DueQuarter[];
  /** Commitments the due timeline leaves out: no deadline (ongoing, or no due end), with their list. */
  noDeadline: { count: number; link: string };
  /** Open commitments falling due in the 90 days after asOf (at most 50). */
  upcoming: ListedCommitment[];
  /** The progress series' period: months for a range of up to 24 months, quarters beyond. */
  seriesUnit: 'month' | 'quarter';
  series: SeriesPoint[];
  /** Overdue, delayed or at risk, no entry recorded for 90 days, sides disagreeing, or a claim unanswered for 30 days; latest update first (at most 25). */
  attention: ListedCommitment[];
  /** Claims awaiting the other side (and for over 30 days) and disputed ones at asOf, each with its drill-down. */
  claims: ClaimCounts & { links: Record<keyof ClaimCounts, string> };
  /** Analysts' assessments standing for asOf's quarter against the self-reported status at asOf. */
  assessment: AssessmentView;
}

/** One row of the cross-table: a verdict (null: not assessed this quarter) by status. */
export interface VerdictRow {
  verdict: Verdict | null;
  counts: Record<Status, number>;
  total: number;
  links: StatusLinks & { total: string };
}

export interface ComplianceRow extends Compliance {
  code: string;
  nameKo: string;
  nameEn: string;
  /** Drill-down: the group's commitments not assessed this quarter. */
  link: string;
}

export interface AssessmentView {
  quarter: string;
  /** Rows +1, 0, -1, then not assessed. */
  cross: VerdictRow[];
  overall: Compliance;
  byArea: ComplianceRow[];
  byLeadAgency: (ComplianceRow & { shortNameKo: string | null })[];
}

export { STALE_DAYS } from './staleness';
/** The progress series is monthly up to this many months, quarterly beyond. */
export const MONTHLY_SERIES_MAX = 24;

const previousQuarterEndOf = (date: string) => quarterRange(previousQuarter(quarterOf(date))).end;

/**
 * The planner: builds the view of a scope at `asOf`. Snapshots it will count from are built first
 * (a write, through `snapshotWriter`: a read-only connection reads, a writable one builds them); every figure is then read in one transaction, so all of them come from the same
 * moment even while others write.
 */
export function planAsOfView(scope: AsOfScope, asOf: string, today: string, db: Db = getDb(), snapshotWriter: Db = db): AsOfView {
  prepareSnapshots(snapshotWriter, scope, [asOf, previousQuarterEndOf(asOf)], today);
  return db.transaction(
    () => {
      const narrowed = scopeOf(db, scope);
      // Each commitment's state at asOf, for the lists; built first, so the counts share its corrections.
      const states = statesOn(db, asOf, today, 'vw');
      try {
        return buildView(db, scope, narrowed.scope, asOf, today, states);
      } finally {
        states.release();
        narrowed.release();
      }
    },
    { behavior: 'deferred' },
  );
}

function sumOf(groups: GroupTotals[]): { tally: StateTally; overdue: number } {
  const tally = emptyTally();
  let overdue = 0;
  for (const g of groups) {
    for (const s of STATUSES) tally.counts[s] += g.counts[s];
    tally.total += g.total;
    tally.progressSum += g.progressSum;
    overdue += g.overdue;
  }
  return { tally, overdue };
}

function headlineOf(groups: GroupTotals[]): Headline {
  const { tally, overdue } = sumOf(groups);
  return { total: tally.total, counts: tally.counts, overdue, meanProgress: tally.total ? tally.progressSum / tally.total : 0 };
}

/** Period ends for the progress series: months for a range of up to two years, quarters beyond. */
function periods(start: string, asOf: string): { unit: 'month' | 'quarter'; list: { key: string; end: string }[] } {
  const months = monthIndex(asOf) - monthIndex(start) + 1;
  if (months > MONTHLY_SERIES_MAX) {
    const quarters = quartersBetween(quarterOf(start), quarterOf(asOf));
    return { unit: 'quarter', list: quarters.map((q) => ({ key: formatQuarter(q), end: quarterRange(q).end < asOf ? quarterRange(q).end : asOf })) };
  }
  const list: { key: string; end: string }[] = [];
  for (let y = Number(start.slice(0, 4)), m = Number(start.slice(5, 7)); isoDate(y, m, 1) <= asOf; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const end = monthEnd(y, m);
    list.push({ key: `${y}-${String(m).padStart(2, '0')}`, end: end < asOf ? end : asOf });
  }
  return { unit: 'month', list };
}

/** The burn-up at a period's end: what had fallen due by then, how many of those were completed then, and their lists. */
type BurnupAt = (end: string) => Pick<SeriesPoint, 'dueByThen' | 'completedOfDue'> & { links: { dueByThen: string; completedOfDue: string } };

/**
 * Status counts and mean progress at the end of each period: the state once all history has
 * happened minus the net changes (adoptions included) of every later month, the last point being
 * the as-of counts themselves; with the burn-up at each end.
 */
function progressSeries(
  list: { key: string; end: string }[],
  atAsOf: Headline,
  final: StateTally,
  changes: Map<number, StateTally>,
  burnup: BurnupAt,
  statusLinks: (date: string) => StatusLinks,
): SeriesPoint[] {
  const laterMonths = [...changes.keys()].sort((a, b) => b - a);
  const running = { counts: { ...final.counts }, progressSum: final.progressSum };
  let cursor = 0;
  const points: SeriesPoint[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const p = list[i]!;
    const b = burnup(p.end);
    const base = { period: p.key, end: p.end, dueByThen: b.dueByThen, completedOfDue: b.completedOfDue, links: { ...statusLinks(p.end), ...b.links } };
    if (i === list.length - 1) {
      points.unshift({ ...base, counts: { ...atAsOf.counts }, total: atAsOf.total, meanProgress: atAsOf.meanProgress });
      continue;
    }
    // Take back every month after this period's end, newest first.
    for (; cursor < laterMonths.length && laterMonths[cursor]! > monthIndex(p.end); cursor++) {
      const d = changes.get(laterMonths[cursor]!)!;
      for (const s of STATUSES) running.counts[s] -= d.counts[s];
      running.progressSum -= d.progressSum;
    }
    const total = STATUSES.reduce((n, s) => n + running.counts[s], 0);
    points.unshift({ ...base, counts: { ...running.counts }, total, meanProgress: total ? running.progressSum / total : 0 });
  }
  return points;
}

function buildView(db: Db, scopeFilter: AsOfScope, scope: SQL[], asOf: string, today: string, states: StatesOn): AsOfView {
  const previousQuarterEnd = previousQuarterEndOf(asOf);
  const href = (extra: Parameters<typeof drillDownHref>[3], date = asOf) => drillDownHref(scopeFilter, date, today, extra);
  const statusLinks = (date: string, extra: Parameters<typeof drillDownHref>[3] = {}) =>
    Object.fromEntries(STATUSES.map((s) => [s, href({ ...extra, status: [s] }, date)])) as StatusLinks;

  const at = statesAt(db, scopeFilter, scope, asOf, today);
  const headline = headlineOf(at.groups);
  const previous = headlineOf(statesAt(db, scopeFilter, scope, previousQuarterEnd, today, false).groups);

  // By area and by lead agency, from the same groups.
  const areaRows = db.select({ id: areas.id, code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn }).from(areas).orderBy(asc(areas.sortOrder)).all();
  const agencyRows = db.select({ id: agencies.id, code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn, country: agencies.country }).from(agencies).orderBy(asc(agencies.code)).all();
  const byArea = new Map<number, StateTally>();
  const byAgency = new Map<number, { led: number; completed: number; overdue: number }>();
  for (const g of at.groups) {
    const area = byArea.get(g.areaId) ?? emptyTally();
    for (const s of STATUSES) area.counts[s] += g.counts[s];
    area.total += g.total;
    byArea.set(g.areaId, area);
    const agency = byAgency.get(g.leadAgencyId) ?? { led: 0, completed: 0, overdue: 0 };
    agency.led += g.total;
    agency.completed += g.counts.completed;
    agency.overdue += g.overdue;
    byAgency.set(g.leadAgencyId, agency);
  }
  const leadRows: AgencyRow[] = agencyRows
    .filter((a) => byAgency.get(a.id)?.led)
    .map(({ id, ...a }) => ({ ...a, ...byAgency.get(id)!, links: { led: href({ lead: a.code }), completed: href({ lead: a.code, status: ['completed'] }), overdue: href({ lead: a.code, overdue: true }) } }));
  const countries = new Map<string, CountryRow>();
  for (const a of leadRows) {
    const c = countries.get(a.country) ?? { country: a.country, led: 0, completed: 0, overdue: 0, links: { led: href({ country: a.country }), completed: href({ country: a.country, status: ['completed'] }), overdue: href({ country: a.country, overdue: true }) } };
    c.led += a.led;
    c.completed += a.completed;
    c.overdue += a.overdue;
    countries.set(a.country, c);
  }

  // The due timeline by the quarter a commitment falls due in.
  const dueQuarters = new Map<string, DueQuarter>();
  for (const d of at.dues) {
    const quarter = formatQuarter(quarterOf(d.dueEnd));
    const q =
      dueQuarters.get(quarter) ??
      {
        quarter,
        completed: 0,
        onCourse: 0,
        overdue: 0,
        discontinued: 0,
        links: {
          completed: href({ due: quarter, status: ['completed'] }),
          discontinued: href({ due: quarter, status: ['discontinued'] }),
          overdue: href({ due: quarter, overdue: true }),
          onCourse: href({ due: quarter, overdue: false, status: [...OPEN_STATUSES] }),
        },
      };
    q.completed += d.completed;
    q.discontinued += d.discontinued;
    if (d.dueEnd < asOf) q.overdue += d.open;
    else q.onCourse += d.open;
    dueQuarters.set(quarter, q);
  }

  // The series, from the first dialogue in scope to asOf.
  const first = db.all<{ d: string }>(sql`select ${dialogues.heldOn} as d from ${dialogues}
    where exists (select 1 from ${commitments} where ${and(eq(commitments.dialogueId, dialogues.id), ...scope)}) order by d limit 1`)[0]?.d;
  const { unit, list } = first && first <= asOf ? periods(first, asOf) : { unit: 'quarter' as const, list: [] };
  const final = sumOf(statesAt(db, scopeFilter, scope, END_OF_TIME, today, false).groups).tally;
  const changes = netChangesByMonth(db, scopeFilter, list[0] ? monthIndex(list[0].end) : monthIndex(asOf), scope);
  const dueByThen = dueByThenCounter(db, scope, asOf, at.dues);
  const completedOfDue = completedOfDueCounter(db, scope, asOf, !!(scopeFilter.dialogue || scopeFilter.agency));
  const burnup: BurnupAt = (end) => ({
    dueByThen: dueByThen(end),
    completedOfDue: completedOfDue(end),
    links: { dueByThen: href({ dueBy: end }, end), completedOfDue: href({ dueBy: end, status: ['completed'] }, end) },
  });
  const series = list.length ? progressSeries(list, headline, final, changes, burnup, (date) => statusLinks(date)) : [];
  // The due timeline counts the dated commitments; the rest have no deadline.
  const dated = at.dues.reduce((n, d) => n + d.completed + d.discontinued + d.open, 0);

  return {
    scope: scopeFilter,
    asOf,
    today,
    past: asOf < today,
    previousQuarterEnd,
    headline,
    previous,
    links: { total: href({}), overdue: href({ overdue: true }), ...statusLinks(asOf) },
    byArea: areaRows
      .filter((a) => byArea.get(a.id)?.total)
      .map(({ id, ...a }) => ({ ...a, counts: byArea.get(id)!.counts, total: byArea.get(id)!.total, links: { ...statusLinks(asOf, { area: a.code }), total: href({ area: a.code }) } })),
    byLeadAgency: leadRows,
    byCountry: [...countries.values()].sort((a, b) => a.country.localeCompare(b.country)),
    dueTimeline: [...dueQuarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter)),
    noDeadline: { count: headline.total - dated, link: href({ due: NO_DEADLINE }) },
      upcoming: upcomingDue(db, scope, asOf, states),
      seriesUnit: unit,
      series,
      attention: attentionList(db, scopeFilter, scope, asOf, today, states),
      claims: { ...claimCounts(db, scope, asOf), links: { pending: href({ confirmation: 'pending' }), pendingOverdue: href({ confirmation: 'pending_overdue' }), disputed: href({ confirmation: 'disputed' }) } },
      assessment: assessmentView(db, scope, asOf, states, at.groups, areaRows, agencyRows, href),
    };
}

const verdictParam = (v: Verdict | null) => (v === null ? 'none' : (String(v) as '1' | '0' | '-1'));

/**
 * The cross-table of verdicts against statuses, and mean compliance by area and lead agency: the
 * assessed from the quarter's assessments, the not assessed as the as-of counts (`groups`) less them.
 */
function assessmentView(
  db: Db,
  scope: SQL[],
  asOf: string,
  states: StatesOn,
  groups: GroupTotals[],
  areaRows: { id: number; code: string; nameKo: string; nameEn: string }[],
  agencyRows: { id: number; code: string; nameKo: string; shortNameKo: string | null; nameEn: string }[],
  href: (extra: Parameters<typeof drillDownHref>[3]) => string,
): AssessmentView {
  const quarter = assessmentQuarterOf(asOf);
  const assessed = assessedTallies(db, scope, existsOn(asOf), states.columns.status, states.join, quarter);
  const verdicts: (Verdict | null)[] = [...VERDICTS, null];
  const cross: VerdictRow[] = verdicts.map((verdict) => {
    const v = verdictParam(verdict);
    return {
      verdict,
      counts: Object.fromEntries(STATUSES.map((st) => [st, 0])) as Record<Status, number>,
      total: 0,
      links: { ...(Object.fromEntries(STATUSES.map((st) => [st, href({ verdict: v, status: [st] })])) as StatusLinks), total: href({ verdict: v }) },
    };
  });
  const notAssessed = cross[verdicts.length - 1]!;
  const empty = (): { assessed: number; total: number; sum: number } => ({ assessed: 0, total: 0, sum: 0 });
  const overall = empty();
  const byArea = new Map<number, ReturnType<typeof empty>>();
  const byAgency = new Map<number, ReturnType<typeof empty>>();
  for (const g of groups) {
    for (const s of STATUSES) notAssessed.counts[s] += g.counts[s];
    notAssessed.total += g.total;
    for (const x of [overall, getOr(byArea, g.areaId, empty), getOr(byAgency, g.leadAgencyId, empty)]) x.total += g.total;
  }
  for (const r of assessed) {
    const row = cross[verdicts.indexOf(r.verdict as Verdict)]!;
    row.counts[r.status as Status] += r.n;
    row.total += r.n;
    notAssessed.counts[r.status as Status] -= r.n;
    notAssessed.total -= r.n;
    for (const x of [overall, getOr(byArea, r.areaId, empty), getOr(byAgency, r.leadAgencyId, empty)]) {
      x.assessed += r.n;
      x.sum += r.verdict * r.n;
    }
  }
  const compliance = (g: ReturnType<typeof empty>): Compliance => ({ assessed: g.assessed, total: g.total, mean: g.assessed ? g.sum / g.assessed : null });
  return {
    quarter,
    cross,
    overall: compliance(overall),
    byArea: areaRows.filter((a) => byArea.get(a.id)?.total).map(({ id, ...a }) => ({ ...a, ...compliance(byArea.get(id)!), link: href({ area: a.code, verdict: 'none' }) })),
    byLeadAgency: agencyRows.filter((a) => byAgency.get(a.id)?.total).map(({ id, ...a }) => ({ ...a, ...compliance(byAgency.get(id)!), link: href({ lead: a.code, verdict: 'none' }) })),
  };
}

function getOr<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/**
 * How many commitments existing at `end` were due on or before it: the as-of due counts up to
 * `end`, less the few due before they were adopted and adopted after `end`.
 */
function dueByThenCounter(db: Db, scope: SQL[], asOf: string, dues: { dueEnd: string; completed: number; discontinued: number; open: number }[]) {
  const sorted = dues.map((d) => ({ end: d.dueEnd, n: d.completed + d.discontinued + d.open })).sort((a, b) => a.end.localeCompare(b.end));
  const early = db.all<{ due: string; adopted: string }>(sql`select ${commitments.dueEnd} as due, ${commitments.adoptedOn} as adopted from ${commitments}
    where ${and(...scope, existsOn(asOf), sql`${commitments.dueEnd} < ${commitments.adoptedOn}`)}`);
  return (end: string) => {
    let n = 0;
    for (const d of sorted) {
      if (d.end > end) break;
      n += d.n;
    }
    for (const e of early) if (e.due <= end && e.adopted > end) n -= 1;
    return n;
  };
}

/** The columns of a listed commitment, as a SELECT list. */
const listColumns = (status: SQL, lastUpdate: SQL, asOf: string) =>
  sql`${claimStateAtSql(asOf)} as claim, ${commitments.code} as code, ${commitments.titleKo} as "titleKo", ${commitments.titleEn} as "titleEn", ${commitments.dueSpec} as "dueSpec",
    ${commitments.dueEnd} as "dueEnd", ${status} as status, ${lastUpdate} as "lastUpdate", ${lastRecordedAtSql(asOf)} as "lastRecordedAt", ${commitments.adoptedOn} as "adoptedOn"`;

/** A listed commitment as its SELECT list reads it. */
type ListedRow = Omit<ListedCommitment, 'overdue' | 'stale' | 'lastRecorded'> & { lastRecordedAt: string | null; adoptedOn: string };

function listed(rows: ListedRow[], asOf: string): ListedCommitment[] {
  const isStale = staleAt(asOf);
  return rows.map(({ lastRecordedAt, adoptedOn, ...r }) => ({
    ...r,
    lastRecorded: recordedOn(lastRecordedAt),
    overdue: r.dueEnd !== null && r.dueEnd < asOf && !isClosed(r.status),
    stale: isStale({ status: r.status, adoptedOn, lastRecordedAt }),
  }));
}

/** Open commitments falling due in the 90 days after `asOf`. */
function upcomingDue(db: Db, scope: SQL[], asOf: string, states: StatesOn): ListedCommitment[] {
  const rows = db.all<ListedRow>(sql`select ${listColumns(states.columns.status, lastUpdateAtSql(asOf), asOf)}
    from ${commitments} ${states.join}
    where ${and(...scope, existsOn(asOf), sql`${commitments.dueEnd} > ${asOf} and ${commitments.dueEnd} <= ${addDays(asOf, 90)}`, sql`${states.columns.status} in ${OPEN_SQL}`)}
    order by ${commitments.dueEnd}, ${commitments.code} limit 50`);
  return listed(rows, asOf);
}

/** Overdue, delayed or at-risk commitments, and those without an entry recorded for 90 days; latest update first. */
function attentionList(db: Db, scopeFilter: AsOfScope, scope: SQL[], asOf: string, today: string, states: StatesOn): ListedCommitment[] {
  const at = states.columns;
  const needsAttention = (status: SQL) => sql`(${status} in ${WARNING_SQL}
    or (${commitments.dueEnd} is not null and ${commitments.dueEnd} < ${asOf} and ${status} in ${OPEN_SQL})
    or ${staleSql(asOf, status)}
    or ${claimNeedsAttentionSql(asOf)})`;
  const t = statusTransitions;
  if (asOf >= today) {
    // Latest update first; ties by newest commitment. This walks commitments_recent_idx and stops early.
    const lastUpdate = sql<string | null>`${commitments.lastUpdateOn}`;
    const rows = db.all<ListedRow>(sql`select ${listColumns(at.status, lastUpdate, asOf)} from ${commitments} ${states.join}
      where ${and(...scope, existsOn(asOf), needsAttention(at.status))} order by ${commitments.lastUpdateOn} desc, ${commitments.id} desc limit 25`);
    return listed(rows, asOf);
  }
  if (!scopeFilter.dialogue && !scopeFilter.agency) {
    // A broad scope in the past: walk the state changes backwards from the date; a change is a
    // commitment's latest by then when no later one precedes the date, and gives its state then
    // (every commitment existing then has one: its adoption).
    const latest = sql`not exists (select 1 from ${t} l where l.commitment_id = ${t.commitmentId} and l.effective_date <= ${asOf}
      and (l.effective_date > ${t.effectiveDate} or (l.effective_date = ${t.effectiveDate} and l.update_id > ${t.updateId})))`;
    const lastUpdate = sql<string | null>`(case when ${t.updateId} = 0 then null else ${t.effectiveDate} end)`;
    const status = sql`${t.toStatus}`;
    // CROSS JOIN keeps the history first, so the walk follows status_transitions_effective_idx and stops at 25.
    const rows = db.all<ListedRow>(sql`select ${listColumns(status, lastUpdate, asOf)}
      from ${t} cross join ${commitments} on ${commitments.id} = ${t.commitmentId}
      where ${and(sql`${t.effectiveDate} <= ${asOf}`, latest, ...scope, needsAttention(status))}
      order by ${t.effectiveDate} desc, ${t.commitmentId} desc limit 25`);
    return listed(rows, asOf);
  }
  // A narrow scope (a dialogue, an agency) in the past: its commitments, each with its latest entry by then.
  const lastUpdate = lastUpdateAtSql(asOf);
  const rows = db.all<ListedRow>(sql`select ${listColumns(at.status, lastUpdate, asOf)} from ${commitments} ${states.join}
    where ${and(...scope, existsOn(asOf), needsAttention(at.status))} order by "lastUpdate" desc, ${commitments.id} desc limit 25`);
  return listed(rows, asOf);
}
