import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { agencies, areas, commitments, dialogues, statusTransitions } from '@/db/schema';
import { stateAtSql } from '@/lib/commitments/queries';
import type { StateColumns } from './state-at';
import { prepareSnapshots, scopeOf, statesAt, talliesServe, type DashboardScope, type GroupTotals } from './tallies';
import { CLOSED_STATUSES, STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { isoDate, monthEnd } from '@/lib/periods/dates';
import { formatQuarter, previousQuarter, quarterOf, quarterRange, quartersBetween } from '@/lib/periods/quarters';
import { emptyTally, netChangesByMonth, type StateTally } from './state-counts';

export type { DashboardScope } from './tallies';
const isOpen = (s: Status) => !CLOSED_STATUSES.includes(s);

export interface Headline {
  total: number;
  counts: Record<Status, number>;
  overdue: number;
  meanProgress: number;
}

const dueBefore = (date: string) => sql`(${commitments.dueEnd} is not null and ${commitments.dueEnd} < ${date})`;
const monthKey = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/** The groups' sums: a tally and how many were overdue. */
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
  // Snapshots are built first (a write); every figure is then read in one transaction, so all of
  // them come from the same moment even while others write.
  prepareSnapshots(db, scopeFilter, [asOf, previousQuarterEndOf(asOf)], today);
  return db.transaction(
    () => {
      const { scope, release } = scopeOf(db, scopeFilter);
      try {
        return dashboardOf(db, scopeFilter, scope, asOf, today);
      } finally {
        release();
      }
    },
    { behavior: 'deferred' },
  );
}

const previousQuarterEndOf = (date: string) => quarterRange(previousQuarter(quarterOf(date))).end;

function dashboardOf(db: Db, scopeFilter: DashboardScope, scope: SQL[], asOf: string, today: string) {
  const past = asOf < today ? asOf : null;
  const previousQuarterEnd = previousQuarterEndOf(asOf);
  const at = statesAt(db, scopeFilter, scope, asOf, today);
  const then = statesAt(db, scopeFilter, scope, previousQuarterEnd, today, false);
  const now = sumOf(past ? statesAt(db, scopeFilter, scope, today, today, false).groups : at.groups).tally;
  const first = db.all<{ d: string }>(sql`select ${dialogues.heldOn} as d from ${dialogues}
    where exists (select 1 from ${commitments} where ${and(eq(commitments.dialogueId, dialogues.id), ...scope)}) order by d limit 1`)[0]?.d;
  const periodList = first && first <= asOf ? periods(first, asOf) : [];
  const changes = netChangesByMonth(db, scopeFilter, periodList[0] ? monthKey(periodList[0].end) : monthKey(asOf), scope);
  const headline = headlineOf(at.groups);

  const areaRows = db.select({ id: areas.id, code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn }).from(areas).orderBy(asc(areas.sortOrder)).all();
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
  const dueQuarters = new Map<string, { quarter: string; completed: number; discontinued: number; overdue: number; onCourse: number }>();
  const dueByMonth = new Map<number, number>();
  for (const d of at.dues) {
    const m = monthKey(d.dueEnd);
    dueByMonth.set(m, (dueByMonth.get(m) ?? 0) + d.completed + d.discontinued + d.open);
    const quarter = formatQuarter(quarterOf(d.dueEnd));
    const q = dueQuarters.get(quarter) ?? { quarter, completed: 0, discontinued: 0, overdue: 0, onCourse: 0 };
    q.completed += d.completed;
    q.discontinued += d.discontinued;
    if (d.dueEnd < asOf) q.overdue += d.open;
    else q.onCourse += d.open;
    dueQuarters.set(quarter, q);
  }
  const agencyRows = db.select({ id: agencies.id, code: agencies.code, nameKo: agencies.nameKo, nameEn: agencies.nameEn, country: agencies.country }).from(agencies).all();
  const state = stateAtSql(past);

  return {
    asOf,
    previousQuarterEnd,
    headline,
    previous: headlineOf(then.groups),
    areas: areaRows.filter((a) => byArea.has(a.id)).map((a) => ({ ...a, counts: byArea.get(a.id)!.counts, total: byArea.get(a.id)!.total })),
    agencies: agencyRows.filter((a) => byAgency.has(a.id)).map((a) => ({ ...a, ...byAgency.get(a.id)! })),
    dueTimeline: [...dueQuarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter)),
    series: progressSeries(periodList, headline, now, changes, dueByMonth),
    upcoming: upcomingDue(db, scope, asOf, state),
    attention: attentionList(db, scopeFilter, scope, asOf, past, state),
  };
}

