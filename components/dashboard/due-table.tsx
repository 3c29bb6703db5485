'use client';

import { useLocale, useTranslations } from 'next-intl';
import { quarterLabel } from '@/lib/format/quarters';
import { DUE_CATEGORIES, type DueCategory } from '@/lib/dashboard/due-categories';
import { NoDeadlineNote } from './no-deadline-note';

export interface DueRow {
  quarter: string;
  values: Record<DueCategory, number>;
  hrefs: Record<DueCategory, string>;
}

/**
 * The due timeline as a table: per quarter, what fell due there by where it stands, each linked;
 * below it, the commitments with no deadline it leaves out (`noDeadline`), linked to their list.
 */
export function DueTable({ rows, noDeadline }: { rows: DueRow[]; noDeadline?: { count: number; href: string } }) {
  const t = useTranslations('dashboard.due');
  const locale = useLocale() === 'ko' ? 'ko' : 'en';
  return (
    <>
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
              <th scope="row">{quarterLabel(q.quarter, locale)}</th>
              {DUE_CATEGORIES.map((c) => (
                <td key={c} className="num">
                  <a href={q.hrefs[c]}>{q.values[c]}</a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {noDeadline && <NoDeadlineNote {...noDeadline} className="muted table-note" />}
    </>
  );
}
