import { useTranslations } from 'next-intl';
import { AgencyName } from '@/components/agency-name';
import { CLAIM_OVERDUE_DAYS } from '@/lib/commitments/vocabulary';
import type { ClaimView } from '@/lib/claims/queries';

/**
 * What qualifies a self-reported status while its claim stands: "— awaiting confirmation by NSF"
 * (pending) or "— sides disagree" (disputed). Nothing once confirmed, or without a claim.
 */
export function ClaimQualifier({ claim }: { claim: Pick<ClaimView, 'state' | 'overdue' | 'awaiting'> | null }) {
  const t = useTranslations('claims');
  if (!claim || claim.state === 'confirmed') return null;
  if (claim.state === 'disputed') return <span className="claim-qualifier"> — {t('disagree')}</span>;
  return (
    <span className="claim-qualifier">
      {' — '}
      {t.rich('awaiting', {
        agencies: () =>
          claim.awaiting.map((a, i) => (
            <span key={a.code}>
              {i > 0 && ', '}
              <AgencyName agency={a} />
            </span>
          )),
      })}
      {claim.overdue && ' '}
      {claim.overdue && <span className="badge badge--overdue">{t('overdue', { days: CLAIM_OVERDUE_DAYS })}</span>}
    </span>
  );
}
