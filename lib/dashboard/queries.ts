import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { agencies, areas, commitmentTallies, commitments, dialogues, statusTransitions } from '@/db/schema';
import type { CommitmentFilter } from '@/lib/commitments/filters';
import { scopeConditions } from '@/lib/commitments/queries';
import { prepareStateAt, type StateColumns } from './state-at';
import { CLOSED_STATUSES, STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { isoDate, monthEnd } from '@/lib/periods/dates';
import { formatQuarter, previousQuarter, quarterOf, quarterRange, quartersBetween } from '@/lib/periods/quarters';
import { addTo, emptyTally, netChangesByMonth, tallyNow, type StateTally } from './state-counts';

export type DashboardScope = Pick<CommitmentFilter, 'dialogue' | 'area' | 'agency' | 'country'>;
const isOpen = (s: Status) => !CLOSED_STATUSES.includes(s);

export interface Headline {
  total: number;
  counts: Record<Status, number>;
  overdue: number;
  meanProgress: number;
}

const dueBefore = (date: string) => sql`(${commitments.dueEnd} is not null and ${commitments.dueEnd} < ${date})`;
const monthKey = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

interface GroupRow {
  a: number;
  l: number;
  ld: 0 | 1;
  s: Status;
  n: number;
  p: number;
}

/**
 * One pass over the scope's commitments (a covering index), grouped by area, lead agency, whether
 * due before the as-of date, and the status then. Headline, areas and agencies sum from it.
 */
function groupedStates(db: Db, source: SQL, asOf: string): GroupRow[] {
  return db.all<GroupRow>(sql`
    select area_id as a, lead_agency_id as l, ${lateBy(asOf)} as ld, status as s, sum(n) as n, sum(progress) as p
    from ${source} group by a, l, ld, s`);
}

/** Whether a counting source's row fell due before the date. */
const lateBy = (date: string) => sql`(due_end is not null and due_end < ${date})`;

/**
 * What the dashboard counts, as rows of (area_id, lead_agency_id, due_end, status, n, progress):
 * for today with a scope the live tallies can answer, those tallies (a few thousand rows);
 * otherwise the scope's commitments with their status at the date.
 */
function countingSource(scopeFilter: DashboardScope, scope: SQL[], at: StateColumns, past: string | null): SQL {
  if (!past && !scopeFilter.dialogue && !scopeFilter.agency) {
    const t = commitmentTallies;
    const where: SQL[] = [];
    if (scopeFilter.area) where.push(sql`${t.areaId} = (select ${areas.id} from ${areas} where ${areas.code} = ${scopeFilter.area})`);
    if (scopeFilter.country) where.push(sql`${t.leadAgencyId} in (select ${agencies.id} from ${agencies} where ${agencies.country} = ${scopeFilter.country})`);
    return sql`(select area_id, lead_agency_id, nullif(due_end, '') as due_end, status, n, progress_sum as progress
      from ${t} where n != 0 and ${and(...where) ?? sql`1`})`;
  }
  return sql`(select ${commitments.areaId} as area_id, ${commitments.leadAgencyId} as lead_agency_id, ${commitments.dueEnd} as due_end,
      ${at.status} as status, 1 as n, ${at.progress} as progress from ${commitments} where ${and(...scope) ?? sql`1`})`;
}

/**
 * The headline at a quarter's end: now minus the net changes of the months since (the rollup),
 * and overdue from the commitments already due then (a seek only for those changed since).
 */
function headlineAtMonthEnd(db: Db, scope: SQL[], nowSource: SQL, monthEndDate: string, today: string, now: StateTally, changes: Map<number, StateTally>): Headline {
  const tally = { counts: { ...now.counts }, progressSum: now.progressSum };
  for (const [month, change] of changes) {
    if (month <= monthKey(monthEndDate)) continue;
    for (const s of STATUSES) tally.counts[s] -= change.counts[s];
    tally.progressSum -= change.progressSum;
  }
  // Overdue then = open now among those due by then, corrected for the few that changed since.
  const open = (status: SQL) => sql`(${status} not in ('completed', 'discontinued'))`;
  const openNow = db.all<{ n: number | null }>(sql`select sum(n) as n from ${nowSource}
    where ${lateBy(monthEndDate)} and ${open(sql`status`)}`)[0]?.n ?? 0;
  // Along each commitment's chain the changes telescope: open then = open now − Σ (open(to) − open(from)).
  const t = statusTransitions;
  const correction =
    monthEndDate < today
      ? (db.all<{ n: number | null }>(sql`select sum(${open(sql`${t.fromStatus}`)} - ${open(sql`${t.toStatus}`)}) as n
          from ${t} join ${commitments} on ${commitments.id} = ${t.commitmentId}
          where ${and(...scope, dueBefore(monthEndDate), sql`${t.effectiveDate} > ${monthEndDate}`)}`)[0]?.n ?? 0)
      : 0;
  const overdue = openNow + correction;
  return { total: now.total, counts: tally.counts, overdue, meanProgress: now.total ? tally.progressSum / now.total : 0 };
}

/** Commitments falling due per month (year * 12 + month - 1), by status and lateness at `asOf`. */
function dueStates(db: Db, source: SQL, asOf: string) {
  return db.all<{ m: number; ld: 0 | 1; s: Status; n: number }>(sql`
    select cast(substr(due_end, 1, 4) as integer) * 12 + cast(substr(due_end, 6, 2) as integer) - 1 as m,
      ${lateBy(asOf)} as ld, status as s, sum(n) as n
    from ${source} where due_end is not null group by m, ld, s`);
}

function tallyOf(rows: GroupRow[]): StateTally {
  const tally = emptyTally();
  for (const r of rows) addTo(tally, r.s, r.n, r.p);
  return tally;
}

function headlineOf(rows: GroupRow[], pick: (r: GroupRow) => { s: Status; p: number; late: boolean }): Headline {
  const tally = emptyTally();
  let overdue = 0;
  for (const r of rows) {
    const { s, p, late } = pick(r);
    addTo(tally, s, r.n, p);
    if (late && isOpen(s)) overdue += r.n;
  }
  return { total: tally.total, counts: tally.counts, overdue, meanProgress: tally.total ? tally.progressSum / tally.total : 0 };
}

/** Period ends for the progress chart: quarters, or months when the range is short. */
function periods(start: string, asOf: string): { key: string; end: string }[] {
  const quarters = quartersBetween(quarterOf(start), quarterOf(asOf));
  if (quarters.length > 6) {
    return quarters.map((q) => ({ key: formatQuarter(q), end: quarterRange(q).end < asOf ? quarterRange(q).end : asOf }));
  }
  const out: { key: string; end: string }[] = [];
  for (let y = Number(start.slice(0, 4)), m = Number(start.slice(5, 7)); isoDate(y, m, 1) <= asOf; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const end = monthEnd(y, m);
    out.push({ key: `${y}-${String(m).padStart(2, '0')}`, end: end < asOf ? end : asOf });
  }
  return out;
}

export interface SeriesPoint {
  period: string;
  end: string;
  counts: Record<Status, number>;
  meanProgress: number;
  total: number;
  dueByThen: number;
}

/**
 * Status counts and mean progress at the end of each period: the current tally minus the net
 * changes of every later month (from the monthly rollup), the last point being the as-of tally.
 */
function progressSeries(list: { key: string; end: string }[], atAsOf: Headline, now: StateTally, changes: Map<number, StateTally>, dueByMonth: Map<number, number>): SeriesPoint[] {
  if (list.length === 0) return [];

  const laterMonths = [...changes.keys()].sort((a, b) => b - a);
  const running = { counts: { ...now.counts }, progressSum: now.progressSum };
  let cursor = 0;
  const points: SeriesPoint[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const p = list[i]!;
    const dueByThen = [...dueByMonth].reduce((n, [m, count]) => (m <= monthKey(p.end) ? n + count : n), 0);
    if (i === list.length - 1) {
      points.unshift({ period: p.key, end: p.end, counts: { ...atAsOf.counts }, total: atAsOf.total, meanProgress: atAsOf.meanProgress, dueByThen });
      continue;
    }
    // Take back every month after this period's (month) end, newest first.
    for (; cursor < laterMonths.length && laterMonths[cursor]! > monthKey(p.end); cursor++) {
      const d = changes.get(laterMonths[cursor]!)!;
      for (const s of STATUSES) running.counts[s] -= d.counts[s];
      running.progressSum -= d.progressSum;
    }
    points.unshift({ period: p.key, end: p.end, counts: { ...running.counts }, total: now.total, meanProgress: now.total ? running.progressSum / now.total : 0, dueByThen });
  }
  return points;
}

/** Everything the dashboard shows, for a scope as it stood at the end of `asOf`. */
export function getDashboard(scopeFilter: DashboardScope, asOf: string, today: string, db: Db = getDb()) {
  const scope = scopeConditions(scopeFilter);
  const past = asOf < today ? asOf : null;
  const previousQuarterEnd = quarterRange(previousQuarter(quarterOf(asOf))).end;
  const at = prepareStateAt(db, past);
  const source = countingSource(scopeFilter, scope, at, past);
  const nowSource = past ? countingSource(scopeFilter, scope, prepareStateAt(db, null), null) : source;
  const rows = groupedStates(db, source, asOf);
  const now = past ? tallyNow(db, scope) : tallyOf(rows);
  const first = db.all<{ d: string }>(sql`select ${dialogues.heldOn} as d from ${dialogues}
    where exists (select 1 from ${commitments} where ${and(eq(commitments.dialogueId, dialogues.id), ...scope)}) order by d limit 1`)[0]?.d;
  const periodList = first && first <= asOf ? periods(first, asOf) : [];
  // One read of the monthly rollup serves both the series and the previous quarter's figures.
  const changes = netChangesByMonth(db, scopeFilter, Math.min(monthKey(previousQuarterEnd), periodList[0] ? monthKey(periodList[0].end) : Infinity));
  const headline = headlineOf(rows, (r) => ({ s: r.s, p: r.p, late: r.ld === 1 }));
  const previous = headlineAtMonthEnd(db, scope, nowSource, previousQuarterEnd, today, now, changes);

  const areaRows = db.select({ id: areas.id, code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn }).from(areas).orderBy(asc(areas.sortOrder)).all();
  const byArea = new Map<number, StateTally>();
  const byAgency = new Map<number, { led: number; completed: number; overdue: number }>();
  const dueQuarters = new Map<string, { quarter: string; completed: number; discontinued: number; overdue: number; onCourse: number }>();
  for (const r of rows) {
    const area = byArea.get(r.a) ?? emptyTally();
    addTo(area, r.s, r.n, r.p);
    byArea.set(r.a, area);
    const agency = byAgency.get(r.l) ?? { led: 0, completed: 0, overdue: 0 };
    agency.led += r.n;
    if (r.s === 'completed') agency.completed += r.n;
    if (r.ld === 1 && isOpen(r.s)) agency.overdue += r.n;
    byAgency.set(r.l, agency);
  }
  const dueRows = dueStates(db, source, asOf);
  const dueByMonth = new Map<number, number>();
  for (const r of dueRows) {
    dueByMonth.set(r.m, (dueByMonth.get(r.m) ?? 0) + r.n);
    const quarter = formatQuarter({ year: Math.floor(r.m / 12), quarter: (Math.floor((r.m % 12) / 3) + 1) as 1 | 2 | 3 | 4 });
    const q = dueQuarters.get(quarter) ?? { quarter, completed: 0, discontinued: 0, overdue: 0, onCourse: 0 };
    if (r.s === 'completed') q.completed += r.n;
    else if (r.s === 'discontinued') q.discontinued += r.n;
    else if (r.ld === 1) q.overdue += r.n;
    else q.onCourse += r.n;
    dueQuarters.set(quarter, q);
  }
  const agencyRows = db.select({ id: agencies.id, code: agencies.code, nameKo: agencies.nameKo, nameEn: agencies.nameEn, country: agencies.country }).from(agencies).all();

  return {
    asOf,
    previousQuarterEnd,
    headline,
    previous,
    areas: areaRows.filter((a) => byArea.has(a.id)).map((a) => ({ ...a, counts: byArea.get(a.id)!.counts, total: byArea.get(a.id)!.total })),
    agencies: agencyRows.filter((a) => byAgency.has(a.id)).map((a) => ({ ...a, ...byAgency.get(a.id)! })),
    dueTimeline: [...dueQuarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter)),
    series: progressSeries(periodList, headline, now, changes, dueByMonth),
    upcoming: upcomingDue(db, scope, asOf, at),
    attention: attentionList(db, scope, asOf, past, at),
  };
}

