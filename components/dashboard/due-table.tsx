'use client';

import { useTranslations } from 'next-intl';
import { DUE_CATEGORIES, type DueCategory } from '@/lib/dashboard/due-categories';

export interface DueRow {
  quarter: string;
  values: Record<DueCategory, number>;
  hrefs: Record<DueCategory, string>;
}

/** The due timeline as a table: per quarter, what fell due there by where it stands, each linked. */
export function DueTable({ rows }: { rows: DueRow[] }) {
  const t = useTranslations('dashboard.due');
  return (
    <table className="data-table">
      <caption className="visually-hidden">{t('title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('quarter')}</th>
          {DUE_CATEGORIES.map((c) => (
            <th scope="col" key={c}>
              {t(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((q) => (
          <tr key={q.quarter}>
            <th scope="row">{q.quarter}</th>
            {DUE_CATEGORIES.map((c) => (
              <td key={c} className="num">
                <a href={q.hrefs[c]}>{q.values[c]}</a>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
