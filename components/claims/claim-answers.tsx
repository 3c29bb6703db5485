import { useLocale, useTranslations } from 'next-intl';
import type { ClaimAnswer } from '@/lib/claims/queries';
import { formatDate, formatDateTime } from '@/lib/format/datetime';
import { displayName } from '@/lib/users/display-name';
import { AgencyCode, type AgencyLike } from './agency-code';

/** A claim's answers in world order: who confirmed or disputed it, for which side, when, and why. */
export function ClaimAnswers({ answers, agencies }: { answers: readonly ClaimAnswer[]; agencies: readonly AgencyLike[] }) {
  const t = useTranslations();
  const locale = useLocale();
  if (answers.length === 0) return <p className="muted">{t('claims.noAnswers')}</p>;
  return (
    <ol className="plain-list claim-answers">
      {answers.map((a) => (
        <li key={a.id} className="timeline__item">
          <p>
            <strong>
              {t.rich(`claims.answer.${a.decision}`, {
                who: () => (a.agency ? <AgencyCode code={a.agency} agencies={agencies} /> : answerer(a, locale)),
                country: countryName(t, a.side),
              })}
            </strong>
          </p>
          <p className="muted">
            {t('claims.answer.meta', {
              date: formatDate(a.effectiveDate, locale),
              name: answerer(a, locale),
              recorded: formatDateTime(a.recordedAt, locale),
            })}
          </p>
          {a.note && <p className="timeline__note">{a.note}</p>}
          {a.evidenceUrl && (
            <p>
              {t('claims.answer.evidence')}:{' '}
              <a href={a.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
                {a.evidenceUrl}
              </a>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The answering official's display name in the reader's language. */
const answerer = (a: Pick<ClaimAnswer, 'actorName' | 'actorNameKo'>, locale: 'ko' | 'en') => displayName({ name: a.actorName, nameKo: a.actorNameKo }, locale);

/** A country's name in the reader's language (the code when the catalogue has none). */
export function countryName(t: ReturnType<typeof useTranslations>, code: string): string {
  return t.has(`country.${code}` as never) ? t(`country.${code}` as never) : code;
}
