import { useTranslations } from 'next-intl';
import type { AssessmentEntry } from '@/lib/assessments/queries';
import { AssessmentDetails } from './assessment-details';

/** Every assessment of the commitment, the latest recorded first; revised ones stay, marked. */
export function AssessmentHistory({ entries }: { entries: readonly AssessmentEntry[] }) {
  const t = useTranslations('assessments.history');
  const newestFirst = [...entries].sort((a, b) => b.id - a.id);
  return (
    <section aria-labelledby="assessment-history-heading">
      <h2 id="assessment-history-heading">{t('title')}</h2>
      {newestFirst.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <ol className="timeline">
          {newestFirst.map((entry) => (
            <li key={entry.id} className="timeline__item">
              <AssessmentDetails entry={entry} />
              {!entry.standing && (
                <p>
                  <span className="badge badge--stale">{t('revised')}</span>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
