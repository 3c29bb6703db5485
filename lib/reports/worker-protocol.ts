/** Messages between a report's main thread and the worker that lays out its XLSX or PDF (worker-writer.ts, report-worker.ts). */
import type { ReportSummary } from './types';

/** The formats laid out on a worker: the ones whose layout is long CPU work. */
export type WorkerFormat = 'xlsx' | 'pdf';

export interface WorkerData {
  format: WorkerFormat;
  summary: ReportSummary;
}

export type RowStream = 'commitments' | 'changes';

export type ToWorker =
  | { type: 'rows'; stream: RowStream; rows: unknown[] }
  | { type: 'end'; stream: RowStream }
  /** A chunk of the file was written out: the worker may send another. */
  | { type: 'written' };

export type ToMain =
  | { type: 'chunk'; data: Uint8Array }
  /** The worker took a batch of rows: the main thread may send another. */
  | { type: 'taken'; stream: RowStream }
  | { type: 'finished' }
  | { type: 'failed'; message: string };

/** Rows per message: enough to make posting cheap, few enough to keep memory flat. */
export const ROWS_PER_BATCH = 500;
/** Row batches sent and not yet taken by the worker. */
export const BATCHES_IN_FLIGHT = 4;
/** File chunks posted and not yet written out by the main thread. */
export const CHUNKS_IN_FLIGHT = 16;