export type Dashboard = ReturnType<typeof dashboardOf>;

interface ListRow {
  code: string;
  titleKo: string;
  titleEn: string;
  dueSpec: string;
  dueEnd: string | null;
  status: Status;
}

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
function attentionList(db: Db, scopeFilter: DashboardScope, scope: SQL[], asOf: string, past: string | null, at: StateColumns) {
  const staleBefore = new Date(Date.parse(`${asOf}T00:00:00Z`) - STALE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const since = sql`(select ${dialogues.heldOn} from ${dialogues} where ${dialogues.id} = ${commitments.dialogueId})`;
  const needsAttention = (status: SQL, lastUpdate: SQL) => sql`(${status} in ('delayed', 'at_risk')
    or (${dueBefore(asOf)} and ${status} not in ('completed', 'discontinued'))
    or (${status} not in ('completed', 'discontinued') and coalesce(${lastUpdate}, ${since}) < ${staleBefore}))`;
  const t = statusTransitions;
  let rows: (ListRow & { lastUpdate: string | null })[];
  if (!past) {
    // Newest first; ties by newest commitment. This walks commitments_recent_idx and stops early.
    const lastUpdate = sql<string | null>`${commitments.lastUpdateOn}`;
    rows = db
      .select({ ...listColumns(at.status), lastUpdate })
      .from(commitments)
      .where(and(...scope, needsAttention(at.status, lastUpdate)))
      .orderBy(desc(commitments.lastUpdateOn), desc(commitments.id))
      .limit(25)
      .all();
  } else if (talliesServe(scopeFilter)) {
    // A broad scope in the past: walk the history backwards from the date; an entry is a
    // commitment's latest by then when no later one precedes the date, and gives its state then.
    const latest = sql`not exists (select 1 from ${t} l where l.commitment_id = ${t.commitmentId} and l.effective_date <= ${asOf}
      and (l.effective_date > ${t.effectiveDate} or (l.effective_date = ${t.effectiveDate} and l.update_id > ${t.updateId})))`;
    const lastUpdate = sql<string | null>`${t.effectiveDate}`;
    const status = sql`${t.toStatus}`;
    // CROSS JOIN keeps the history first, so the walk follows status_transitions_effective_idx and stops at 25.
    rows = db.all(sql`select ${commitments.code} as code, ${commitments.titleKo} as "titleKo", ${commitments.titleEn} as "titleEn",
        ${commitments.dueSpec} as "dueSpec", ${commitments.dueEnd} as "dueEnd", ${status} as status, ${lastUpdate} as "lastUpdate"
      from ${t} cross join ${commitments} on ${commitments.id} = ${t.commitmentId}
      where ${and(sql`${t.effectiveDate} <= ${asOf}`, latest, ...scope, needsAttention(status, lastUpdate))}
      order by ${t.effectiveDate} desc, ${t.commitmentId} desc limit 25`);
    // Commitments without an entry by then come last (a few in a young corpus).
    if (rows.length < 25) {
      const none = sql`not exists (select 1 from ${t} where ${t.commitmentId} = ${commitments.id} and ${t.effectiveDate} <= ${asOf})`;
      const lastUpdate = sql<string | null>`null`;
      rows = rows.concat(
        db
          .select({ ...listColumns(at.status), lastUpdate })
          .from(commitments)
          .where(and(...scope, none, needsAttention(at.status, lastUpdate)))
          .orderBy(desc(commitments.id))
          .limit(25 - rows.length)
          .all(),
      );
    }
  } else {
    // A narrow scope (a dialogue, an agency) in the past: its commitments, each with its latest entry by then.
    const lastUpdate = sql<string | null>`(select max(${t.effectiveDate}) from ${t} where ${t.commitmentId} = ${commitments.id} and ${t.effectiveDate} <= ${asOf})`;
    rows = db
      .select({ ...listColumns(at.status), lastUpdate })
      .from(commitments)
      .where(and(...scope, needsAttention(at.status, lastUpdate)))
      .orderBy(sql`${lastUpdate} desc`, desc(commitments.id))
      .limit(25)
      .all();
  }
  return rows.map((r) => ({
    ...r,
    overdue: r.dueEnd !== null && r.dueEnd < asOf && isOpen(r.status),
    stale: isOpen(r.status) && (r.lastUpdate ?? '') < staleBefore,
  }));
}
