'use client';

import { useTranslations } from 'next-intl';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';

export interface StatusCountsRow {
  key: string;
  label: string;
  counts: Record<Status, number>;
  hrefs: Record<Status, string>;
  /** A last column after the statuses (a total, a mean), optionally linked. */
  extra?: { value: string | number; href?: string };
}

/**
 * The table alternative of a status chart: one row per bar or period, one linked cell per status.
 * Plain anchors: hundreds of cells need no client-side router links. A client component, so the
 * page's payload carries the rows' numbers and links, not a rendered element per cell.
 */
export function StatusCountsTable({ caption, rowHeader, extraHeader, rows }: { caption: string; rowHeader: string; extraHeader?: string; rows: StatusCountsRow[] }) {
  const t = useTranslations('status');
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {STATUSES.map((s) => (
            <th scope="col" key={s}>
              {t(s)}
            </th>
          ))}
          {extraHeader && <th scope="col">{extraHeader}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {STATUSES.map((s) => (
              <td key={s} className="num">
                <a href={r.hrefs[s]}>{r.counts[s]}</a>
              </td>
            ))}
            {r.extra && <td className="num">{r.extra.href ? <a href={r.extra.href}>{r.extra.value}</a> : r.extra.value}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
