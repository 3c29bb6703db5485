import { useTranslations } from 'next-intl';
import type { AnswerAvailability } from '@/lib/claims/availability';
import type { ClaimView } from '@/lib/claims/queries';
import type { Status } from '@/lib/commitments/vocabulary';
import type { AgencyLike } from './agency-code';
import { ClaimAnswerForm } from './claim-answer-form';
import { ClaimPanel } from './claim-panel';

interface Props {
  claim: ClaimView | null;
  answering: AnswerAvailability;
  /** The page shows a past date: answers are recorded on today's page only. */
  past: boolean;
  agencies: readonly AgencyLike[];
  commitment: { code: string; version: number; status: Status; progress: number };
  today: string;
}

/** The claim panel with, for an actor who may answer, the answer form; nothing without a claim to show. */
export function ClaimSection({ claim, answering, past, agencies, commitment: c, today }: Props) {
  const t = useTranslations('claims');
  const allowed = answering.kind === 'allowed';
  if (!claim && (past || !allowed)) return null;
  return (
    <ClaimPanel claim={claim} agencies={agencies}>
      {!allowed ? null : past ? (
        <p className="notice notice--info">{t('pastDate')}</p>
      ) : (
        <ClaimAnswerForm
          code={c.code}
          version={c.version}
          updateId={answering.updateId}
          claimDate={answering.effectiveDate}
          today={today}
          status={c.status}
          progress={c.progress}
        />
      )}
    </ClaimPanel>
  );
}
