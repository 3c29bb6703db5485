import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import { unlessClosedEarly } from './back-pressure';
import { COMMITMENT_COLUMNS, type ReportColumn } from './commitment-columns';
import { reportLabels } from './labels';
import type { ReportChange, ReportSource, ReportSummary, ReportWriter } from './types';
import { AGENCY_COLUMNS, AREA_COLUMNS, writeSummarySheet } from './xlsx-summary';
import { type TableContext, type TableRow, tableRows, writeTable } from './xlsx-table';

/** The Changes sheet: every update effective within the quarter. */
export const CHANGE_COLUMNS: ReportColumn<ReportChange>[] = [
  { header: (l) => l.t('changes.effectiveDate'), kind: 'date', width: 12, value: (c) => c.effectiveDate },
  { header: (l) => l.t('changes.code'), kind: 'text', width: 14, value: (c) => c.code },
  { header: (l) => l.t('changes.title_'), kind: 'text', width: 40, value: (c, l) => l.name({ nameKo: c.titleKo, nameEn: c.titleEn }) },
  { header: (l) => l.t('changes.from'), kind: 'status', width: 14, value: (c, l) => l.status(c.fromStatus), state: (c) => c.fromStatus },
  { header: (l) => l.t('changes.to'), kind: 'status', width: 14, value: (c, l) => l.status(c.toStatus), state: (c) => c.toStatus },
  { header: (l) => l.t('xlsx.progressFrom'), kind: 'number', width: 12, value: (c) => c.fromProgress },
  { header: (l) => l.t('xlsx.progressTo'), kind: 'number', width: 12, value: (c) => c.toProgress },
  { header: (l) => l.t('changes.note'), kind: 'text', width: 40, value: (c) => c.note },
  { header: (l) => l.t('changes.evidence'), kind: 'text', width: 32, value: (c) => c.evidenceUrl },
  { header: (l) => l.t('changes.authorAgency'), kind: 'text', width: 18, value: (c, l) => (c.authorAgency ? l.agency(c.authorAgency) : l.t('changes.administrator')) },
  { header: (l) => l.t('changes.author'), kind: 'text', width: 18, value: (c, l) => l.person(c) },
  { header: (l) => l.t('changes.recordedAt'), kind: 'instant', width: 18, value: (c) => c.recordedAt },
];

const FROZEN_HEADER = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

/**
 * Writes the report as a workbook (Summary, By area, By agency, Commitments, Changes) with exceljs's
 * streaming writer: rows are committed as they are made and the loop pauses for the zip and `out`,
 * so memory stays flat for 100,000 commitments. exceljs pipes the zip into `out` and ends it; this
 * resolves once `out` has finished, or destroys `out` if the report's rows fail to read.
 */
/** A report's summary and its two long tables as table rows, maybe arriving over time (from another thread). */
export interface XlsxSource {
  summary: ReportSummary;
  commitments(): Iterable<TableRow> | AsyncIterable<TableRow>;
  changes(): Iterable<TableRow> | AsyncIterable<TableRow>;
}

/** A report's rows as the XLSX's Commitments and Changes sheets take them. */
export function xlsxSource(source: ReportSource): XlsxSource & Record<'commitments' | 'changes', () => Iterable<TableRow>> {
  const { summary } = source;
  const labels = reportLabels(summary.params.lang);
  return {
    summary,
    commitments: () => tableRows(COMMITMENT_COLUMNS, source.commitments(), labels, summary.timeZone),
    changes: () => tableRows(CHANGE_COLUMNS, source.changes(), labels, summary.timeZone),
  };
}

export const writeXlsx: ReportWriter = (source, out) => writeXlsxTables(xlsxSource(source), out);

export const writeXlsxTables = async (source: XlsxSource, out: NodeJS.WritableStream): Promise<void> => {
  const { summary } = source;
  const labels = reportLabels(summary.params.lang);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as Stream, useStyles: true, useSharedStrings: false });
  workbook.creator = workbook.lastModifiedBy = summary.generatedBy.name;
  workbook.created = workbook.modified = new Date(summary.generatedAt);
  const ctx: TableContext = { labels, out, timeZone: summary.timeZone };
  // Each sheet is added only once the previous one is committed: a sheet's zip entry opens when it
  // is added and fills memory until the zip reaches it, so one sheet at a time keeps memory flat.
  const table = async <T>(name: string, columns: ReportColumn<T>[], rows: Iterable<TableRow> | AsyncIterable<TableRow>) => {
    const ws = workbook.addWorksheet(name, FROZEN_HEADER);
    await writeTable(ws, columns, rows, ctx);
    ws.commit();
  };
  try {
    await writeSummarySheet(workbook.addWorksheet(labels.t('sheets.summary')), summary, labels);
    await table(labels.t('sheets.byArea'), AREA_COLUMNS, tableRows(AREA_COLUMNS, summary.byArea, labels, summary.timeZone));
    await table(labels.t('sheets.byAgency'), AGENCY_COLUMNS, tableRows(AGENCY_COLUMNS, summary.byLeadAgency, labels, summary.timeZone));
    await table(labels.t('sheets.commitments'), COMMITMENT_COLUMNS, source.commitments());
    await table(labels.t('sheets.changes'), CHANGE_COLUMNS, source.changes());
    // Resolves on `out`'s 'finish': the zip was piped into it, and the pipe ended it once.
    await unlessClosedEarly(out, workbook.commit());
  } catch (error) {
    // A zip cut short is a corrupt file; fail the stream rather than end it.
    (out as Partial<{ destroy(e?: Error): void }>).destroy?.(error as Error);
    throw error;
  }
};
