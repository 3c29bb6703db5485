import 'server-only';
import { and, asc, eq, min, sql, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { agencies, areas, commitments, dialogues, statusTransitions } from '@/db/schema';
import type { CommitmentFilter } from '@/lib/commitments/filters';
import { scopeConditions, statusAtSql } from '@/lib/commitments/queries';
import { CLOSED_STATUSES, STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { isoDate, monthEnd } from '@/lib/periods/dates';
import { formatQuarter, previousQuarter, quarterOf, quarterRange, quartersBetween } from '@/lib/periods/quarters';
import { deltasByPeriod, emptyTally, tallyAt, type StateTally } from './state-counts';

export type DashboardScope = Pick<CommitmentFilter, 'dialogue' | 'area' | 'agency' | 'country'>;
const OPEN_STATUSES = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
const isOpen = (s: Status) => !CLOSED_STATUSES.includes(s);

export interface Headline {
  total: number;
  counts: Record<Status, number>;
  overdue: number;
  meanProgress: number;
}

const dueBefore = (date: string) => sql`(${commitments.dueEnd} is not null and ${commitments.dueEnd} < ${date})`;

/** Tallies grouped by "due before the date" (1/0) → headline figures. */
function headlineAt(db: Db, scope: SQL[], date: string, today: string): Headline {
  const groups = tallyAt(db, scope, dueBefore(date), date < today ? date : null);
  const all = emptyTally();
  for (const t of groups.values()) {
    for (const s of STATUSES) all.counts[s] += t.counts[s];
    all.total += t.total;
    all.progressSum += t.progressSum;
  }
  const late = groups.get('1') ?? emptyTally();
  return {
    total: all.total,
    counts: all.counts,
    overdue: OPEN_STATUSES.reduce((n, s) => n + late.counts[s], 0),
    meanProgress: all.total ? all.progressSum / all.total : 0,
  };
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

const quarterBucket = (d: SQL) => sql`substr(${d}, 1, 4) || '-Q' || ((cast(substr(${d}, 6, 2) as integer) + 2) / 3)`;
const monthBucket = (d: SQL) => sql`substr(${d}, 1, 7)`;

export interface SeriesPoint {
  period: string;
  end: string;
  counts: Record<Status, number>;
  meanProgress: number;
  total: number;
  dueByThen: number;
}

/** Status counts and mean progress at the end of each period, reconstructed from the history. */
function progressSeries(db: Db, scope: SQL[], asOf: string, today: string): SeriesPoint[] {
  const first = db.select({ d: min(dialogues.heldOn) }).from(commitments).innerJoin(dialogues, eq(dialogues.id, commitments.dialogueId)).where(and(...scope)).get()?.d;
  if (!first || first > asOf) return [];
  const list = periods(first, asOf);
  const monthly = /^\d{4}-\d{2}$/.test(list[0]!.key);
  const bucket = monthly ? monthBucket : quarterBucket;
  const atEnd = headlineTally(tallyAt(db, scope, sql`1`, asOf < today ? asOf : null));
  const deltas = deltasByPeriod(db, scope, bucket, list[0]!.end, asOf);
  const dueRows = db.all<{ g: string | null; n: number }>(sql`select ${bucket(sql`${commitments.dueEnd}`)} as g, count(*) as n from ${commitments} where ${and(...scope, sql`${commitments.dueEnd} is not null`) ?? sql`1`} group by g`);
  const points: SeriesPoint[] = [];
  const running = { counts: { ...atEnd.counts }, progressSum: atEnd.progressSum };
  for (let i = list.length - 1; i >= 0; i--) {
    const p = list[i]!;
    points.unshift({
      period: p.key,
      end: p.end,
      counts: { ...running.counts },
      total: atEnd.total,
      meanProgress: atEnd.total ? running.progressSum / atEnd.total : 0,
      dueByThen: dueRows.filter((r) => r.g !== null && r.g <= p.key).reduce((n, r) => n + r.n, 0),
    });
    const d = deltas.get(p.key);
    if (d) {
      for (const s of STATUSES) running.counts[s] -= d.counts[s];
      running.progressSum -= d.progressSum;
    }
  }
  return points;
}

function headlineTally(map: Map<string, StateTally>): StateTally {
  return map.get('1') ?? emptyTally();
}

/** Everything the dashboard shows, for a scope as it stood at the end of `asOf`. */
export function getDashboard(scopeFilter: DashboardScope, asOf: string, today: string, db: Db = getDb()) {
  const scope = scopeConditions(scopeFilter);
  const past = asOf < today ? asOf : null;
  const previousQuarterEnd = quarterRange(previousQuarter(quarterOf(asOf))).end;

  const headline = headlineAt(db, scope, asOf, today);
  const previous = headlineAt(db, scope, previousQuarterEnd, today);

  const areaRows = db.select({ id: areas.id, code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn }).from(areas).orderBy(asc(areas.sortOrder)).all();
  const byArea = tallyAt(db, scope, sql`${commitments.areaId}`, past);
  const areasOut = areaRows.filter((a) => byArea.has(String(a.id))).map((a) => ({ ...a, counts: byArea.get(String(a.id))!.counts, total: byArea.get(String(a.id))!.total }));

  const byAgency = tallyAt(db, scope, sql`${commitments.leadAgencyId} || '|' || ${dueBefore(asOf)}`, past);
  const agencyRows = db.select({ id: agencies.id, code: agencies.code, nameKo: agencies.nameKo, nameEn: agencies.nameEn, country: agencies.country }).from(agencies).all();
  const agenciesOut = agencyRows
    .map((a) => {
      const late = byAgency.get(`${a.id}|1`) ?? emptyTally();
      const onTime = byAgency.get(`${a.id}|0`) ?? emptyTally();
      return { ...a, led: late.total + onTime.total, completed: late.counts.completed + onTime.counts.completed, overdue: OPEN_STATUSES.reduce((n, s) => n + late.counts[s], 0) };
    })
    .filter((a) => a.led > 0);

  const byDue = tallyAt(db, [...scope, sql`${commitments.dueEnd} is not null`], sql`${quarterBucket(sql`${commitments.dueEnd}`)} || '|' || ${dueBefore(asOf)}`, past);
  const dueQuarters = new Map<string, { quarter: string; completed: number; discontinued: number; overdue: number; onCourse: number }>();
  for (const [key, t] of byDue) {
    const [quarter = '', late] = key.split('|');
    const q = dueQuarters.get(quarter) ?? { quarter, completed: 0, discontinued: 0, overdue: 0, onCourse: 0 };
    q.completed += t.counts.completed;
    q.discontinued += t.counts.discontinued;
    const open = OPEN_STATUSES.reduce((n, s) => n + t.counts[s], 0);
    if (late === '1') q.overdue += open;
    else q.onCourse += open;
    dueQuarters.set(quarter, q);
  }

  return {
    asOf,
    previousQuarterEnd,
    headline,
    previous,
    areas: areasOut,
    agencies: agenciesOut,
    dueTimeline: [...dueQuarters.values()].sort((a, b) => a.quarter.localeCompare(b.quarter)),
    series: progressSeries(db, scope, asOf, today),
    upcoming: upcomingDue(db, scope, asOf, past),
    attention: attentionList(db, scope, asOf, past),
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
function upcomingDue(db: Db, scope: SQL[], asOf: string, past: string | null) {
  const status = past ? statusAtSql(past) : sql`${commitments.status}`;
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
function attentionList(db: Db, scope: SQL[], asOf: string, past: string | null) {
  const status = past ? statusAtSql(past) : sql`${commitments.status}`;
  const t = statusTransitions;
  const lastUpdate = sql<string | null>`(select max(${t.effectiveDate}) from ${t} where ${t.commitmentId} = ${commitments.id} and ${t.effectiveDate} <= ${asOf})`;
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
    .orderBy(sql`${lastUpdate} desc nulls last`, asc(commitments.code))
    .limit(25)
    .all();
  return rows.map((r) => ({
    ...r,
    overdue: r.dueEnd !== null && r.dueEnd < asOf && isOpen(r.status),
    stale: isOpen(r.status) && (r.lastUpdate ?? '') < staleBefore,
  }));
}
