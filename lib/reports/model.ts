import 'server-only';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import { agencies, areas, commitments, dialogues, statusUpdates } from '@/db/schema';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { existsOn, type AsOfScope } from '@/lib/as-of/scope';
import { prepareSnapshots, scopeOf, statesAt, statesOn } from '@/lib/as-of/sources';
import { standingAssessments } from '@/lib/assessments/queries';
import { standingClaims } from '@/lib/claims/state';
import { appTimeZone } from '@/lib/periods/dates';
import { formatQuarter, nextQuarter, parseQuarter, previousQuarter, quarterRange, type Quarter } from '@/lib/periods/quarters';
import { figureGroups, figuresBy, sumFigures, type QuarterDates } from './figures';
import { changeCount, changeRows, commitmentRows, iterateChanges, type RowJoins } from './rows';
import type { Named, QuarterPoint, QuarterlyReport, ReportParams, ReportSource, ReportSummary } from './types';

/** The quarter ends the status-over-time chart shows. */
export const SERIES_QUARTERS = 8;

export interface ReportContext {
  /** Who generates it. */
  by: { name: string; email: string };
  today: string;
  /** The generation's instant: assessments recorded by then count (an issued report's is its issue time). */
  now: Date;
  /** The date the figures stand at, when not the quarter's last day (or today while it runs): an issued report's own. */
  asOf?: string;
}

/** An open report: its source, read from one snapshot of the database, and `close` to release it. */
export interface OpenReport {
  source: ReportSource;
  close(): void;
}

/**
 * A connection of its own for a report, so its rows can stream out over many event-loop turns
 * inside one read transaction without holding the shared connection (an in-memory database, as
 * in tests, has no second connection and is read in place).
 */
export function reportConnection(db: Db): { db: Db; release(): void } {
  const file = db.$client.name;
  if (file === ':memory:' || db.$client.memory) return { db, release: () => {} };
  const own = openDatabase(file);
  return { db: own, release: () => own.$client.close() };
}

const nameOf = (db: Db, table: typeof dialogues | typeof areas, code: string | undefined): Named | null =>
  code ? (db.select({ code: table.code, nameKo: table.nameKo, nameEn: table.nameEn }).from(table).where(eq(table.code, code)).get() ?? null) : null;

/** The last SERIES_QUARTERS quarters up to `q`, oldest first. */
function seriesQuarters(q: Quarter): Quarter[] {
  const quarters: Quarter[] = [q];
  while (quarters.length < SERIES_QUARTERS) quarters.unshift(previousQuarter(quarters[0]!));
  return quarters;
}

/** Status counts at each of the last quarter ends, counted by the read model as the dashboard counts them. */
function quarterSeries(db: Db, scopeFilter: AsOfScope, scope: SQL[], q: Quarter, asOf: string, today: string): QuarterPoint[] {
  return seriesQuarters(q).map((x) => {
    const end = x === q ? asOf : quarterRange(x).end;
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    for (const g of statesAt(db, scopeFilter, scope, end, today, false).groups) for (const s of STATUSES) counts[s] += g.counts[s];
    return { quarter: formatQuarter(x), end, counts, total: STATUSES.reduce((n, s) => n + counts[s], 0) };
  });
}

/**
 * Opens the quarterly report of `params` on `db`: every figure from the read model's states of
 * the scope's commitments at the quarter's last day (or today while it runs) and at the previous
 * quarter end, all read in one transaction that stays open until `close` (the rows stream from it).
 */
