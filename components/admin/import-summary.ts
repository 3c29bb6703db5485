import type { ImportState } from '@/app/(app)/admin/actions';
import type { SummaryField } from '@/components/forms/error-summary';

/** The lines listed in the summary; the preview's table lists them all. */
const LISTED_LINES = 10;
const CSV_FIELD = 'import-csv';

interface Words {
  fileErrors: string;
  line: (line: number, code: string) => string;
  describeFile: (error: string) => string;
  describeRow: (errors: Record<string, string[]>) => string;
}

/**
 * A preview with errors, read as a failed submit: the file's problems and the first invalid lines,
 * each linking to the CSV text where they are corrected. Any other outcome passes through.
 */
export function importSummary(state: ImportState, words: Words): { state: ImportState; fields: SummaryField[] } {
  const preview = state.preview;
  if (!preview || (preview.invalid === 0 && preview.fileErrors.length === 0)) return { state, fields: [] };
  const invalid = preview.rows.filter((r) => Object.keys(r.errors).length > 0).slice(0, LISTED_LINES);
  return {
    state: { ...state, status: 'error', message: 'admin.previewErrors' },
    fields: [
      ...preview.fileErrors.map((e, i) => ({ name: `file-${i}`, label: words.fileErrors, id: CSV_FIELD, errors: [words.describeFile(e)] })),
      ...invalid.map((r) => ({ name: `line-${r.line}`, label: words.line(r.line, r.code), id: CSV_FIELD, errors: [words.describeRow(r.errors)] })),
    ],
  };
}
