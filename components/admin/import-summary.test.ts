import { describe, expect, it } from 'vitest';
import { importSummary } from './import-summary';

const words = {
  fileErrors: 'Problems with the file',
  line: (line: number, code: string) => `Line ${line} (${code})`,
  describeFile: (e: string) => `file: ${e}`,
  describeRow: (errors: Record<string, string[]>) => Object.keys(errors).join(', '),
};
const row = (line: number, errors: Record<string, string[]> = {}) => ({ line, code: `CET23-AI-${line}`, errors });

describe('the import check as an error summary', () => {
  it('passes a clean check through, with nothing to list', () => {
    const state = { status: 'idle' as const, preview: { fileErrors: [], rows: [row(2)], valid: 1, invalid: 0 } };
    expect(importSummary(state, words)).toEqual({ state, fields: [] });
  });

  it('reads a check with errors as a failure whose entries link to the CSV text', () => {
    const rows = [row(2), ...Array.from({ length: 12 }, (_, i) => row(i + 3, { due: ['invalid_due'] }))];
    const { state, fields } = importSummary({ status: 'idle', preview: { fileErrors: ['missing_column:due'], rows, valid: 1, invalid: 12 } }, words);
    expect(state).toMatchObject({ status: 'error', message: 'admin.previewErrors' });
    expect(fields[0]).toEqual({ name: 'file-0', label: 'Problems with the file', id: 'import-csv', errors: ['file: missing_column:due'] });
    // The first ten invalid lines; the table below lists them all.
    expect(fields.slice(1).map((f) => f.label)).toEqual(Array.from({ length: 10 }, (_, i) => `Line ${i + 3} (CET23-AI-${i + 3})`));
    expect(fields.every((f) => f.id === 'import-csv')).toBe(true);
  });
});
