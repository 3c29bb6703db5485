import { useTranslations } from 'next-intl';
import { VERDICT_COLORS, VERDICT_TEXT_COLORS } from '@/components/assessments/verdict';
import { badgeStyle, CLAIM_BADGE_COLORS } from '@/lib/commitments/status-style';
import type { ClaimState, Verdict } from '@/lib/commitments/vocabulary';

/** The message word for a verdict (null: not assessed in the quarter shown). */
export const verdictWord = (v: Verdict | null) => (v === 1 ? 'full' : v === 0 ? 'partial' : v === -1 ? 'not' : 'none');

/** A claim's or verdict's words are long ("Awaiting confirmation by NSF, NIST"): they wrap in a narrow column. */
const wrapping = (hue: string, text = hue) => ({ ...badgeStyle(hue, text), whiteSpace: 'normal', overflowWrap: 'normal', borderRadius: '0.6rem' }) as React.CSSProperties;

/**
 * What qualifies a self-reported closing status: the other side has not confirmed it yet (by whom,
 * and whether for over 30 days), or the sides disagree. Nothing for a confirmed claim or none.
 */
export function ClaimMark({ claim }: { claim: { state: ClaimState; overdue?: boolean; awaiting?: string[] } | null }) {
  const t = useTranslations('commitments');
  if (!claim || claim.state === 'confirmed') return null;
  if (claim.state === 'disputed') {
    return (
      <span className="badge" style={wrapping(CLAIM_BADGE_COLORS.disputed)} data-claim="disputed">
        {t('claimDisputed')}
      </span>
    );
  }
  const awaiting = claim.awaiting ?? [];
  return (
    <>
      <span className="badge" style={wrapping(CLAIM_BADGE_COLORS.pending)} data-claim="pending">
        {awaiting.length ? t('claimAwaiting', { agencies: awaiting.join(', ') }) : t('claimAwaitingAny')}
      </span>
      {claim.overdue && (
        <span className="badge" style={wrapping(CLAIM_BADGE_COLORS.overdue)} data-claim="pending_overdue">
          {t('claimOverdue')}
        </span>
      )}
    </>
  );
}

/** An analyst's standing verdict for the quarter shown, or "not assessed" in muted text. */
export function VerdictMark({ verdict }: { verdict: Verdict | null }) {
  const t = useTranslations();
  if (verdict === null) return <span className="muted">{t('commitments.claimVerdictNone')}</span>;
  return (
    <span className="badge" style={wrapping(VERDICT_COLORS[verdict], VERDICT_TEXT_COLORS[verdict])} data-verdict={String(verdict)}>
      {t(`filters.verdictOptions.${verdictWord(verdict)}`)}
    </span>
  );
}