export function openReport(db: Db, params: ReportParams, ctx: ReportContext): OpenReport {
  const q = parseQuarter(params.quarter)!;
  const range = quarterRange(q);
  const next = nextQuarter(q);
  const asOf = ctx.asOf ?? (range.end < ctx.today ? range.end : ctx.today);
  const previousEnd = quarterRange(previousQuarter(q)).end;
  const dates: QuarterDates = { asOf, previousEnd, nextStart: quarterRange(next).start, nextEnd: quarterRange(next).end };
  const scopeFilter: AsOfScope = { dialogue: params.dialogue, area: params.area, agency: params.agency, country: params.country };
  prepareSnapshots(db, scopeFilter, [...seriesQuarters(q).map((x) => quarterRange(x).end).filter((d) => d < ctx.today), asOf, previousEnd], ctx.today);

  const releases: (() => void)[] = [];
  db.$client.exec('begin');
  try {
    const narrowed = scopeOf(db, scopeFilter);
    releases.push(narrowed.release);
    const scope = narrowed.scope;
    const series = quarterSeries(db, scopeFilter, scope, q, asOf, ctx.today);
    // Each commitment's state at the two quarter ends, read from their month-end snapshots.
    const end = statesOn(db, asOf, ctx.today, 'e');
    releases.push(end.release);
    const prev = statesOn(db, previousEnd, ctx.today, 'p');
    releases.push(prev.release);

    // The analysts' assessments for the report's quarter as recorded by its generation, and the
    // claims standing at its date: each at most one a commitment, joined to the figures and rows.
    const joins: RowJoins = { assessed: standingAssessments(formatQuarter(q), ctx.now.toISOString()), claims: standingClaims(asOf) };
    const groups = figureGroups(db, scope, end, prev, joins.assessed, dates);
    const byAreaId = figuresBy(groups, (g) => g.areaId);
    const byLeadId = figuresBy(groups, (g) => g.leadAgencyId);
    const areaRows = byAreaId.size ? db.select({ id: areas.id, code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn }).from(areas).where(inArray(areas.id, [...byAreaId.keys()])).orderBy(asc(areas.sortOrder), asc(areas.code)).all() : [];
    const leadRows = byLeadId.size ? db.select({ id: agencies.id, code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn, country: agencies.country }).from(agencies).where(inArray(agencies.id, [...byLeadId.keys()])).orderBy(asc(agencies.country), asc(agencies.code)).all() : [];
    const byArea = areaRows.map(({ id, ...a }) => ({ ...a, ...byAreaId.get(id)! }));
    const summaryFigures = sumFigures(groups);

    const inScope = sql`exists (select 1 from ${commitments} where ${and(eq(commitments.dialogueId, dialogues.id), ...scope)})`;
    const dialogueRows = db.select({ code: dialogues.code, nameKo: dialogues.nameKo, nameEn: dialogues.nameEn, heldOn: dialogues.heldOn, synthetic: dialogues.synthetic }).from(dialogues).where(and(inScope, sql`${dialogues.heldOn} <= ${asOf}`)).orderBy(asc(dialogues.heldOn), asc(dialogues.code)).all();
    const anyLater = db.get<{ n: number }>(sql`select count(*) as n from ${dialogues} where ${inScope} and ${dialogues.heldOn} > ${asOf}`)!.n > 0;
    const changeQuery = changeRows(db, [...scope, existsOn(asOf)], range.start, asOf);
    const changes = changeCount(db, [...scope, existsOn(asOf)], range.start, asOf);
    const lastUpdateId = db.get<{ id: number | null }>(sql`select max(${statusUpdates.id}) as id from ${statusUpdates}`)!.id ?? 0;

    const summary: ReportSummary = {
      params,
      quarter: { key: formatQuarter(q), ...range },
      previousQuarterEnd: previousEnd,
      nextQuarter: { key: formatQuarter(next), ...quarterRange(next) },
      dialogues: dialogueRows,
      filters: { dialogue: nameOf(db, dialogues, params.dialogue), area: nameOf(db, areas, params.area), agency: params.agency ? (db.select({ code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn }).from(agencies).where(eq(agencies.code, params.agency)).get() ?? null) : null, country: params.country ?? null },
      generatedBy: ctx.by,
      generatedAt: ctx.now.toISOString(),
      asOf,
      partial: asOf < range.end,
      recordedThrough: ctx.now.toISOString(),
      lastUpdateId,
      timeZone: appTimeZone(),
      emptyReason: summaryFigures.atEnd.total ? null : dialogueRows.length === 0 && anyLater ? 'before_first_dialogue' : 'no_commitments',
      summary: summaryFigures,
      byArea,
      byLeadAgency: leadRows.map(({ id, ...a }) => ({ ...a, ...byLeadId.get(id)! })),
      charts: { statusByArea: byArea, quarterSeries: series },
      commitmentCount: summaryFigures.atEnd.total,
      changeCount: changes,
    };
    return {
      source: { summary, commitments: () => commitmentRows(db, scope, end, prev, joins, range.start, asOf), changes: () => iterateChanges(db, changeQuery) },
      close: () => {
        try {
          for (const release of releases.reverse()) release();
        } finally {
          if (db.$client.inTransaction) db.$client.exec('commit');
        }
      },
    };
  } catch (e) {
    for (const release of releases.reverse()) release();
    if (db.$client.inTransaction) db.$client.exec('rollback');
    throw e;
  }
}

/** The whole report in memory (the JSON format, the screen, issuing, tests). */
export function buildQuarterlyReport(db: Db, params: ReportParams, ctx: ReportContext): QuarterlyReport {
  const report = openReport(db, params, ctx);
  try {
    return { ...report.source.summary, commitments: [...report.source.commitments()], changes: [...report.source.changes()] };
  } finally {
    report.close();
  }
}

/** Rows shown on screen; the files carry every row. */
export const PREVIEW_ROWS = 200;

/** The report with its first `limit` commitment and change rows (the screen's preview). */
export function previewQuarterlyReport(db: Db, params: ReportParams, ctx: ReportContext, limit = PREVIEW_ROWS): QuarterlyReport {
  const report = openReport(db, params, ctx);
  const take = <T,>(rows: Iterable<T>) => {
    const out: T[] = [];
    for (const r of rows) {
      if (out.length >= limit) break;
      out.push(r);
    }
    return out;
  };
  try {
    return { ...report.source.summary, commitments: take(report.source.commitments()), changes: take(report.source.changes()) };
  } finally {
    report.close();
  }
}
