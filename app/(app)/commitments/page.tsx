import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { CommitmentsTable } from '@/components/commitments/commitments-table';
import { FilterForm } from '@/components/commitments/filter-form';
import { Pagination } from '@/components/commitments/pagination';
import { SyntheticNotice } from '@/components/synthetic-notice';
import { assessmentQuarterOf } from '@/lib/assessments/queries';
import { requirePagePermission } from '@/lib/auth/current-user';
import { getFilterOptions } from '@/lib/commitments/filter-options';
import { filterQueryString, parseFiltersReportingErrors } from '@/lib/commitments/filters';
import { includesSyntheticCodes } from '@/lib/commitments/synthetic';
import { todayIso } from '@/lib/periods/dates';
import { readList } from '@/lib/read-model';
import { reportLabels } from '@/lib/reports/labels';
import { formatDate } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('commitments');
  return { title: t('title') };
}

export default async function CommitmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('commitment.read');
  const [t, locale] = [await getTranslations(), await getLocale()];
  const { filter, invalid } = parseFiltersReportingErrors(await searchParams);
  const today = todayIso();
  // An as-of date in the future means today.
  const { asOf, past, items, total } = await readList(filter, today);
  const from = total === 0 ? 0 : (filter.page - 1) * filter.pageSize + 1;
  return (
    <>
      <div className="page-heading">
        <h1>{t('commitments.title')}</h1>
      </div>
      <FilterForm filter={filter} options={getFilterOptions()} myAgency={actor.role === 'official' ? (actor.agency ?? null) : null} />
      {invalid.length > 0 && (
        <p className="notice notice--error" role="alert" data-invalid-filters={invalid.join(' ')}>
          {t('filters.invalidIgnored', { fields: invalid.join(', ') })}
        </p>
      )}
      {past && (
        <p className="notice notice--info" role="status" data-as-of={asOf}>
          {t('commitments.asOfNotice', { date: formatDate(asOf, locale as Locale, { long: true }) })}{' '}
          <Link href={`/commitments${filterQueryString({ ...filter, asOf: undefined, page: 1 })}`}>{t('commitments.asOfToday')}</Link>
        </p>
      )}
      {includesSyntheticCodes(items.map((i) => i.code)) && <SyntheticNotice />}
      <p className="muted results-summary" role="status">
        {t('filters.showing', { from, to: from + items.length - (total === 0 ? 0 : 1), total })}
      </p>
      {items.length === 0 ? <p className="empty">{t('filters.empty')}</p> : <CommitmentsTable items={items} quarter={reportLabels(locale).quarter(assessmentQuarterOf(asOf))} />}
      <Pagination filter={filter} total={total} />
    </>
  );
}
