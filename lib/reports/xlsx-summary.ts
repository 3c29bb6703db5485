import type ExcelJS from 'exceljs';
import { STATUSES } from '@/lib/commitments/vocabulary';
import type { ReportColumn } from './commitment-columns';
import type { ReportLabels } from './labels';
import type { AgencyFigures, AreaFigures, ComplianceFigures, QuarterFigures, ReportSummary } from './types';
import { NUM_FMT, statusStyle, styleHeader } from './xlsx-table';

type Cell = string | number | null;

/** The title block: what the report covers and when its figures stand, as labelled text. */
function titleBlock(s: ReportSummary, l: ReportLabels): [string, string][] {
  const zone = s.timeZone;
  const dialogues = s.dialogues.map((d): [string, string] => ['', `${l.name(d)} (${l.date(d.heldOn)})`]);
  if (dialogues[0]) dialogues[0][0] = l.t('header.dialogues');
  const notes: [string, string][] = [];
  if (s.partial) notes.push([l.t('header.partial', { date: l.date(s.asOf) }), '']);
  if (s.emptyReason) notes.push([l.emptyReason(s.emptyReason), '']);
  if (s.dialogues.some((d) => d.synthetic)) notes.push([l.t('header.synthetic'), '']);
  return [
    [l.t('header.quarter'), l.quarter(s.quarter.key)],
    [l.t('header.period'), `${l.date(s.quarter.start)} ~ ${l.date(s.quarter.end)}`],
    ...dialogues,
    [l.t('header.filters'), l.filters(s.filters)],
    [l.t('header.generatedBy'), s.generatedBy.name],
    [l.t('header.generatedAt'), l.instant(s.generatedAt, zone)],
    [l.t('header.asOf'), l.t('header.asOfValue', { date: l.date(s.asOf) })],
    [l.t('header.recordedThrough'), l.instant(s.recordedThrough, zone)],
    ...notes,
  ];
}

/**
 * The Summary sheet: title block, then the status table and the quarter's figures as numbers
 * (status | count | share | count at previous quarter end | change), then the definitions.
 */
