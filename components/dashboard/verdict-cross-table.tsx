import { getTranslations } from 'next-intl/server';
import { verdictWord } from '@/components/commitments/claim-verdict-marks';
import type { VerdictRow } from '@/lib/as-of/view';
import { STATUSES } from '@/lib/commitments/vocabulary';

/** A count linking to the commitments it counts; a zero is plain text (its list would be empty). */
const Count = ({ n, href }: { n: number; href: string }) => (n ? <a href={href}>{n}</a> : <>{n}</>);

/** Verdicts (+1, 0, −1, not assessed this quarter) against the self-reported status: one row a verdict, one column a status, and the row's total. */
export async function VerdictCrossTable({ rows, caption }: { rows: VerdictRow[]; caption: string }) {
  const t = await getTranslations();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboard.assessment.verdictHeader')}</th>
          {STATUSES.map((s) => (
            <th scope="col" key={s}>
              {t(`status.${s}`)}
            </th>
          ))}
          <th scope="col">{t('dashboard.assessment.total')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={verdictWord(r.verdict)} data-verdict={r.verdict === null ? 'none' : String(r.verdict)}>
            <th scope="row">{t(`dashboard.assessment.verdicts.${verdictWord(r.verdict)}`)}</th>
            {STATUSES.map((s) => (
              <td key={s} className="num">
                <Count n={r.counts[s]} href={r.links[s]} />
              </td>
            ))}
            <td className="num">
              <Count n={r.total} href={r.links.total} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
