/**
 * A report's XLSX or PDF laid out on a thread of its own (see worker-writer.ts): receives the
 * summary as worker data and the rows in batches, runs the same writer as in-thread, and posts
 * the file back in chunks. Nothing here reads the database: the rows come from the main thread's
 * read transaction, so the file says what the figures say.
 */
import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { writePdf } from './pdf-writer';
import type { ReportChange, ReportCommitment } from './types';
import { CHUNKS_IN_FLIGHT, type RowStream, type ToMain, type ToWorker, type WorkerData } from './worker-protocol';
import type { TableRow } from './xlsx-table';
import { writeXlsxTables } from './xlsx-writer';

const port = parentPort!;
const post = (message: ToMain, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** The batches of one row stream as they arrive, each acknowledged once taken. */
class Batches<T> {
  private queue: (T[] | null)[] = [];
  private wake: (() => void) | null = null;
  constructor(private readonly name: RowStream) {}
  push(rows: T[] | null) {
    this.queue.push(rows);
    this.wake?.();
  }
  async *rows(): AsyncGenerator<T> {
    for (;;) {
      if (!this.queue.length) await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
      const batch = this.queue.shift()!;
      if (batch === null) return;
      post({ type: 'taken', stream: this.name });
      yield* batch;
    }
  }
  /** Every row, once all have come (the PDF lays out the whole document at once; its rows are capped). */
  async all(): Promise<T[]> {
    const rows: T[] = [];
    for await (const row of this.rows()) rows.push(row);
    return rows;
  }
}

const streams = { commitments: new Batches<unknown>('commitments'), changes: new Batches<unknown>('changes') };

// Chunks posted and not yet written out by the main thread; past the limit, the writer waits.
let inFlight = 0;
let waiting: (() => void) | null = null;
const out = new Writable({
  highWaterMark: 1 << 20,
  write(chunk: Buffer, _encoding, done) {
    const copy = new Uint8Array(chunk); // a copy of its own, so its buffer can be transferred
    post({ type: 'chunk', data: copy }, [copy.buffer]);
    if (++inFlight < CHUNKS_IN_FLIGHT) done();
    else waiting = done;
  },
});

port.on('message', (message: ToWorker) => {
  if (message.type === 'rows') streams[message.stream].push(message.rows);
  else if (message.type === 'end') streams[message.stream].push(null);
  else {
    inFlight--;
    const resume = waiting;
    waiting = null;
    resume?.();
  }
});

async function write({ format, summary }: WorkerData): Promise<void> {
  if (format === 'xlsx') {
    const rows = (stream: RowStream) => () => streams[stream].rows() as AsyncIterable<TableRow>;
    return writeXlsxTables({ summary, commitments: rows('commitments'), changes: rows('changes') }, out);
  }
  const commitments = (await streams.commitments.all()) as ReportCommitment[];
  const changes = (await streams.changes.all()) as ReportChange[];
  return writePdf({ summary, commitments: () => commitments, changes: () => changes }, out);
}

write(workerData as WorkerData).then(
  () => post({ type: 'finished' }),
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
