import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventEmitter } from 'node:events';
import type ExcelJS from 'exceljs';
import { STATUS_COLORS } from '@/lib/commitments/status-style';
import type { State } from '@/lib/commitments/vocabulary';
import { drained } from './back-pressure';
import type { ReportColumn } from './commitment-columns';
import type { ReportLabels } from './labels';

/** Rows between two pauses that let the zip and `out` catch up. */
const ROWS_PER_PAUSE = 500;

export const NUM_FMT = {
  date: 'yyyy-mm-dd',
  instant: 'yyyy-mm-dd hh:mm',
  share: '0.0%',
  mean: '0.0',
  meanChange: '+0.0;-0.0;0.0',
  change: '+0;-0;0',
  /** A mean compliance score, −1 to +1. */
  compliance: '+0.00;-0.00;0.00',
} as const;

/** Korean sheets show dates and times as the Korean screens do (`2024. 6. 30.`, `2024. 6. 30. 15:06`; GLOSSARY.md). */
export const NUM_FMT_KO = { date: 'yyyy". "m". "d"."', instant: 'yyyy". "m". "d". "hh:mm' } as const;

/** An ISO day as an Excel date: UTC midnight, which exceljs turns into a whole serial day. */
export const excelDay = (iso: string): Date => new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)));

/**
 * Excel dates have no zone: carry the wall-clock time of `zone` in the UTC fields, so the sheet
 * shows the app's time (the header names the zone) whatever the reader's machine is set to.
 */
export function wallClockIn(zone: string): (iso: string) => Date {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  // The zone's offset, asked of Intl once per quarter hour of UTC: zones change offset only at
  // such boundaries, and 25,000 changes' recording times then cost a few hundred Intl calls.
  const QUARTER_HOUR = 15 * 60_000;
  const offsets = new Map<number, number>();
  const offsetAt = (bucket: number): number => {
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const at = bucket * QUARTER_HOUR;
      const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, Number(x.value)]));
      offset = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - at;
      offsets.set(bucket, offset);
    }
    return offset;
  };
  return (iso) => {
    const at = Date.parse(iso);
    // Whole seconds, as the wall clock shows them.
    return new Date(Math.floor(at / 1000) * 1000 + offsetAt(Math.floor(at / QUARTER_HOUR)));
  };
}

const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

const STATUS_STYLES = new Map<State, Partial<ExcelJS.Style> | null>();

/**
 * The app's status colour as a fill, with white text where it reads better than black (WCAG
 * contrast). One object per status: exceljs caches a style by identity, so sharing it keeps
 * 100,000 coloured cells from being styled one by one.
 */
export function statusStyle(state: State): Partial<ExcelJS.Style> | null {
  if (!STATUS_STYLES.has(state)) STATUS_STYLES.set(state, state === 'absent' ? null : colourStyle(STATUS_COLORS[state]));
  return STATUS_STYLES.get(state)!;
}

