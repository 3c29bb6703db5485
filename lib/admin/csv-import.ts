import 'server-only';
import { parse } from 'csv-parse/sync';
import type { Db } from '@/db/client';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/guard';
import { ValidationError, type FieldErrors } from '@/lib/errors';
import { checkCommitment, insertCommitments } from './commitment-service';

/**
 * CSV header → CommitmentInput field. `partners` reads like "NSF:counterpart:stated:미 국립과학재단;
 * DOE:participant" (`CODE:role[:basis[:words]]`, lib/admin/inputs.ts). The basis columns are
 * optional: without them every assignment and due period is inferred, with the default reason.
 */
export const CSV_COLUMNS = {
  code: 'code',
  dialogue: 'dialogueCode',
  area: 'areaCode',
  title_ko: 'titleKo',
  title_en: 'titleEn',
  description_ko: 'descriptionKo',
  description_en: 'descriptionEn',
  lead_agency: 'leadAgencyCode',
  lead_basis: 'leadBasis',
  lead_basis_words: 'leadBasisWords',
  partners: 'partners',
  inferred_reason_ko: 'inferredReasonKo',
  inferred_reason_en: 'inferredReasonEn',
  due: 'due',
  due_basis_words: 'dueBasisWords',
  target_ko: 'targetKo',
  target_en: 'targetEn',
  target_basis_words: 'targetBasisWords',
  source_excerpt: 'sourceExcerpt',
} as const;
const REQUIRED_COLUMNS = ['code', 'dialogue', 'area', 'title_ko', 'title_en', 'lead_agency'];
const COLUMN_OF = Object.fromEntries(Object.entries(CSV_COLUMNS).map(([col, field]) => [field, col]));

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

export interface ImportRowReport {
  /** Line in the file (the header is line 1). */
  line: number;
  code: string;
  /** Errors keyed by CSV column. */
  errors: FieldErrors;
}

export interface ImportPreview {
  fileErrors: string[];
  rows: ImportRowReport[];
  valid: number;
  invalid: number;
}

/**
 * The file's text: bytes must be valid UTF-8 (a file saved in another encoding, or cut mid-character,
 * is refused naming its first bad line, never read with replacement characters); text from the
 * form's field is already decoded.
 */
function decodeCsv(input: string | Uint8Array): { text: string } | { fileErrors: string[] } {
  if (typeof input === 'string') {
    if (Buffer.byteLength(input, 'utf8') > MAX_IMPORT_BYTES) return { fileErrors: ['file_too_large'] };
    // Pasted text arrives decoded: a replacement character is where a client's bytes were not UTF-8.
    const replaced = input.indexOf('\uFFFD');
    return replaced >= 0 ? { fileErrors: [`invalid_utf8:${input.slice(0, replaced).split('\n').length}`] } : { text: input };
  }
  if (input.byteLength > MAX_IMPORT_BYTES) return { fileErrors: ['file_too_large'] };
  const bad = firstInvalidUtf8(input);
  if (bad !== null) return { fileErrors: [`invalid_utf8:${lineAt(input, bad)}`] };
  return { text: new TextDecoder('utf-8').decode(input) };
}

function readCsv(input: string | Uint8Array): { records: Record<string, string>[]; fileErrors: string[] } {
  const decoded = decodeCsv(input);
  if ('fileErrors' in decoded) return { records: [], fileErrors: decoded.fileErrors };
  let rows: string[][];
  try {
    rows = parse(decoded.text, { skip_empty_lines: true, trim: true, bom: true });
  } catch {
    return { records: [], fileErrors: ['malformed_csv'] };
  }
  const [headerRow, ...body] = rows;
  if (!headerRow || body.length === 0) return { records: [], fileErrors: ['empty_file'] };
  if (body.length > MAX_IMPORT_ROWS) return { records: [], fileErrors: ['too_many_rows'] };
  const header = headerRow.map((c) => c.trim().toLowerCase());
  // Own keys only: `constructor`, `toString` or `__proto__` are not columns.
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !Object.hasOwn(CSV_COLUMNS, c));
  const fileErrors = [...missing.map((c) => `missing_column:${c}`), ...unknown.map((c) => `unknown_column:${c}`)];
  // fromEntries defines own properties, so no header can reach a prototype.
  const records = body.map((row) => Object.fromEntries(header.map((c, i) => [c, row[i] ?? ''])));
  return { records, fileErrors };
}

