import Link from 'next/link';
import { listFilterCount } from '@/components/filters/active-count';
import { CleanQuery } from '@/components/filters/clean-query';
import { FiltersToggle } from '@/components/filters/filters-toggle';
import { ChoiceSelect } from '@/components/forms/choice-select';
import { getLocale, getTranslations } from 'next-intl/server';
import { CONFIRMATION_FILTERS, filterQueryString, VERDICT_FILTERS, type CommitmentFilter } from '@/lib/commitments/filters';
import { duePeriodLabel, type FilterOptions } from '@/lib/commitments/filter-options';
import { STATUSES, type Verdict } from '@/lib/commitments/vocabulary';
import { agencyChoices, agencyShortName, type AgencyNames } from '@/lib/agencies/short-name';
import { localized, type Locale } from '@/lib/i18n/config';
import { todayIso } from '@/lib/periods/dates';
import { verdictWord } from './claim-verdict-marks';

type Props = { filter: CommitmentFilter; options: FilterOptions; myAgency: AgencyNames | null };

/** The list's filters, behind a "Filters (n active)" button on phones (globals.css). */
export function FilterForm(props: Props) {
  const today = todayIso();
  return (
    <>
      <FiltersToggle controls="commitment-filters" active={listFilterCount(props.filter, today)} />
      <FilterFields {...props} today={today} />
    </>
  );
}

/**
 * A plain GET form: the filter lives in the URL, so a view can be bookmarked and shared. A past
 * as-of date (from the dashboard) rides along; today's is never written (CleanQuery).
 */
async function FilterFields({ filter, options, myAgency, today }: Props & { today: string }) {
  const [t, locale] = [await getTranslations(), (await getLocale()) as Locale];
  const name = (x: { nameKo: string; nameEn: string }) => localized(locale, { ko: x.nameKo, en: x.nameEn });
  return (
    // Keyed by the filter: a client-side navigation must remount the controls to show new defaults.
    <form key={filterQueryString(filter)} id="commitment-filters" method="get" action="/commitments" className="filters" role="search" aria-label={t('filters.title')}>
      <CleanQuery today={today} />
      {filter.asOf && filter.asOf < today && <input type="hidden" name="asOf" value={filter.asOf} />}
      <div className="filters__grid">
        <div className="field filters__search">
          <label htmlFor="filter-q">{t('filters.q')}</label>
          <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ''} placeholder={t('filters.qPlaceholder')} />
        </div>
        <ChoiceSelect id="filter-dialogue" name="dialogue" label={t('filters.dialogue')} anyLabel={t('filters.any')} defaultValue={filter.dialogue ?? ''} choices={options.dialogues.map((d) => [d.code, name(d)] as const)} />
        <ChoiceSelect id="filter-area" name="area" label={t('filters.area')} anyLabel={t('filters.any')} defaultValue={filter.area ?? ''} choices={options.areas.map((a) => [a.code, name(a)] as const)} />
        <ChoiceSelect id="filter-agency" name="agency" label={t('filters.agency')} anyLabel={t('filters.any')} defaultValue={filter.agency ?? ''} choices={agencyChoices(options.agencies, locale)} />
        <ChoiceSelect id="filter-country" name="country" label={t('filters.country')} anyLabel={t('filters.any')} defaultValue={filter.country ?? ''} choices={options.countries.map((c) => [c, t.has(`country.${c}` as never) ? t(`country.${c}` as never) : c] as const)} />
        <div className="field">
          <label htmlFor="filter-due">{t('filters.due')}</label>
          <select id="filter-due" name="due" defaultValue={filter.due ?? ''}>
            <option value="">{t('filters.any')}</option>
            {options.duePeriods.map((p) => (
              <option key={p} value={p}>
                {duePeriodLabel(p, locale, t('filters.dueNone'))}
              </option>
            ))}
          </select>
        </div>
        <ChoiceSelect id="filter-confirmation" name="confirmation" label={t('filters.confirmation')} anyLabel={t('filters.any')} defaultValue={filter.confirmation ?? ''} choices={CONFIRMATION_FILTERS.map((c) => [c, t(`filters.confirmationOptions.${c}`)] as const)} />
        <ChoiceSelect id="filter-verdict" name="verdict" label={t('filters.verdict')} anyLabel={t('filters.any')} defaultValue={filter.verdict ?? ''} choices={VERDICT_FILTERS.map((v) => [v, t(`filters.verdictOptions.${verdictWord(v === 'none' ? null : (Number(v) as Verdict))}`)] as const)} />
        <div className="field">
          <label htmlFor="filter-sort">{t('filters.sortBy')}</label>
          <select id="filter-sort" name="sort" defaultValue={filter.sort}>
            {(['code', 'due', 'status', 'progress', 'updated'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`filters.sort.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-dir">{t('filters.direction')}</label>
          <select id="filter-dir" name="dir" defaultValue={filter.dir}>
            <option value="asc">{t('filters.asc')}</option>
            <option value="desc">{t('filters.desc')}</option>
          </select>
        </div>
      </div>
      <fieldset className="filters__statuses">
        <legend>{t('filters.status')}</legend>
        {STATUSES.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" name="status" value={s} defaultChecked={filter.status?.includes(s) ?? false} /> {t(`status.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="filters__actions">
        <label className="checkbox">
          <input type="checkbox" name="overdue" value="1" defaultChecked={!!filter.overdue} /> {t('filters.overdue')}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="archived" value="1" defaultChecked={!!filter.archived} /> {t('filters.archived')}
        </label>
        <label className="checkbox">
          <input type="checkbox" name="inferred" value="1" defaultChecked={!!filter.inferred} /> {t('filters.inferred')}
        </label>
        <button type="submit" className="button">
          {t('filters.apply')}
        </button>
        <Link href="/commitments" className="button button--secondary">
          {t('filters.clear')}
        </Link>
        {myAgency && (
          <Link href={`/commitments?agency=${encodeURIComponent(myAgency.code)}`} className="button button--secondary">
            {t('filters.myAgency', { agency: agencyShortName(myAgency, locale) })}
          </Link>
        )}
      </div>
    </form>
  );
}
