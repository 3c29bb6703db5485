'use client';

import { useLocale, useTranslations } from 'next-intl';
import { periodLabel } from '@/lib/format/quarters';

export interface BurnupRow {
  period: string;
  dueByThen: number;
  dueHref: string;
  completedOfDue: number;
  completedHref: string;
}

/**
 * The burn-up as a table: per period, the commitments that had fallen due by its end and, of
 * those, the ones completed by then (both linked to their lists). Commitments with no deadline are
 * in neither column.
 */
export function BurnupTable({ rows }: { rows: BurnupRow[] }) {
  const t = useTranslations('dashboard');
  const locale = useLocale() === 'ko' ? 'ko' : 'en';
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('burnup.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('progress.period')}</th>
          <th scope="col">{t('burnup.due')}</th>
          <th scope="col">{t('burnup.completedOfDue')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.period}>
            <th scope="row">{periodLabel(p.period, locale)}</th>
            <td className="num">
              <a href={p.dueHref}>{p.dueByThen}</a>
            </td>
            <td className="num">
              <a href={p.completedHref}>{p.completedOfDue}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