/** Byte offset of the first byte that does not belong to a well-formed UTF-8 sequence, or null. */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // Lead byte → sequence length and the range its second byte may take (no overlongs, no
    // surrogates, nothing above U+10FFFF).
    const [n, lo, hi] =
      b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf]
      : (b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef ? [3, 0x80, 0xbf]
      : b === 0xed ? [3, 0x80, 0x9f]
      : b === 0xf0 ? [4, 0x90, 0xbf]
      : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
      : b === 0xf4 ? [4, 0x80, 0x8f]
      : [0, 0, 0];
    if (n === 0 || i + n > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return null;
}

/** The 1-based line a byte offset falls on. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** Validates every row against the rules and the database; pure read. */
function checkRows(db: Pick<Db, 'select'>, records: Record<string, string>[]) {
  const seen = new Set<string>();
  return records.map((record, i) => {
    const raw = Object.fromEntries(Object.entries(CSV_COLUMNS).map(([col, field]) => [field, record[col] ?? '']));
    // `partners.NSF` (a partner's basis) keeps the agency's code after the column's name.
    const columnOf = (field: string) => {
      const [head = field, ...rest] = field.split('.');
      return [COLUMN_OF[head] ?? head, ...rest].join('.');
    };
    const byColumn = (errors: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(errors).map(([field, list]) => [columnOf(field), list]));
    const code = String(raw.code).trim().toUpperCase();
    const checked = checkCommitment(db, raw);
    const errors: FieldErrors = { ...(checked.errors ?? {}) };
    if (code && seen.has(code)) errors.code = ['duplicate_in_file'];
    seen.add(code);
    const ok = Object.keys(errors).length === 0;
    return { line: i + 2, code, errors: byColumn(errors), resolved: ok ? checked.resolved : null };
  });
}

function summarize(fileErrors: string[], rows: ReturnType<typeof checkRows>): ImportPreview {
  const reports = rows.map(({ line, code, errors }) => ({ line, code, errors }));
  const invalid = reports.filter((r) => Object.keys(r.errors).length > 0).length;
  return { fileErrors, rows: reports, valid: reports.length - invalid, invalid };
}

/** Dry run: every row's errors, nothing written. */
export function previewCommitmentImport(db: Db, actor: Actor, text: string | Uint8Array, ctx: RequestContext): ImportPreview {
  authorize(db, actor, 'commitment.manage', undefined, ctx, 'import');
  const { records, fileErrors } = readCsv(text);
  return summarize(fileErrors, fileErrors.length ? [] : checkRows(db, records));
}

/**
 * All-or-nothing import: re-validates inside one immediate transaction and writes every row,
 * or throws ValidationError (with the preview) and writes none.
 */
export function importCommitments(db: Db, actor: Actor, text: string | Uint8Array, ctx: RequestContext): { imported: number } {
  authorize(db, actor, 'commitment.manage', undefined, ctx, 'import');
  const { records, fileErrors } = readCsv(text);
  return db.transaction(
    (tx) => {
      const rows = fileErrors.length ? [] : checkRows(tx, records);
      const preview = summarize(fileErrors, rows);
      if (fileErrors.length || preview.invalid > 0) throw new ImportRejectedError(preview);
      insertCommitments(tx, actor, rows.map((r) => r.resolved!), ctx.origin);
      recordAudit(tx, { actor, action: 'commitment.import', targetType: 'commitment', targetId: null, after: { imported: rows.length, codes: rows.map((r) => r.code) }, origin: ctx.origin });
      return { imported: rows.length };
    },
    { behavior: 'immediate' },
  );
}

/** An import refused because of file or row errors; carries the full report. */
export class ImportRejectedError extends ValidationError {
  constructor(readonly preview: ImportPreview) {
    super({ file: preview.fileErrors.length ? preview.fileErrors : ['import_has_errors'] }, 'The file has errors; nothing was imported');
  }
}
