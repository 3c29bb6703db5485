'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useMemo } from 'react';
import { importAction, type ImportState } from '@/app/(app)/admin/actions';
import { FormOutcome } from '../forms/error-summary';
import { importSummary } from './import-summary';

/** Two steps: check (dry run, every row's errors) then import the checked text, all or nothing. */
export function ImportForm({ columns }: { columns: string[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ImportState, FormData>(importAction, { status: 'idle' });
  const preview = state.preview;
  const describe = (codes: string[]) => codes.map((c) => (t.has(`validation.${c}` as never) ? t(`validation.${c}` as never) : c)).join(' ');
  // File errors read `code` or `code:detail` (a column, a line).
  const describeFileError = (e: string) => {
    const [code = e, detail = ''] = e.split(/:(.*)/s);
    return t.has(`validation.${code}` as never) ? t(`validation.${code}` as never, { detail } as never) : e;
  };
  // A preview with errors is a failed check: its summary lists them, each linking to the text to correct.
  const summary = useMemo(
    () =>
      importSummary(state, {
        fileErrors: t('admin.fileErrors'),
        line: (line, code) => (code ? `${t('admin.lineLabel', { line })} (${code})` : t('admin.lineLabel', { line })),
        describeFile: describeFileError,
        describeRow: (errors) => Object.entries(errors).map(([column, codes]) => `${column}: ${describe(codes)}`).join('; '),
      }),
    // A new state is a new check: its summary takes focus again.
    [state],
  );
  return (
    <div className="form">
      <FormOutcome state={summary.state} fields={summary.fields} />
      <form action={action} className="form">
        <input type="hidden" name="mode" value="preview" />
        <p className="muted">{t('admin.importColumns', { columns: columns.join(', ') })}</p>
        <div className="field">
          <label htmlFor="import-file">{t('admin.importFile')}</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" />
        </div>
        <div className="field">
          <label htmlFor="import-csv">{t('admin.importText')}</label>
          <textarea
            id="import-csv"
            name="csv"
            rows={6}
            defaultValue={state.csv ?? ''}
            className="mono"
            aria-invalid={summary.fields.length ? true : undefined}
            aria-describedby={summary.fields.length ? 'preview-heading' : undefined}
          />
        </div>
        <button type="submit" className="button button--secondary" disabled={pending}>
          {t('admin.preview')}
        </button>
      </form>
      {preview && (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('admin.previewSummary', { valid: preview.valid, invalid: preview.invalid })}</h2>
          {preview.fileErrors.length > 0 && (
            <p className="notice notice--error">
              {t('admin.fileErrors')}: {preview.fileErrors.map(describeFileError).join(' ')}
            </p>
          )}
          {preview.rows.length > 0 && (
            <div className="table-scroll">
              <table className="data-table">
                <caption>{t('admin.previewCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.line')}</th>
                    <th scope="col">{t('admin.code')}</th>
                    <th scope="col">{t('admin.errors')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      <th scope="row" className="mono">
                        {r.code}
                      </th>
                      <td>
                        {Object.keys(r.errors).length === 0 ? (
                          t('admin.ok')
                        ) : (
                          <ul className="plain-list">
                            {Object.entries(r.errors).map(([column, codes]) => (
                              <li key={column}>
                                <strong>{column}</strong>: {describe(codes)}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.invalid === 0 && preview.fileErrors.length === 0 && state.csv && (
            <form action={action}>
              <input type="hidden" name="mode" value="import" />
              <input type="hidden" name="csv" value={state.csv} />
              <button type="submit" className="button" disabled={pending}>
                {t('admin.runImport', { count: preview.valid })}
              </button>
            </form>
          )}
        </section>
      )}
    </div>
  );
}
