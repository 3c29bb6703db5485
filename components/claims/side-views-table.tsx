import { useLocale, useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/status-badge';
import type { SideView } from '@/lib/claims/queries';
import { formatDate } from '@/lib/format/datetime';
import { displayName } from '@/lib/users/display-name';
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
  const locale = useLocale();
  const day = (iso: string) => formatDate(iso, locale);
  return (
    // Wider than a phone: the scrolling box takes the keyboard focus and names itself (axe scrollable-region-focusable).
    <div className="table-scroll" role="region" tabIndex={0} aria-label={t('claims.sides.caption', { date: day(date) })}>
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
                  <td>{latest.agency ? <AgencyCode code={latest.agency} agencies={agencies} /> : displayName({ name: latest.author, nameKo: latest.authorKo }, locale)}</td>
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
