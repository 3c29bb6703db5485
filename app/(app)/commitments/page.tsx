import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CommitmentsTable } from '@/components/commitments/commitments-table';
import { FilterForm } from '@/components/commitments/filter-form';
import { Pagination } from '@/components/commitments/pagination';
import { requirePagePermission } from '@/lib/auth/current-user';
import { getFilterOptions } from '@/lib/commitments/filter-options';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import { searchCommitments } from '@/lib/commitments/queries';
import { todayIso } from '@/lib/periods/dates';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('commitments');
  return { title: t('title') };
}

export default async function CommitmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('commitment.read');
  const t = await getTranslations();
  const filter = parseFiltersLeniently(await searchParams);
  const today = todayIso();
  const { items, total } = searchCommitments(filter, today);
  const from = total === 0 ? 0 : (filter.page - 1) * filter.pageSize + 1;
  return (
    <>
      <div className="page-heading">
        <h1>{t('commitments.title')}</h1>
      </div>
      <FilterForm filter={filter} options={getFilterOptions()} myAgency={actor.role === 'official' ? actor.agencyCode : null} />
      <p className="muted results-summary" role="status">
        {t('filters.showing', { from, to: from + items.length - (total === 0 ? 0 : 1), total })}
      </p>
      {items.length === 0 ? (
        <p className="empty">{t('filters.empty')}</p>
      ) : (
        <CommitmentsTable items={items} today={today} />
      )}
      <Pagination filter={filter} total={total} />
    </>
  );
}
