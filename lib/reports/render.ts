import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import { writeCsv } from './csv-writer';
import { reportFileName } from './labels';
import { writePdf } from './pdf-writer';
import { CONTENT_TYPES, type ReportFormat, type ReportParams, type ReportSource, type ReportWriter } from './types';
import { onWorkerWhenServed } from './worker-writer';
import { writeXlsx } from './xlsx-writer';

export { CONTENT_TYPES };

/** The whole report as one JSON document: the summary with every commitment and change row, written in chunks of about 64 KB. */
export const writeJson: ReportWriter = async (source, out) => {
  let pending = '';
  const flush = () => {
    const chunk = pending;
    pending = '';
    return out.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  const write = (text: string) => {
    pending += text;
    return pending.length >= 65_536 ? flush() : undefined;
  };
  const list = async (rows: Iterable<unknown>) => {
    let first = true;
    for (const row of rows) {
      await write(`${first ? '' : ','}${JSON.stringify(row)}`);
      first = false;
    }
  };
  const head = JSON.stringify(source.summary);
  await write(`${head.slice(0, -1)},"commitments":[`);
  await list(source.commitments());
  await write('],"changes":[');
  await list(source.changes());
  await write(']}\n');
  await flush();
  out.end();
};

const STREAM_BUFFER = 1 << 20;

export const WRITERS: Record<ReportFormat, ReportWriter> = { json: writeJson, csv: writeCsv, xlsx: onWorkerWhenServed('xlsx', writeXlsx), pdf: onWorkerWhenServed('pdf', writePdf) };

export const fileNameOf = (params: Pick<ReportParams, 'quarter' | 'lang'>, format: ReportFormat) => reportFileName(params.quarter, params.lang, format);

/** Renders a report in one format into memory (issuing keeps these bytes). */
export async function renderToBuffer(source: ReportSource, format: ReportFormat): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await WRITERS[format](source, out);
  await done;
  return Buffer.concat(chunks);
}

/**
 * Streams a report in one format as a web response body; `finished` runs once the writer is done
 * or failed (to close the report's read transaction).
 */
export function renderToStream(source: ReportSource, format: ReportFormat, finished: (error?: unknown) => void): ReadableStream<Uint8Array> {
  // A megabyte of buffer between the writer and the response: few pauses, memory still bounded.
  const out = new PassThrough({ highWaterMark: STREAM_BUFFER });
  WRITERS[format](source, out).then(
    () => finished(),
    (error: unknown) => {
      finished(error);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return Readable.toWeb(out, { strategy: { highWaterMark: 16 } }) as ReadableStream<Uint8Array>;
}
