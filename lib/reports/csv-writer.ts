import { finished } from 'node:stream/promises';
import { drained } from './back-pressure';
import { COMMITMENT_COLUMNS } from './commitment-columns';
import { reportLabels } from './labels';
import type { ReportWriter } from './types';

/** Rows joined into one write: few enough to keep memory flat, enough to keep writes cheap. */
const ROWS_PER_WRITE = 500;
const BOM = '\uFEFF';
const EOL = '\r\n';

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Keeps a spreadsheet from reading a text cell as a formula (CSV injection, OWASP): a cell
 * starting with = + - @ tab or CR gets a leading apostrophe, which Excel shows as plain text.
 */
export function neutraliseCell(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling the quotes inside. */
function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function csvLine(fields: string[]): string {
  return fields.map(quoteField).join(',') + EOL;
}

/**
 * Writes the commitment table as CSV: UTF-8 with a BOM (so Excel reads the Korean right), CRLF,
 * one row per commitment. Rows go out in chunks and wait for `drain`, so memory stays flat however
 * many commitments there are; `out` is ended when done, or destroyed if reading the rows fails.
 */
export const writeCsv: ReportWriter = async (source, out) => {
  const labels = reportLabels(source.summary.params.lang);
  const write = async (text: string) => {
    if (!out.write(text)) await drained(out, out);
  };
  try {
    await write(BOM + csvLine(COMMITMENT_COLUMNS.map((c) => neutraliseCell(c.header(labels)))));
    let chunk: string[] = [];
    for (const row of source.commitments()) {
      // Numbers are ours (progress, changes) and must stay numbers, so a -5 is not neutralised:
      // only text, which may come from what users typed, can carry a formula.
      const fields = COMMITMENT_COLUMNS.map((c) => {
        const value = c.value(row, labels);
        if (value === null) return '';
        return typeof value === 'number' ? String(value) : neutraliseCell(value);
      });
      chunk.push(csvLine(fields));
      if (chunk.length === ROWS_PER_WRITE) {
        await write(chunk.join(''));
        chunk = [];
      }
    }
    if (chunk.length) await write(chunk.join(''));
  } catch (error) {
    // A truncated file that ends cleanly would pass for a complete one: fail the stream instead.
    (out as Partial<NodeJS.WritableStream & { destroy(e?: Error): void }>).destroy?.(error as Error);
    throw error;
  }
  out.end();
  await finished(out, { readable: false });
};
