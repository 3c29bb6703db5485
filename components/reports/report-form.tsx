import { agencyChoices } from '@/lib/agencies/short-name';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ChoiceSelect } from '@/components/forms/choice-select';
import { ErrorSummary } from '@/components/forms/error-summary';
import type { FilterOptions } from '@/lib/commitments/filter-options';
import { localized, LOCALES, type Locale } from '@/lib/i18n/config';
import { reportLabels } from '@/lib/reports/labels';
import type { ReportParams } from '@/lib/reports/types';
import { reportFields } from './report-fields';

export function reportsHref(p: Partial<ReportParams>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (typeof v === 'string' && v) q.set(k, v);
  return `/reports?${q.toString()}`;
}

/** Quarter (with quick picks), filters and the report's language, in the URL. */
export async function ReportForm({ params, quarters, options, errors }: { params: Partial<ReportParams>; quarters: string[]; options: FilterOptions; errors: Record<string, string[]> }) {
  const [t, locale] = [await getTranslations(), await getLocale()];
  const l = reportLabels(locale);
  const name = (x: { nameKo: string; nameEn: string }) => localized(locale, { ko: x.nameKo, en: x.nameEn });
  const select = (id: 'dialogue' | 'area' | 'agency' | 'country', label: string, any: string, choices: [string, string][]) => (
    <ChoiceSelect id={`report-${id}`} name={id} label={label} anyLabel={any} defaultValue={params[id] ?? ''} choices={choices} />
  );
  const errorOf = (field: string) =>
    errors[field]?.length ? (
      <p className="field__error" id={`report-${field}-error`}>
        {errors[field]!.map((c) => (t.has(`validation.${c}` as never) ? t(`validation.${c}` as never) : c)).join(' ')}
      </p>
    ) : null;
  return (
    <form method="get" action="/reports" className="filters no-print" aria-label={t('reports.form.title')}>
      {/* Shown after a preview asked with wrong parameters (a hand-edited address); focus moves to it. */}
      <ErrorSummary state={{ status: Object.keys(errors).length ? 'error' : 'idle', message: 'forms.errorSummary', fieldErrors: errors }} fields={reportFields(t)} />
      <div className="filters__grid">
        <div className="field">
          <label htmlFor="report-quarter">{t('reports.form.quarter')}</label>
          <select id="report-quarter" name="quarter" defaultValue={params.quarter} aria-invalid={errors.quarter ? true : undefined} aria-describedby={errors.quarter ? 'report-quarter-error' : undefined}>
            {params.quarter && !quarters.includes(params.quarter) && <option value={params.quarter}>{l.quarter(params.quarter)}</option>}
            {quarters.map((q) => (
              <option key={q} value={q}>
                {l.quarter(q)}
              </option>
            ))}
          </select>
          {errorOf('quarter')}
        </div>
        {select('dialogue', t('filters.dialogue'), t('reports.form.allDialogues'), options.dialogues.map((d) => [d.code, name(d)]))}
        {select('area', t('filters.area'), t('reports.form.allAreas'), options.areas.map((a) => [a.code, name(a)]))}
        {select('agency', t('filters.agency'), t('reports.form.allAgencies'), agencyChoices(options.agencies, locale as Locale))}
        {select('country', t('filters.country'), t('reports.form.allCountries'), options.countries.map((c) => [c, l.country(c)]))}
        <div className="field">
          <label htmlFor="report-lang">{t('reports.form.language')}</label>
          <select id="report-lang" name="lang" defaultValue={params.lang ?? locale}>
            {LOCALES.map((x) => (
              <option key={x} value={x}>
                {t(`language.${x}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          {t('reports.form.preview')}
        </button>
        <nav aria-label={t('reports.form.quickPicks')} className="quick-picks">
          <span className="muted">{t('reports.form.quickPicks')}:</span>
          {quarters.slice(0, 8).map((q) => (
            <Link key={q} href={reportsHref({ ...params, quarter: q })} aria-current={q === params.quarter ? 'true' : undefined}>
              {l.quarter(q)}
            </Link>
          ))}
        </nav>
      </div>
    </form>
  );
}
