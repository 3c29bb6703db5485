import { useFormatter, useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/status-badge';
import type { SideView } from '@/lib/claims/queries';
import { AgencyCode, type AgencyLike } from './agency-code';

interface Props {
  sides: { country: string; latest: SideView | null }[];
  /** The page's date (today or ?asOf=). */
  date: string;
  agencies: readonly AgencyLike[];
}

/** Each country side's latest update by the page's date, so a reader sees where the sides stand apart. */
export function SideViewsTable({ sides, date, agencies }: Props) {
  const t = useTranslations();
  const format = useFormatter();
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="muted">{t('claims.sides.caption', { date: day(date) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('claims.sides.side')}</th>
            <th scope="col">{t('claims.sides.status')}</th>
            <th scope="col">{t('claims.sides.progress')}</th>
            <th scope="col">{t('claims.sides.date')}</th>
            <th scope="col">{t('claims.sides.agency')}</th>
          </tr>
        </thead>
        <tbody>
          {sides.map(({ country, latest }) => (
            <tr key={country}>
              <th scope="row">{t.has(`country.${country}` as never) ? t(`country.${country}` as never) : country}</th>
              {latest ? (
                <>
                  <td>
                    {latest.answer === 'dispute' ? (
                      t('claims.sides.disputes')
                    ) : (
                      <>
                        <StatusBadge status={latest.status} />
                        {latest.answer === 'confirm' && ` ${t('claims.sides.confirms')}`}
                      </>
                    )}
                  </td>
                  <td className="nowrap">{latest.answer === 'dispute' ? '—' : `${latest.progress}%`}</td>
                  <td className="nowrap">{day(latest.effectiveDate)}</td>
                  <td>{latest.agency ? <AgencyCode code={latest.agency} agencies={agencies} /> : latest.author}</td>
                </>
              ) : (
                <td colSpan={4} className="muted">
                  {t('claims.sides.none')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
