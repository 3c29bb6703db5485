import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '@/lib/commitments/status-style';
import { countingSource, fixtureCommitments, fixtureSource } from './fixture';
import type { ReportSource } from './types';
import { writeXlsx } from './xlsx-writer';
import { letStreamCatchUp } from './xlsx-table';

async function xlsxBytes(source: ReportSource): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let finishes = 0;
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  out.on('finish', () => finishes++);
  let ends = 0;
  const end = out.end.bind(out);
  out.end = ((...args: Parameters<typeof end>) => {
    ends++;
    return end(...args);
  }) as typeof out.end;
  await writeXlsx(source, out);
  // exceljs's zip pipe ends `out`; the writer must not end it again.
  expect([ends, finishes]).toEqual([1, 1]);
  return Buffer.concat(chunks);
}

async function workbookOf(source: ReportSource): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await xlsxBytes(source)) as unknown as ArrayBuffer);
  return workbook;
}

/** The row whose first cell reads `label`. */
function rowLabelled(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = row;
  });
  if (!found) throw new Error(`no row labelled ${label}`);
  return found;
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

describe('writeXlsx', () => {
  it('names the sheets in order in each language', async () => {
    expect((await workbookOf(fixtureSource('en'))).worksheets.map((ws) => ws.name)).toEqual(['Summary', 'By area', 'By lead agency', 'Commitments', 'Changes']);
    expect((await workbookOf(fixtureSource('ko'))).worksheets.map((ws) => ws.name)).toEqual(['요약', '분야별', '주관 기관별', '합의 사항', '변경 이력']);
  });

  it("puts the fixture's figures in the summary as numbers", async () => {
    const ws = (await workbookOf(fixtureSource('en'))).getWorksheet('Summary')!;
    expect(ws.getCell('A1').value).toBe('Quarterly report on the implementation of commitments');
    expect(rowLabelled(ws, 'Quarter').getCell(2).value).toBe('Q2 2024');
    const completed = rowLabelled(ws, 'Completed');
    expect([2, 3, 4, 5].map((n) => completed.getCell(n).value)).toEqual([1, 1 / 3, 0, 1]);
    expect(completed.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(completed.getCell(3).numFmt).toBe('0.0%');
    const inProgress = rowLabelled(ws, 'In progress');
    expect([2, 4, 5].map((n) => inProgress.getCell(n).value)).toEqual([0, 2, -2]);
    const total = rowLabelled(ws, 'Total');
    expect([total.getCell(2).value, total.getCell(4).value]).toEqual([3, 2]);
    expect(total.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(rowLabelled(ws, 'Newly overdue this quarter').getCell(2).value).toBe(1);
    expect(rowLabelled(ws, 'Overdue at quarter end').getCell(2).value).toBe(1);
    expect(rowLabelled(ws, 'Mean progress (%)').getCell(2).value).toBe(43.3);
    // The assessments: commitments, assessed, not assessed, mean compliance score.
    const all = rowLabelled(ws, 'All commitments');
    expect([2, 3, 4, 5].map((n) => all.getCell(n).value)).toEqual([3, 2, 1, 0]);
    expect(all.getCell(5).numFmt).toBe('+0.00;-0.00;0.00');
    expect([2, 3, 4, 5].map((n) => rowLabelled(ws, 'Lead agency: NSF (United States)').getCell(n).value)).toEqual([1, 1, 0, -1]);
  });

  it('says why an empty report is empty and keeps the table headers', async () => {
    const source = fixtureSource('en');
    const empty: ReportSource = { summary: { ...source.summary, emptyReason: 'before_first_dialogue', commitmentCount: 0, changeCount: 0 }, commitments: () => [], changes: () => [] };
    const workbook = await workbookOf(empty);
    const sentences: unknown[] = [];
    workbook.getWorksheet('Summary')!.eachRow((row) => sentences.push(row.getCell(1).value));
    expect(sentences).toContain('This quarter ends before the first dialogue in scope: there were no commitments yet, so the report is empty.');
    expect(workbook.getWorksheet('Commitments')!.rowCount).toBe(1);
    expect(workbook.getWorksheet('Changes')!.rowCount).toBe(1);
  });

  it('lays out one typed row per commitment under a frozen, filtered header', async () => {
    const ws = (await workbookOf(fixtureSource('en'))).getWorksheet('Commitments')!;
    const fixture = fixtureCommitments();
    expect(ws.rowCount).toBe(fixture.length + 1);
    expect(ws.getCell('A1').value).toBe('Code');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]?.state).toBe('frozen');
    expect((ws.views[0] as { ySplit?: number }).ySplit).toBe(1);
    expect(ws.autoFilter).toBeTruthy();
    const first = ws.getRow(2);
    expect(first.getCell(10).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(10).value).toEqual(new Date('2024-12-31T00:00:00Z'));
    expect(first.getCell(10).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(12).type).toBe(ExcelJS.ValueType.Number);
    expect([2, 3, 4].map((n) => ws.getRow(n).getCell(12).value)).toEqual(fixture.map((c) => c.progress));
    expect(ws.getRow(4).getCell(10).value).toBeNull();
    // The bases, as text beside the agencies and the due period.
    expect([ws.getCell('G1').value, ws.getCell('I1').value]).toEqual(['Assignment basis', 'Due period basis']);
    expect([first.getCell(7).value, first.getCell(9).value]).toEqual(['MSIT inferred; NSF stated', 'stated: “내년에”']);
  });

  it('stores the formula-like note as a plain string, never a formula', async () => {
    const workbook = await workbookOf(fixtureSource('en'));
    const note = workbook.getWorksheet('Commitments')!.getRow(2).getCell(17);
    expect(note.type).toBe(ExcelJS.ValueType.String);
    expect(note.value).toBe('=HYPERLINK("http://evil.example")');
    expect(note.formula).toBeUndefined();
    workbook.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))));
  });

  it('fills status cells with the status colour', async () => {
    const ws = (await workbookOf(fixtureSource('en'))).getWorksheet('Commitments')!;
    const status = ws.getRow(2).getCell(11);
    expect(status.value).toBe('Completed');
    expect(status.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(STATUS_COLORS.completed) } });
    const dark = ws.getRow(2).getCell(13);
    expect(dark.fill).toMatchObject({ fgColor: { argb: argb(STATUS_COLORS.in_progress) } });
    expect(dark.font?.color?.argb).toBe('FFFFFFFF');
  });

  it("records the change's time as a date-time in the app's zone, named in the header", async () => {
    const ws = (await workbookOf(fixtureSource('en'))).getWorksheet('Changes')!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getCell('L1').value).toBe('Recorded at (Asia/Seoul)');
    // 2024-04-02T01:00Z is 10:00 in Seoul.
    expect(ws.getCell('L2').value).toEqual(new Date('2024-04-02T10:00:00Z'));
    expect(ws.getCell('L2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(ws.getCell('J3').value).toBe('Administrator');
    expect([ws.getCell('F3').value, ws.getCell('G3').value]).toEqual([80, 100]);
  });

  it('stops reading rows while the client is stalled, and fails when it goes away', { timeout: 60_000 }, async () => {
    const out = new Writable({ highWaterMark: 1024, write() {} });
    const { source, read } = countingSource(fixtureSource('en', 100_000));
    const written = writeXlsx(source, out);
    // Wait until the writer has stopped taking rows: the zip's buffers are full.
    let last = -1;
    while (read() !== last) {
      last = read();
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(read()).toBeLessThan(50_000);
    out.destroy();
    await expect(written).rejects.toThrow(/closed before/);
  });

  it("waits while the sheet's zip entry holds more than a megabyte", async () => {
    const entry = new Writable({ highWaterMark: 1024, write: (_chunk, _enc, done) => setTimeout(done, 5) });
    for (let i = 0; i < 40; i++) entry.write(Buffer.alloc(64 * 1024));
    const sheet = { stream: { pipes: [entry] } } as unknown as ExcelJS.Worksheet;
    await letStreamCatchUp(sheet, new Writable({ write: (_c, _e, done) => done() }));
    expect(entry.writableLength).toBeLessThanOrEqual(1024 * 1024);
  });

  it("finds exceljs's zip entry behind a streamed sheet, so the wait above applies", async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new Writable({ write: (_c, _e, done) => done() }) });
    const entry = (workbook.addWorksheet('x') as unknown as { stream: { pipes: { _writableState?: { length: number }; writableLength?: number }[] } }).stream.pipes[0];
    expect(typeof (entry?.writableLength ?? entry?._writableState?.length)).toBe('number');
  });

  it('streams 20,000 commitments and reads them back', { timeout: 60_000 }, async () => {
    const started = performance.now();
    const bytes = await xlsxBytes(fixtureSource('en', 20_000));
    console.info(`XLSX, 20,000 commitments: ${Math.round(performance.now() - started)} ms, ${(bytes.length / 1024).toFixed(0)} KiB`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Commitments')!.rowCount).toBe(20_001);
  });
});