export async function writeSummarySheet(ws: ExcelJS.Worksheet, s: ReportSummary, l: ReportLabels): Promise<void> {
  ws.columns = [{ width: 40 }, { width: 14 }, { width: 10 }, { width: 16 }, { width: 10 }];
  const add = (values: Cell[], formats: (string | null)[] = []) => {
    const row = ws.addRow(values);
    formats.forEach((f, i) => f && (row.getCell(i + 1).numFmt = f));
    return row;
  };
  const title = add([l.t('documentTitle')]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const [label, value] of titleBlock(s, l)) {
    const row = add([label, value]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  ws.addRow([]).commit();

  const { atEnd: end, atPreviousEnd: prev } = s.summary;
  const header = add([l.t('summary.status'), l.t('summary.count'), l.t('summary.share'), l.t('summary.previous'), l.t('summary.change')]);
  styleHeader(header);
  header.commit();
  for (const status of STATUSES) {
    const row = add([l.status(status), end.counts[status], end.shares[status], prev.counts[status], end.counts[status] - prev.counts[status]], [null, null, NUM_FMT.share, null, NUM_FMT.change]);
    Object.assign(row.getCell(1), statusStyle(status));
    row.commit();
  }
  const figures: [string, Cell[], (string | null)[]][] = [
    [l.t('summary.total'), [end.total, null, prev.total, end.total - prev.total], [null, null, null, NUM_FMT.change]],
    [l.t('summary.completedThisQuarter'), [s.summary.completedThisQuarter], []],
    [l.t('summary.newlyOverdue'), [s.summary.newlyOverdue], []],
    [l.t('summary.dueNextQuarter'), [s.summary.dueNextQuarter], []],
    [l.t('summary.overdue'), [end.overdue, null, prev.overdue, end.overdue - prev.overdue], [null, null, null, NUM_FMT.change]],
    [l.t('summary.meanProgress'), [end.meanProgress, null, prev.meanProgress, s.summary.meanProgressChange], [NUM_FMT.mean, null, NUM_FMT.mean, NUM_FMT.meanChange]],
    [l.t('summary.meanProgressChange'), [s.summary.meanProgressChange], [NUM_FMT.meanChange]],
  ];
  for (const [label, values, formats] of figures) {
    const row = add([label, ...values], [null, ...formats]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  ws.addRow([]).commit();
  add([l.t('summary.definitions', { timeZone: s.timeZone })]).commit();
  if (s.summary.compliance) complianceBlock(s, add, l);
  await ws.commit();
}

/** The mean compliance score and the counts assessed and not, overall, by area and by lead agency; then what the score means. */
function complianceBlock(s: ReportSummary, add: (values: Cell[], formats?: (string | null)[]) => ExcelJS.Row, l: ReportLabels): void {
  const blank = add([]);
  blank.commit();
  const header = add([`${l.t('compliance.title')} (${l.quarter(s.quarter.key)})`, l.t('compliance.total'), l.t('compliance.assessed'), l.t('compliance.notAssessed'), l.t('compliance.mean')]);
  styleHeader(header);
  header.commit();
  const line = (label: string, c: ComplianceFigures | undefined) => {
    if (!c) return;
    add([label, c.total, c.assessed, c.notAssessed, c.mean], [null, null, null, null, NUM_FMT.compliance]).commit();
  };
  line(l.t('compliance.overall'), s.summary.compliance);
  for (const a of s.byArea) line(l.t('compliance.byArea', { name: l.name(a) }), a.compliance);
  for (const a of s.byLeadAgency) line(l.t('compliance.byAgency', { name: `${l.agency(a)} (${l.country(a.country)})` }), a.compliance);
  add([l.t('compliance.definition')]).commit();
  add([l.t('compliance.claimNote')]).commit();
}

/** The figure columns shared by the By area and By agency sheets, after the name column(s). */
function figureColumns<T extends QuarterFigures>(): ReportColumn<T>[] {
  return [
    { header: (l) => l.t('columns.total'), kind: 'number', width: 10, value: (g) => g.atEnd.total },
    ...STATUSES.map((status): ReportColumn<T> => ({ header: (l) => l.status(status), headerState: status, kind: 'number', width: 12, value: (g) => g.atEnd.counts[status] })),
    { header: (l) => l.t('columns.overdueAtEnd'), kind: 'number', width: 10, value: (g) => g.atEnd.overdue },
    { header: (l) => l.t('columns.completedThisQuarter'), kind: 'number', width: 12, value: (g) => g.completedThisQuarter },
    { header: (l) => l.t('columns.newlyOverdue'), kind: 'number', width: 12, value: (g) => g.newlyOverdue },
    { header: (l) => l.t('columns.dueNextQuarter'), kind: 'number', width: 12, value: (g) => g.dueNextQuarter },
    { header: (l) => l.t('columns.meanProgress'), kind: 'number', width: 12, numFmt: NUM_FMT.mean, value: (g) => g.atEnd.meanProgress },
    { header: (l) => l.t('columns.meanProgressChange'), kind: 'number', width: 12, numFmt: NUM_FMT.meanChange, value: (g) => g.meanProgressChange },
    { header: (l) => l.t('columns.previousTotal'), kind: 'number', width: 12, value: (g) => g.atPreviousEnd.total },
    { header: (l) => l.t('compliance.assessed'), kind: 'number', width: 10, value: (g) => g.compliance?.assessed ?? null },
    { header: (l) => l.t('compliance.notAssessed'), kind: 'number', width: 10, value: (g) => g.compliance?.notAssessed ?? null },
    { header: (l) => l.t('compliance.mean'), kind: 'number', width: 12, numFmt: NUM_FMT.compliance, value: (g) => g.compliance?.mean ?? null },
  ];
}

export const AREA_COLUMNS: ReportColumn<AreaFigures>[] = [
  { header: (l) => l.t('byArea.name'), kind: 'text', width: 28, value: (g, l) => l.name(g) },
  ...figureColumns<AreaFigures>(),
];

export const AGENCY_COLUMNS: ReportColumn<AgencyFigures>[] = [
  { header: (l) => l.t('byAgency.name'), kind: 'text', width: 24, value: (g, l) => l.agency(g) },
  { header: (l) => l.t('byAgency.country'), kind: 'text', width: 12, value: (g, l) => l.country(g.country) },
  ...figureColumns<AgencyFigures>(),
];
