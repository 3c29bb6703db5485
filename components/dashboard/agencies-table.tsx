'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';

export interface AgencyRow {
  code: string;
  /** As the reader's language names it (GLOSSARY.md): 과기정통부 / MSIT. */
  label: string;
  /** The full name, shown on hover and focus. */
  name: string;
  /** The country's name: 한국 / Korea. */
  country: string;
  led: number;
  completed: number;
  overdue: number;
  hrefs: { led: string; completed: string; overdue: string };
}

type Key = 'label' | 'country' | 'led' | 'completed' | 'overdue';

/** Sortable by any column (buttons in the headers, state announced through aria-sort). */
export function AgenciesTable({ rows, caption }: { rows: AgencyRow[]; caption: string }) {
  const t = useTranslations('dashboard.agencies');
  const locale = useLocale();
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: 'overdue', dir: -1 });
  const sorted = [...rows].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), locale);
    return cmp * sort.dir || a.label.localeCompare(b.label, locale);
  });
  const header = (key: Key, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => setSort((s) => ({ key, dir: s.key === key ? ((-s.dir) as 1 | -1) : key === 'label' || key === 'country' ? 1 : -1 }))}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {header('label', t('agency'))}
          {header('country', t('country'))}
          {header('led', t('led'))}
          {header('completed', t('completed'))}
          {header('overdue', t('overdue'))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.code}>
            <th scope="row">
              {r.label === r.name ? (
                <span className="agency">{r.label}</span>
              ) : (
                <abbr title={r.name} className="agency" tabIndex={0} data-full={r.name}>
                  {r.label}
                </abbr>
              )}
            </th>
            <td>{r.country}</td>
            <td className="num">
              <Link href={r.hrefs.led}>{r.led}</Link>
            </td>
            <td className="num">
              <Link href={r.hrefs.completed}>{r.completed}</Link>
            </td>
            <td className="num">
              <Link href={r.hrefs.overdue}>{r.overdue}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
