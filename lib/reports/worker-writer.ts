import 'server-only';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { drained } from './back-pressure';
import { PDF_MAX_COMMITMENT_ROWS, type ReportSource, type ReportWriter } from './types';
import { BATCHES_IN_FLIGHT, ROWS_PER_BATCH, type RowStream, type ToMain, type ToWorker, type WorkerData, type WorkerFormat } from './worker-protocol';
import { xlsxSource } from './xlsx-writer';

/** Starts the worker; the server's is bundled by Next.js (a test loads the TypeScript another way). */
export type StartWorker = (workerData: WorkerData) => Worker;
const bundledWorker: StartWorker = (workerData) => new Worker(new URL('./report-worker.ts', import.meta.url), { workerData });

/** The first `limit` items. */
function* take<T>(items: Iterable<T>, limit: number): Generator<T> {
  if (limit <= 0) return;
  let n = 0;
  for (const item of items) {
    yield item;
    if (++n >= limit) return;
  }
}

/**
 * The rows the worker needs, read here from the report's read transaction: the XLSX's table rows
 * (worded and typed here, so the worker only lays them out), or the PDF's printed rows only.
 */
function rowsFor(format: WorkerFormat, source: ReportSource): Record<RowStream, () => Iterable<unknown>> {
  if (format === 'xlsx') return xlsxSource(source);
  const printed = source.summary.commitmentCount > PDF_MAX_COMMITMENT_ROWS ? 0 : PDF_MAX_COMMITMENT_ROWS;
  return { commitments: () => take(source.commitments(), printed), changes: () => take(source.changes(), PDF_MAX_COMMITMENT_ROWS) };
}

/**
 * Writes a report's XLSX or PDF on a worker thread. Their layout (exceljs's per-cell work, most of
 * a 100,000-row export; pdfmake's whole-document layout) runs beside this thread, which meanwhile
 * reads the next rows and keeps answering other requests. Rows go over in batches, a few at a
 * time; file chunks come back and are written to `out` with its back-pressure. The file is the one
 * the same writer makes in-thread. Ends `out`, or destroys it on failure (the rows, the worker, or
 * `out` closing early), and terminates the worker either way.
 */
export function writeInWorker(format: WorkerFormat, source: ReportSource, out: NodeJS.WritableStream, start: StartWorker = bundledWorker): Promise<void> {
  const worker = start({ format, summary: source.summary });
  const send = (message: ToWorker) => worker.postMessage(message);
  let settled = false;
  let fail: (error: Error) => void = () => {};
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // Row batches sent and not yet taken, per stream; the sender past the limit waits here.
  const inFlight: Record<RowStream, number> = { commitments: 0, changes: 0 };
  let resumeSender: (() => void) | null = null;
  let writing = Promise.resolve();

  const stop = (error: Error) => {
    if (settled) return;
    settled = true;
    void worker.terminate();
    resumeSender?.();
    (out as Partial<{ destroy(e?: Error): void }>).destroy?.(error);
    fail(error);
  };
  worker.on('message', (message: ToMain) => {
    if (message.type === 'chunk') {
      const chunk = Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength);
      // In order, each after the last: a chunk is acknowledged once `out` takes it.
      writing = writing.then(async () => {
        if (settled) return;
        if (!out.write(chunk)) await drained(out, out);
        send({ type: 'written' });
      });
      writing.catch((error: Error) => stop(error));
    } else if (message.type === 'taken') {
      inFlight[message.stream]--;
      const resume = resumeSender;
      resumeSender = null;
      resume?.();
    } else if (message.type === 'finished') {
      void writing.then(() => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        out.end(() => finish());
      });
    } else {
      stop(new Error(`Report worker: ${message.message}`));
    }
  });
  worker.on('error', (error) => stop(error));
  worker.on('exit', (code) => stop(new Error(`The report worker exited (${code}) before the file was written.`)));
  out.on('close', () => stop(new Error('The report output closed before the report was written.')));

  const sendAll = async (stream: RowStream, rows: Iterable<unknown>) => {
    let batch: unknown[] = [];
    const flush = async () => {
      while (inFlight[stream] >= BATCHES_IN_FLIGHT && !settled) await new Promise<void>((resolve) => (resumeSender = resolve));
      if (settled) throw new Error('stopped');
      inFlight[stream]++;
      send({ type: 'rows', stream, rows: batch });
      batch = [];
      // Read the next batch on a later turn: woken by the worker's messages, this loop would
      // otherwise keep the event loop draining them, and other requests would wait.
      await nextTurn();
    };
    for (const row of rows) {
      batch.push(row);
      if (batch.length === ROWS_PER_BATCH) await flush();
    }
    if (batch.length) await flush();
    send({ type: 'end', stream });
  };
  // The worker takes the commitments, then the changes: send them in that order.
  const rows = rowsFor(format, source);
  sendAll('commitments', rows.commitments())
    .then(() => sendAll('changes', rows.changes()))
    .catch((error: Error) => stop(error));
  return done;
}

/**
 * Inside the Next.js server (which bundles the worker) the XLSX and PDF are laid out on a worker;
 * elsewhere (tests and scripts run by tsx, which cannot load the TypeScript worker) in-thread.
 */
export function onWorkerWhenServed(format: WorkerFormat, inThread: ReportWriter): ReportWriter {
  return (source, out) => (process.env.NEXT_RUNTIME === 'nodejs' ? writeInWorker(format, source, out) : inThread(source, out));
}
