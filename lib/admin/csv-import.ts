import 'server-only';
import { parse } from 'csv-parse/sync';
import type { Db } from '@/db/client';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { authorize } from '@/lib/auth/guard';
import { ValidationError, type FieldErrors } from '@/lib/errors';
import { checkCommitment, insertCommitments } from './commitment-service';

/** CSV header → CommitmentInput field. `partners` reads like "NSF:counterpart; DOE:participant". */
export const CSV_COLUMNS = {
  code: 'code',
  dialogue: 'dialogueCode',
  area: 'areaCode',
  title_ko: 'titleKo',
  title_en: 'titleEn',
  description_ko: 'descriptionKo',
  description_en: 'descriptionEn',
  lead_agency: 'leadAgencyCode',
  partners: 'partners',
  due: 'due',
  target_ko: 'targetKo',
  target_en: 'targetEn',
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

function readCsv(text: string): { records: Record<string, string>[]; fileErrors: string[] } {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) return { records: [], fileErrors: ['file_too_large'] };
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch {
    return { records: [], fileErrors: ['malformed_csv'] };
  }
  if (records.length === 0) return { records, fileErrors: ['empty_file'] };
  if (records.length > MAX_IMPORT_ROWS) return { records: [], fileErrors: ['too_many_rows'] };
  const header = Object.keys(records[0]!);
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(c in CSV_COLUMNS));
  const fileErrors = [...missing.map((c) => `missing_column:${c}`), ...unknown.map((c) => `unknown_column:${c}`)];
  return { records, fileErrors };
}

/** Validates every row against the rules and the database; pure read. */
function checkRows(db: Pick<Db, 'select'>, records: Record<string, string>[]) {
  const seen = new Set<string>();
  return records.map((record, i) => {
    const raw = Object.fromEntries(Object.entries(CSV_COLUMNS).map(([col, field]) => [field, record[col] ?? '']));
    const byColumn = (errors: FieldErrors): FieldErrors =>
      Object.fromEntries(Object.entries(errors).map(([field, list]) => [COLUMN_OF[field] ?? field, list]));
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
export function previewCommitmentImport(db: Db, actor: Actor, text: string, ctx: RequestContext): ImportPreview {
  authorize(db, actor, 'commitment.manage', undefined, ctx, 'import');
  const { records, fileErrors } = readCsv(text);
  return summarize(fileErrors, fileErrors.length ? [] : checkRows(db, records));
}

/**
 * All-or-nothing import: re-validates inside one immediate transaction and writes every row,
 * or throws ValidationError (with the preview) and writes none.
 */
export function importCommitments(db: Db, actor: Actor, text: string, ctx: RequestContext): { imported: number } {
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
