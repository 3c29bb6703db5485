import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { statusUpdates } from '@/db/schema';
import { STATUSES } from '@/lib/commitments/vocabulary';
import { todayIso } from '@/lib/periods/dates';
import { existsOn } from '@/lib/as-of/scope';
import { scopeOf } from '@/lib/as-of/sources';
import { getIssuedReport, issuedReportModel, type IssuedReportInfo } from './issue';
import { buildQuarterlyReport } from './model';
import { changeRows, iterateChanges } from './rows';
import type { QuarterFigures, QuarterlyReport, ReportChange, ReportCommitment } from './types';

/** One figure that differs between the issued report and the same report now. */
export interface FigureRevision {
  /** `summary`, or the area or lead agency the figure belongs to. */
  group: { kind: 'summary' | 'area' | 'agency'; code: string | null };
  figure: string;
  /** Null for a mean compliance score with nothing assessed. */
  issued: number | null;
  now: number | null;
}

/** One field of a commitment row that differs (`row` for a row added or gone). */
export interface RowRevision {
  code: string;
  field: keyof ReportCommitment | 'row';
  issued: string | number | boolean | null;
  now: string | number | boolean | null;
}

export interface Revisions {
  /** Status updates recorded after the issue, effective by the report's date, that change a figure or a row (assessments show in `figures` and `rows`). */
  entries: ReportChange[];
  figures: FigureRevision[];
  rows: RowRevision[];
}

/** The figures of a block as named numbers, in a stable order; the assessments' when the issued report kept them. */
function flatten(f: QuarterFigures, withCompliance: boolean): [string, number | null][] {
  const c = f.compliance;
  const compliance: [string, number | null][] =
    withCompliance && c ? [['assessed', c.assessed], ['notAssessed', c.notAssessed], ['complianceMean', c.mean === null ? null : Math.round(c.mean * 100) / 100]] : [];
  return [
    ['total', f.atEnd.total],
    ...STATUSES.map((s) => [s, f.atEnd.counts[s]] as [string, number]),
    ['overdue', f.atEnd.overdue],
    ['meanProgress', Math.round(f.atEnd.meanProgress * 10) / 10],
    ['previousTotal', f.atPreviousEnd.total],
    ...STATUSES.map((s) => [`previous.${s}`, f.atPreviousEnd.counts[s]] as [string, number]),
    ['previousOverdue', f.atPreviousEnd.overdue],
    ['completedThisQuarter', f.completedThisQuarter],
    ['newlyOverdue', f.newlyOverdue],
    ['dueNextQuarter', f.dueNextQuarter],
    ...compliance,
  ];
}

/** A figure of a group absent on one side: no commitments, so counts of 0 and no mean. */
const absentFigure = (figure: string): number | null => (figure === 'complianceMean' ? null : 0);

function diffFigures(kind: FigureRevision['group']['kind'], code: string | null, issued: QuarterFigures | undefined, now: QuarterFigures | undefined, withCompliance: boolean): FigureRevision[] {
  const a = new Map(issued ? flatten(issued, withCompliance) : []);
  const b = new Map(now ? flatten(now, withCompliance) : []);
  const out: FigureRevision[] = [];
  for (const figure of new Set([...a.keys(), ...b.keys()])) {
    const x = a.has(figure) ? a.get(figure)! : absentFigure(figure);
    const y = b.has(figure) ? b.get(figure)! : absentFigure(figure);
    if (x !== y) out.push({ group: { kind, code }, figure, issued: x, now: y });
  }
  return out;
}

const ROW_FIELDS = ['status', 'progress', 'previousStatus', 'previousProgress', 'overdue', 'latestEntryOn', 'latestNote', 'latestEvidenceUrl', 'dueEnd'] as const;
/**
 * The assessment and the claim's state, compared only where the issued row has them (reports
 * issued before they were kept lack them): an assessment recorded after the issue is a revision.
 */
const LATER_ROW_FIELDS = ['verdict', 'confidence', 'rationale', 'claim'] as const;

function diffRows(issued: ReportCommitment[], now: ReportCommitment[]): RowRevision[] {
  const before = new Map(issued.map((r) => [r.code, r]));
  const after = new Map(now.map((r) => [r.code, r]));
  const out: RowRevision[] = [];
  for (const code of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const x = before.get(code);
    const y = after.get(code);
    if (!x || !y) {
      out.push({ code, field: 'row', issued: x ? 'present' : null, now: y ? 'present' : null });
      continue;
    }
    for (const field of ROW_FIELDS) if (x[field] !== y[field]) out.push({ code, field, issued: x[field], now: y[field] });
    for (const field of LATER_ROW_FIELDS) if (field in x && (x[field] ?? null) !== (y[field] ?? null)) out.push({ code, field, issued: x[field] ?? null, now: y[field] ?? null });
  }
  return out;
}

function diffGroups(kind: 'area' | 'agency', issued: (QuarterFigures & { code: string })[], now: (QuarterFigures & { code: string })[], withCompliance: boolean): FigureRevision[] {
  const codes = [...new Set([...issued.map((g) => g.code), ...now.map((g) => g.code)])].sort();
  return codes.flatMap((code) => diffFigures(kind, code, issued.find((g) => g.code === code), now.find((g) => g.code === code), withCompliance));
}

/**
 * What changed in an issued report since it was issued: the same report built now at the same
 * date, compared figure by figure and row by row, and the entries recorded after the issue that
 * make the difference. The issued files stay as they are.
 */
export function reportRevisions(db: Db, id: number): Revisions {
  return revisionsOf(db, getIssuedReport(db, id), issuedReportModel(db, id));
}

/** The same, for an issued report already read (its row and its frozen model). */
export function revisionsOf(db: Db, info: IssuedReportInfo, issued: QuarterlyReport): Revisions {
  const now = buildQuarterlyReport(db, info.params, { by: issued.generatedBy, today: todayIso(), now: new Date(), asOf: issued.asOf });
  // Assessments recorded after the issue change these figures too, unless the issued report predates them.
  const withCompliance = issued.summary.compliance !== undefined;
  const figures = [
    ...diffFigures('summary', null, issued.summary, now.summary, withCompliance),
    ...diffGroups('area', issued.byArea, now.byArea, withCompliance),
    ...diffGroups('agency', issued.byLeadAgency, now.byLeadAgency, withCompliance),
  ];
  const rows = diffRows(issued.commitments, now.commitments);
  const changedRows = new Set(rows.map((r) => r.code));
  const entries = db.transaction(
    () => {
      const scope = scopeOf(db, info.params);
      try {
        const late = changeRows(db, [...scope.scope, existsOn(issued.asOf)], '0000-01-01', issued.asOf, [sql`${statusUpdates.id} > ${info.lastUpdateId}`]);
        return [...iterateChanges(db, late)].filter((e) => e.effectiveDate >= issued.quarter.start || changedRows.has(e.code));
      } finally {
        scope.release();
      }
    },
    { behavior: 'deferred' },
  );
  return { entries, figures, rows };
}
