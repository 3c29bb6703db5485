import { useFormatter, useTranslations } from 'next-intl';
import type { CommitmentDetail } from '@/lib/commitments/queries';
import { StatusBadge } from './status-badge';

/** Status history, newest effective date first; notes render as plain text. */
export function HistoryTimeline({ history }: { history: CommitmentDetail['history'] }) {
  const t = useTranslations('commitment');
  const format = useFormatter();
  if (history.length === 0) return <p className="empty">{t('noHistory')}</p>;
  return (
    <ol className="timeline">
      {history.map((h) => (
        <li key={h.id} className="timeline__item">
          <p className="timeline__meta">
            <strong>{t('effective', { date: h.effectiveDate })}</strong> ·{' '}
            {t('recordedBy', { name: h.authorAgency ? `${h.authorName} (${h.authorAgency})` : h.authorName, date: format.dateTime(new Date(h.recordedAt), { dateStyle: 'medium', timeStyle: 'short' }) })}
          </p>
          <p className="timeline__change">
            <StatusBadge status={h.previousStatus} /> {h.previousProgress}% → <StatusBadge status={h.newStatus} />{' '}
            {h.newProgress}%
          </p>
          {h.note && <p className="timeline__note">{h.note}</p>}
          {h.evidenceUrl && (
            <p>
              {t('evidence')}:{' '}
              <a href={h.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
                {h.evidenceUrl}
              </a>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
