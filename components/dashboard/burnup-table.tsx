'use client';

import { useTranslations } from 'next-intl';

export interface BurnupRow {
  period: string;
  completed: number;
  completedHref: string;
  dueByThen: number;
}

/** The burn-up as a table: per period, completed by its end (linked) against what had fallen due. */
export function BurnupTable({ rows }: { rows: BurnupRow[] }) {
  const t = useTranslations('dashboard');
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('burnup.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('progress.period')}</th>
          <th scope="col">{t('burnup.completed')}</th>
          <th scope="col">{t('burnup.due')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.period}>
            <th scope="row">{p.period}</th>
            <td className="num">
              <a href={p.completedHref}>{p.completed}</a>
            </td>
            <td className="num">{p.dueByThen}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