export type Dashboard = ReturnType<typeof getDashboard>;

const listColumns = (status: SQL) => ({
  code: commitments.code,
  titleKo: commitments.titleKo,
  titleEn: commitments.titleEn,
  dueSpec: commitments.dueSpec,
  dueEnd: commitments.dueEnd,
  status: sql<Status>`${status}`,
});

/** Open commitments falling due in the 90 days after `asOf`. */
function upcomingDue(db: Db, scope: SQL[], asOf: string, at: StateColumns) {
  const status = at.status;
  const until = new Date(Date.parse(`${asOf}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
  return db
    .select(listColumns(status))
    .from(commitments)
    .where(and(...scope, sql`${commitments.dueEnd} > ${asOf} and ${commitments.dueEnd} <= ${until}`, sql`${status} not in ('completed', 'discontinued')`))
    .orderBy(asc(commitments.dueEnd), asc(commitments.code))
    .limit(50)
    .all();
}

export const STALE_DAYS = 90;

/** Overdue, delayed or at-risk commitments, and those without an update for 90 days; newest update first. */
function attentionList(db: Db, scope: SQL[], asOf: string, past: string | null, at: StateColumns) {
  const status = at.status;
  const t = statusTransitions;
  // Now, the stored date of the latest entry; in the past, the latest entry effective by then.
  const lastUpdate = past
    ? sql<string | null>`(select max(${t.effectiveDate}) from ${t} where ${t.commitmentId} = ${commitments.id} and ${t.effectiveDate} <= ${asOf})`
    : sql<string | null>`${commitments.lastUpdateOn}`;
  const staleBefore = new Date(Date.parse(`${asOf}T00:00:00Z`) - STALE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const since = sql`(select ${dialogues.heldOn} from ${dialogues} where ${dialogues.id} = ${commitments.dialogueId})`;
  const rows = db
    .select({ ...listColumns(status), lastUpdate })
    .from(commitments)
    .where(
      and(
        ...scope,
        sql`(${status} in ('delayed', 'at_risk')
          or (${dueBefore(asOf)} and ${status} not in ('completed', 'discontinued'))
          or (${status} not in ('completed', 'discontinued') and coalesce(${lastUpdate}, ${since}) < ${staleBefore}))`,
      ),
    )
    // Newest first; ties by newest commitment. For today this walks commitments_recent_idx and stops early.
    .orderBy(past ? sql`${lastUpdate} desc` : desc(commitments.lastUpdateOn), desc(commitments.id))
    .limit(25)
    .all();
  return rows.map((r) => ({
    ...r,
    overdue: r.dueEnd !== null && r.dueEnd < asOf && isOpen(r.status),
    stale: isOpen(r.status) && (r.lastUpdate ?? '') < staleBefore,
  }));
}
