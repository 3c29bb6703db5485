import { getTranslations } from 'next-intl/server';
import type { ComplianceRow } from '@/lib/as-of/view';

/** A mean compliance score, signed with two decimals (+0.50, −0.33, 0.00); "—" when nothing was assessed. */
export const formatScore = (mean: number | null): string =>
  mean === null ? '—' : `${mean > 0 ? '+' : mean < 0 ? '−' : ''}${Math.abs(mean).toFixed(2)}`;

/**
 * Mean compliance score per group (area or lead agency): name, assessed of total, the mean verdict
 * over those assessed, and a link to the group's commitments not assessed this quarter.
 */
export async function ComplianceTable<R extends ComplianceRow>({ rows, caption, nameHeader, name }: { rows: R[]; caption: string; nameHeader: string; name: (row: R) => React.ReactNode }) {
  const t = await getTranslations('dashboard.assessment');
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col">{t('assessed')}</th>
          <th scope="col">{t('mean')}</th>
          <th scope="col">{t('notAssessed')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <th scope="row">{name(r)}</th>
            <td className="num">{t('assessedOf', { assessed: r.assessed, total: r.total })}</td>
            <td className="num">{formatScore(r.mean)}</td>
            <td className="num nowrap">{r.total - r.assessed ? <a href={r.link}>{t('notAssessedLink', { count: r.total - r.assessed })}</a> : 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
