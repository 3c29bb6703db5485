import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { filterQueryString, type CommitmentFilter } from '@/lib/commitments/filters';

export async function Pagination({ filter, total }: { filter: CommitmentFilter; total: number }) {
  const t = await getTranslations('filters');
  const pages = Math.max(1, Math.ceil(total / filter.pageSize));
  if (pages <= 1) return null;
  const href = (page: number) => `/commitments${filterQueryString(filter, { page })}`;
  return (
    <nav aria-label={t('pagination')} className="pagination">
      {filter.page > 1 ? <Link href={href(filter.page - 1)} rel="prev">← {t('previous')}</Link> : <span aria-hidden="true" />}
      <span>{t('page', { page: filter.page, pages })}</span>
      {filter.page < pages ? <Link href={href(filter.page + 1)} rel="next">{t('next')} →</Link> : <span aria-hidden="true" />}
    </nav>
  );
}
