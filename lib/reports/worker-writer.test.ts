import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countingSource, fixtureSource } from './fixture';
import type { ReportCommitment, ReportSource } from './types';
import { type StartWorker, writeInWorker } from './worker-writer';
import { writePdf } from './pdf-writer';
import { writeXlsx } from './xlsx-writer';

/** The worker as TypeScript through tsx (the server's is bundled by Next.js). */
const startTsx: StartWorker = (workerData) =>
  new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(path.resolve('lib/reports/report-worker.ts'))})`, { eval: true, workerData });

async function bytesOf(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

/** Every cell of every sheet: value, number format, fill and font, by address. */
async function cellsOf(bytes: Buffer): Promise<Record<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: Record<string, unknown> = {};
  workbook.eachSheet((ws) => {
    cells[`${ws.name}!views`] = ws.views;
    cells[`${ws.name}!filter`] = ws.autoFilter;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[`${ws.name}!${cell.address}`] = [cell.value, cell.numFmt, cell.fill, cell.font];
      }),
    );
  });
  return cells;
}

describe('the XLSX and PDF on a worker thread', () => {
  it('lays out the same workbook as the writer in-thread', { timeout: 60_000 }, async () => {
    for (const lang of ['ko', 'en'] as const) {
      const source = fixtureSource(lang, 1_200);
      const inThread = await cellsOf(await bytesOf((out) => writeXlsx(source, out)));
      const inWorker = await cellsOf(await bytesOf((out) => writeInWorker('xlsx', source, out, startTsx)));
      expect(Object.keys(inWorker).length).toBeGreaterThan(1_200 * 17);
      expect(inWorker).toEqual(inThread);
    }
  });

  it('makes the same PDF bytes as the writer in-thread, with and without the commitments table', { timeout: 60_000 }, async () => {
    for (const count of [40, 2_500]) {
      const source = fixtureSource('ko', count);
      const inThread = await bytesOf((out) => writePdf(source, out));
      const inWorker = await bytesOf((out) => writeInWorker('pdf', source, out, startTsx));
      expect(inWorker.length).toBeGreaterThan(10_000);
      expect(inWorker.equals(inThread)).toBe(true);
    }
  });

  it('stops sending rows while the client is stalled, and ends when it goes away', { timeout: 60_000 }, async () => {
    const { source, read } = countingSource(fixtureSource('en', 100_000));
    const out = new Writable({ highWaterMark: 1024, write() {} });
    const written = writeInWorker('xlsx', source, out, startTsx);
    let last = -1;
    while (read() !== last) {
      last = read();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(read()).toBeLessThan(50_000);
    out.destroy();
    await expect(written).rejects.toThrow(/closed before/);
  });

  it('fails the download when the rows fail to read', { timeout: 60_000 }, async () => {
    const base = fixtureSource('en', 5_000);
    const source: ReportSource = {
      ...base,
      *commitments(): Generator<ReportCommitment> {
        let n = 0;
        for (const row of base.commitments()) {
          if (++n === 2_000) throw new Error('disk I/O error');
          yield row;
        }
      },
    };
    const out = new PassThrough();
    out.resume();
    const failed = new Promise<Error>((resolve) => out.on('error', resolve));
    await expect(writeInWorker('xlsx', source, out, startTsx)).rejects.toThrow('disk I/O error');
    expect((await failed).message).toBe('disk I/O error');
  });

  it('fails the download when the worker fails', async () => {
    const out = new PassThrough();
    out.on('error', () => {});
    const broken: StartWorker = (workerData) => new Worker('throw new Error("cannot load exceljs")', { eval: true, workerData });
    await expect(writeInWorker('xlsx', fixtureSource('en'), out, broken)).rejects.toThrow('cannot load exceljs');
    expect(out.destroyed).toBe(true);
  });
});
