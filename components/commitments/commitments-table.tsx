import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { CommitmentListItem } from '@/lib/as-of/list';
import { localized } from '@/lib/i18n/config';
import { AgencyName } from '../agency-name';
import { DuePeriodLabel } from '../due-period-label';
import { ProgressBar } from '../progress-bar';
import { StatusBadge } from '../status-badge';
import { ClaimMark, VerdictMark } from './claim-verdict-marks';
import { InferredBadge } from './inferred-badge';

/**
 * Rows as the list read them: status (qualified by its claim), progress and overdue as of the
 * list's date, and the analysts' verdict for that date's quarter (`quarter`, its label). Below
 * 45rem each row reads as a card (globals.css, "tables as cards"): every cell names its column.
 */
export function CommitmentsTable({ items, quarter }: { items: CommitmentListItem[]; quarter: string }) {
  const t = useTranslations('commitments');
  const tb = useTranslations('basis.list');
  const locale = useLocale();
  if (items.length === 0) return <p className="empty">{t('empty')}</p>;
  return (
    <div className="table-scroll table-scroll--cards">
      {/* Words break between words only (never "Biotech|nology"); the title gives way first, so the columns fit a desktop page. */}
      <table className="data-table data-table--cards commitments-table">
        <caption className="visually-hidden">{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.code')}</th>
            <th scope="col" className="data-table__area">
              {t('columns.area')}
            </th>
            <th scope="col">{t('columns.title')}</th>
            <th scope="col">{t('columns.lead')}</th>
            <th scope="col">{t('columns.partners')}</th>
            <th scope="col">{t('columns.due')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">{t('columns.progress')}</th>
            <th scope="col">
              {t('claimVerdictColumn')}
              <span className="muted" style={{ display: 'block', textTransform: 'none' }}>
                {quarter}
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.code}>
              <td className="nowrap mono commitments-table__code">{c.code}</td>
              <td className="data-table__area commitments-table__area" data-label={t('columns.area')}>
                {localized(locale, { ko: c.area.nameKo, en: c.area.nameEn })}
              </td>
              <th scope="row" className="data-table__title commitments-table__title">
                <Link href={`/commitments/${encodeURIComponent(c.code)}`}>
                  {localized(locale, { ko: c.titleKo, en: c.titleEn })}
                </Link>
              </th>
              <td className="commitments-table__lead" data-label={t('columns.lead')}>
                <AgencyName agency={c.lead} />
                {c.lead.basis === 'inferred' && (
                  <>
                    {' '}
                    <InferredBadge text={tb('leadInferred')} label={tb('leadInferredLabel')} />
                  </>
                )}
              </td>
              <td className="commitments-table__partners" data-label={t('columns.partners')}>
                <ul className="inline-list">
                  {c.partners.map((p) => (
                    <li key={p.code}>
                      <AgencyName agency={p} />
                    </li>
                  ))}
                </ul>
                {partnersInferred(c) > 0 && (
                  <InferredBadge text={tb('partnersInferred', { count: partnersInferred(c) })} label={tb('partnersInferredLabel', { count: partnersInferred(c) })} />
                )}
              </td>
              <td className="commitments-table__due" data-label={t('columns.due')}>
                <DuePeriodLabel spec={c.dueSpec} />
              </td>
              <td className="commitments-table__status" data-label={t('columns.status')}>
                <span className="badges">
                  <StatusBadge status={c.status} overdue={c.overdue} />
                  <ClaimMark claim={c.claim} />
                </span>
              </td>
              <td className="commitments-table__progress" data-label={t('columns.progress')}>
                <ProgressBar value={c.progress} />
              </td>
              <td className="commitments-table__verdict" data-label={`${t('claimVerdictColumn')} (${quarter})`}>
                <VerdictMark verdict={c.verdict} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Partner links someone inferred rather than read in the source (a confirmed one no longer counts). */
const partnersInferred = (c: CommitmentListItem) => c.partners.filter((p) => p.basis.basis === 'inferred').length;