function colourStyle(hex: string): Partial<ExcelJS.Style> {
  const l = luminance(hex);
  const white = 1.05 / (l + 0.05) >= (l + 0.05) / 0.05;
  return {
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex.slice(1).toUpperCase()}` } },
    font: { color: { argb: white ? 'FFFFFFFF' : 'FF000000' } },
  };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF2' } };

/** Bold, shaded, wrapped header cells; a status header takes its status colour instead. */
export function styleHeader(row: ExcelJS.Row, states: (State | undefined)[] = []): void {
  row.eachCell((cell, n) => {
    const status = states[n - 1] ? statusStyle(states[n - 1]!) : null;
    cell.fill = status?.fill ?? HEADER_FILL;
    cell.font = { ...status?.font, bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

/** Uncompressed sheet XML allowed to wait for the zip before the rows pause. */
const MAX_BACKLOG = 1024 * 1024;

type EntryStream = EventEmitter & { writableLength?: number; _writableState?: { length: number } };

/**
 * exceljs commits rows without back-pressure: its sheet stream pushes into the zip entry however
 * far behind the deflater is, so a tight loop over 100,000 rows would hold the sheet's whole XML
 * (about 600 bytes a row) in memory. This reads that entry's backlog (exceljs internals, absent
 * from its types; without them only `out` is watched) and waits while it is too long.
 */
export async function letStreamCatchUp(ws: ExcelJS.Worksheet, out: NodeJS.WritableStream): Promise<void> {
  await nextTurn();
  const entry = (ws as unknown as { stream?: { pipes?: EntryStream[] } }).stream?.pipes?.[0];
  const backlog = () => entry?.writableLength ?? entry?._writableState?.length ?? 0;
  while (entry && backlog() > MAX_BACKLOG) await drained(entry, out);
  if ((out as { writableNeedDrain?: boolean }).writableNeedDrain) await drained(out, out);
}

export interface TableContext {
  labels: ReportLabels;
  out: NodeJS.WritableStream;
  timeZone: string;
}

/**
 * A table row as the sheet takes it: each column's value typed for the sheet (numbers, dates as
 * dates, text), and the state of each status column in column order (for its colour). Plain data,
 * so it can be made on one thread and laid out on another.
 */
export interface TableRow {
  values: ExcelJS.CellValue[];
  states: State[];
}

/** Turns report rows into table rows: the labels' words, dates as Excel days, instants on the app zone's wall clock. */
export function tableRows<T>(columns: ReportColumn<T>[], items: Iterable<T>, labels: ReportLabels, timeZone: string): Iterable<TableRow> {
  const clock = wallClockIn(timeZone);
  const cell = (c: ReportColumn<T>, item: T): ExcelJS.CellValue => {
    const value = c.value(item, labels);
    if (value === null || value === '') return null;
    if (c.kind === 'date' && typeof value === 'string') return excelDay(value);
    if (c.kind === 'instant' && typeof value === 'string') return clock(value);
    return value;
  };
  const statusColumns = columns.filter((c) => c.state);
  return (function* () {
    for (const item of items) yield { values: columns.map((c) => cell(c, item)), states: statusColumns.map((c) => c.state!(item)) };
  })();
}

/**
 * Lays out one table on a fresh sheet: header row at the top (frozen by the caller's view),
 * auto-filter, widths, typed cells. Strings stay strings: exceljs writes them as values, never as
 * formulas, so a note like `=HYPERLINK(…)` cannot run and needs no apostrophe here (unlike CSV).
 */
export async function writeTable<T>(ws: ExcelJS.Worksheet, columns: ReportColumn<T>[], rows: Iterable<TableRow> | AsyncIterable<TableRow>, ctx: TableContext): Promise<number> {
  ws.columns = columns.map((c) => ({ width: c.width }));
  // Shared per column, and replaced whole (never cell.fill = …), so exceljs styles each once.
  const styles = columns.map((c): Partial<ExcelJS.Style> => {
    const numFmt = c.numFmt ?? (c.kind === 'date' || c.kind === 'instant' ? (ctx.labels.lang === 'ko' ? NUM_FMT_KO : NUM_FMT)[c.kind] : undefined);
    return numFmt ? { numFmt } : {};
  });
  // Each status column's place among the row's states.
  let statusColumns = 0;
  const stateAt = columns.map((c) => (c.state ? statusColumns++ : -1));
  const header = ws.addRow(columns.map((c) => (c.kind === 'instant' ? `${c.header(ctx.labels)} (${ctx.timeZone})` : c.header(ctx.labels))));
  styleHeader(header, columns.map((c) => c.headerState));
  header.commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  let count = 0;
  for await (const { values, states } of rows) {
    const row = ws.addRow(values);
    for (let i = 0; i < columns.length; i++) {
      const k = stateAt[i]!;
      row.getCell(i + 1).style = (k >= 0 && statusStyle(states[k]!)) || styles[i]!;
    }
    row.commit();
    if (++count % ROWS_PER_PAUSE === 0) await letStreamCatchUp(ws, ctx.out);
  }
  return count;
}
