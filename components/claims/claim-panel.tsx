import { useLocale, useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/status-badge';
import { CLAIM_OVERDUE_DAYS } from '@/lib/commitments/vocabulary';
import type { ClaimView } from '@/lib/claims/queries';
import { formatDate } from '@/lib/format/datetime';
import { displayName } from '@/lib/users/display-name';
import { AgencyCode, type AgencyLike } from './agency-code';
import { ClaimAnswers } from './claim-answers';

interface Props {
  /** The claim standing at the page's date, or null. */
  claim: ClaimView | null;
  agencies: readonly AgencyLike[];
  /** The answer form, or a notice saying why there is none. */
  children?: React.ReactNode;
}

/**
 * The claim a counterpart is asked to confirm (the `#confirm` target of the officials' to-do list):
 * what was claimed, by whom and when, who is asked, and the answers so far.
 */
export function ClaimPanel({ claim, agencies, children }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const day = (iso: string) => formatDate(iso, locale);
  return (
    <section id="confirm" className="panel" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{t('claims.title')}</h2>
      {claim ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t('claims.claimed')}</dt>
              <dd>
                <StatusBadge status={claim.status} /> {claim.progress}%
              </dd>
            </div>
            <div>
              <dt>{t('claims.claimant')}</dt>
              <dd>
                {displayName({ name: claim.claimant.name, nameKo: claim.claimant.nameKo }, locale)}
                {claim.claimant.agency && (
                  <>
                    {' ('}
                    <AgencyCode code={claim.claimant.agency} agencies={agencies} />)
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('claims.claimDate')}</dt>
              <dd>{day(claim.effectiveDate)}</dd>
            </div>
            <div>
              <dt>{t('claims.state')}</dt>
              <dd>
                {t(`claims.states.${claim.state}`)}
                {claim.overdue && (
                  <>
                    {' '}
                    <span className="badge badge--overdue">{t('claims.overdue', { days: CLAIM_OVERDUE_DAYS })}</span>
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('claims.asked')}</dt>
              <dd>
                <ul className="inline-list">
                  {claim.awaiting.map((a) => (
                    <li key={a.code}>
                      <AgencyCode code={a.code} agencies={agencies} />
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          </dl>
          {claim.note && (
            <>
              <h3>{t('claims.claimNote')}</h3>
              <p className="timeline__note">{claim.note}</p>
            </>
          )}
          <h3>{t('claims.answers')}</h3>
          <ClaimAnswers answers={claim.answers} agencies={agencies} />
        </>
      ) : (
        <p className="muted">{t('claims.none')}</p>
      )}
      {children}
    </section>
  );
}
