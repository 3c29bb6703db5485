import { useLocale, useTranslations } from 'next-intl';
import type { CommitmentDetail } from '@/lib/commitments/queries';
import type { ClaimAnswer } from '@/lib/claims/queries';
import type { ClaimEntryState } from '@/lib/claims/timeline';
import { formatDate, formatDateTime } from '@/lib/format/datetime';
import { displayName } from '@/lib/users/display-name';
import { AgencyCode, type AgencyLike } from './claims/agency-code';
import { countryName } from './claims/claim-answers';
import { StatusBadge } from './status-badge';
import { agencyShortName } from '@/lib/agencies/short-name';
import type { Locale } from '@/lib/i18n/config';

type Update = CommitmentDetail['history'][number];
type Answer = ClaimAnswer & { claimId: number };
type Entry = { kind: 'update'; item: Update } | { kind: 'answer'; item: Answer };

interface Props {
  history: CommitmentDetail['history'];
  /** Answers to the commitment's claims, shown among the updates in world order. */
  answers?: readonly Answer[];
  /** The state of each update that is a claim, by update id. */
  claimStates?: Readonly<Record<number, ClaimEntryState>>;
  /** The commitment's agencies, for their names. */
  agencies?: readonly AgencyLike[];
}

/**
 * Status history with the counterparts' answers, newest first in world order (effective date,
 * then the order of recording); notes render as plain text.
 */
export function HistoryTimeline({ history, answers = [], claimStates = {}, agencies = [] }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  if (history.length === 0 && answers.length === 0) return <p className="empty">{t('commitment.noHistory')}</p>;
  const entries: Entry[] = [...history.map((item) => ({ kind: 'update' as const, item })), ...answers.map((item) => ({ kind: 'answer' as const, item }))];
  // A stable sort keeps the updates' own order (newest id first) within one effective date and instant.
  entries.sort((a, b) => b.item.effectiveDate.localeCompare(a.item.effectiveDate) || b.item.recordedAt.localeCompare(a.item.recordedAt));
  // The author's agency as the page names agencies (과기정통부 / MSIT); a code the commitment does not name, as it is.
  const agencyLabel = (code: string) => {
    const a = agencies.find((x) => x.code === code);
    return a ? agencyShortName(a, locale as Locale) : code;
  };
  const meta = (effectiveDate: string, name: string, agency: string | null, recordedAt: string) => (
    <p className="timeline__meta">
      <strong>{t('commitment.effective', { date: formatDate(effectiveDate, locale) })}</strong> ·{' '}
      {t('commitment.recordedBy', { name: agency ? `${name}${locale === 'ko' ? '' : ' '}(${agencyLabel(agency)})` : name, date: formatDateTime(recordedAt, locale) })}
    </p>
  );
  const evidence = (url: string | null) =>
    url && (
      <p>
        {t('commitment.evidence')}:{' '}
        <a href={url} rel="noopener noreferrer nofollow" target="_blank">
          {url}
        </a>
      </p>
    );
  return (
    <ol className="timeline">
      {entries.map(({ kind, item }) =>
        kind === 'update' ? (
          <li key={`u${item.id}`} className="timeline__item">
            {meta(item.effectiveDate, displayName({ name: item.authorName, nameKo: item.authorNameKo }, locale), item.authorAgency, item.recordedAt)}
            <p className="timeline__change">
              <StatusBadge status={item.previousStatus} /> {item.previousProgress}% → <StatusBadge status={item.newStatus} /> {item.newProgress}%
            </p>
            {claimStates[item.id] && <p className="muted">{t('claims.timelineClaim', { state: t(`claims.states.${claimStates[item.id]!}`) })}</p>}
            {item.note && <p className="timeline__note">{item.note}</p>}
            {evidence(item.evidenceUrl)}
          </li>
        ) : (
          <li key={`a${item.id}`} className="timeline__item">
            {meta(item.effectiveDate, displayName({ name: item.actorName, nameKo: item.actorNameKo }, locale), item.agency, item.recordedAt)}
            <p className="timeline__change">
              <strong>
                {t.rich(`claims.answer.${item.decision}`, {
                  who: () => (item.agency ? <AgencyCode code={item.agency} agencies={agencies} /> : displayName({ name: item.actorName, nameKo: item.actorNameKo }, locale)),
                  country: countryName(t, item.side),
                })}
              </strong>
            </p>
            {item.note && <p className="timeline__note">{item.note}</p>}
            {evidence(item.evidenceUrl)}
          </li>
        ),
      )}
    </ol>
  );
}
