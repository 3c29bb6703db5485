import { useTranslations } from 'next-intl';
import type { ClaimState, Verdict } from '@/lib/commitments/vocabulary';

/** Badge colours: dark enough for the badge's text on its tint; the text carries the meaning. */
const CLAIM_COLORS = { pending: '#0b4f8a', disputed: '#b3261e', overdue: '#7a5b00' } as const;
const VERDICT_COLORS = { full: '#006b4f', partial: '#7a5b00', not: '#b3261e' } as const;

/** The message word for a verdict (null: not assessed in the quarter shown). */
export const verdictWord = (v: Verdict | null) => (v === 1 ? 'full' : v === 0 ? 'partial' : v === -1 ? 'not' : 'none');

const badge = (color: string) => ({ '--badge-color': color }) as React.CSSProperties;
/** A claim's or verdict's words are long ("Awaiting confirmation by NSF, NIST"): they wrap in a narrow column. */
const wrapping = (color: string) => ({ ...badge(color), whiteSpace: 'normal', overflowWrap: 'normal', borderRadius: '0.6rem' }) as React.CSSProperties;

/**
 * What qualifies a self-reported closing status: the other side has not confirmed it yet (by whom,
 * and whether for over 30 days), or the sides disagree. Nothing for a confirmed claim or none.
 */
export function ClaimMark({ claim }: { claim: { state: ClaimState; overdue?: boolean; awaiting?: string[] } | null }) {
  const t = useTranslations('commitments');
  if (!claim || claim.state === 'confirmed') return null;
  if (claim.state === 'disputed') {
    return (
      <span className="badge" style={wrapping(CLAIM_COLORS.disputed)} data-claim="disputed">
        {t('claimDisputed')}
      </span>
    );
  }
  const awaiting = claim.awaiting ?? [];
  return (
    <>
      <span className="badge" style={wrapping(CLAIM_COLORS.pending)} data-claim="pending">
        {awaiting.length ? t('claimAwaiting', { agencies: awaiting.join(', ') }) : t('claimAwaitingAny')}
      </span>
      {claim.overdue && (
        <span className="badge" style={wrapping(CLAIM_COLORS.overdue)} data-claim="pending_overdue">
          {t('claimOverdue')}
        </span>
      )}
    </>
  );
}

/** An analyst's standing verdict for the quarter shown, or "not assessed" in muted text. */
export function VerdictMark({ verdict }: { verdict: Verdict | null }) {
  const t = useTranslations();
  const word = verdictWord(verdict);
  if (word === 'none') return <span className="muted">{t('commitments.claimVerdictNone')}</span>;
  return (
    <span className="badge" style={wrapping(VERDICT_COLORS[word])} data-verdict={String(verdict)}>
      {t(`filters.verdictOptions.${word}`)}
    </span>
  );
}
