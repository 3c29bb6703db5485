import { agencyChoices } from '@/lib/agencies/short-name';
import Link from 'next/link';
import { dashboardFilterCount } from '@/components/filters/active-count';
import { CleanQuery } from '@/components/filters/clean-query';
import { FiltersToggle } from '@/components/filters/filters-toggle';
import { ChoiceSelect } from '@/components/forms/choice-select';
import { getLocale, getTranslations } from 'next-intl/server';
import type { FilterOptions } from '@/lib/commitments/filter-options';
import type { AsOfScope } from '@/lib/as-of/scope';
import { localized, type Locale } from '@/lib/i18n/config';
import { formatQuarter, previousQuarter, quarterOf, quarterRange, type Quarter } from '@/lib/periods/quarters';
import { formatDate } from '@/lib/format/datetime';
import { DateInput } from '@/components/forms/date-input';
import { quarterLabel } from '@/lib/format/quarters';

function dashboardHref(scope: AsOfScope, asOf?: string): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(scope)) if (typeof v === 'string' && v) p.set(k, v);
  if (asOf) p.set('asOf', asOf);
  const s = p.toString();
  return s ? `/?${s}` : '/';
}

type Props = {
  scope: AsOfScope;
  asOf: string;
  /** A validation message key for an as-of parameter that could not be used. */
  asOfError?: string;
  today: string;
  options: FilterOptions;
};

/**
 * Scope and as-of date, in the URL; quick picks for the ends of the last twelve quarters. Today is
 * never written into the URL (a bookmark keeps showing the current day): the date field is empty
 * for today, and CleanQuery drops an empty or today's date before the form is sent.
 */
export function DashboardFilters(props: Props) {
  return (
    <>
      <FiltersToggle controls="dashboard-filters" active={dashboardFilterCount(props.scope, props.asOf, props.today)} open={!!props.asOfError} />
      <DashboardFilterForm {...props} />
    </>
  );
}

async function DashboardFilterForm({ scope, asOf, asOfError, today, options }: Props) {
  const [t, locale] = [await getTranslations(), await getLocale()];
  const name = (x: { nameKo: string; nameEn: string }) => localized(locale, { ko: x.nameKo, en: x.nameEn });
  const quarterEnds: { q: Quarter; end: string }[] = [];
  for (let q = previousQuarter(quarterOf(today)), i = 0; i < 12; q = previousQuarter(q), i++) quarterEnds.push({ q, end: quarterRange(q).end });
  const select = (id: keyof AsOfScope, label: string, choices: [string, string][]) => (
    <ChoiceSelect id={`dash-${id}`} name={id} label={label} anyLabel={t('filters.any')} defaultValue={scope[id] ?? ''} choices={choices} />
  );
  return (
    <form key={dashboardHref(scope, asOf)} id="dashboard-filters" method="get" action="/" className="filters" aria-label={t('dashboard.filtersTitle')}>
      <CleanQuery today={today} />
      <div className="filters__grid">
        {select('dialogue', t('filters.dialogue'), options.dialogues.map((d) => [d.code, name(d)]))}
        {select('area', t('filters.area'), options.areas.map((a) => [a.code, name(a)]))}
        {select('agency', t('filters.agency'), agencyChoices(options.agencies, locale as Locale))}
        {select('country', t('filters.country'), options.countries.map((c) => [c, t.has(`country.${c}` as never) ? t(`country.${c}` as never) : c]))}
        <div className="field">
          <label htmlFor="dash-asOf">{t('dashboard.asOf')}</label>
          <DateInput
            locale={locale as Locale}
            id="dash-asOf"
            name="asOf"
            max={today}
            value={asOf === today ? '' : asOf}
            aria-invalid={asOfError ? true : undefined}
            aria-describedby={asOfError ? 'dash-asOf-error dash-asOf-hint' : 'dash-asOf-hint'}
          />
          {asOfError && (
            <p id="dash-asOf-error" className="field__error" role="alert">
              {t(`validation.${asOfError}` as never)}
            </p>
          )}
          <p id="dash-asOf-hint" className="field__hint">
            {t('dashboard.asOfHint', { today: formatDate(today, locale as Locale) })}
          </p>
        </div>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          {t('dashboard.apply')}
        </button>
        <Link href="/" className="button button--secondary">
          {t('dashboard.reset')}
        </Link>
        <nav aria-label={t('dashboard.quickPicks')} className="quick-picks">
          <span className="muted">{t('dashboard.quickPicks')}:</span>
          {quarterEnds.map(({ q, end }) => (
            <Link key={end} href={dashboardHref(scope, end)} aria-current={end === asOf ? 'true' : undefined}>
              {quarterLabel(formatQuarter(q), locale as Locale)}
            </Link>
          ))}
        </nav>
      </div>
    </form>
  );
}
