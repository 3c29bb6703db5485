import { useLocale, useTranslations } from 'next-intl';
import type { AssessmentEntry } from '@/lib/assessments/queries';
import type { Verdict } from '@/lib/commitments/vocabulary';
import { formatDateTime } from '@/lib/format/datetime';
import { displayName } from '@/lib/users/display-name';
import { reportLabels } from '@/lib/reports/labels';
import { badgeStyle } from '@/lib/commitments/status-style';
import { VERDICT_COLORS, VERDICT_KEYS, VERDICT_TEXT_COLORS } from './verdict';

/** A verdict on the G7 scale as a badge: "Partial compliance (0)" / "부분 이행(0)". */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = useTranslations('assessments.verdicts');
  return (
    <span className="badge" style={badgeStyle(VERDICT_COLORS[verdict], VERDICT_TEXT_COLORS[verdict])}>
      {t(VERDICT_KEYS[verdict])}
    </span>
  );
}

/** The quarter as the glossary writes it: "Q2 2024" / "2024년 2분기", never the "2024-Q2" key. */
export function useQuarterLabel(): (key: string) => string {
  return reportLabels(useLocale() === 'ko' ? 'ko' : 'en').quarter;
}

/** One assessment: its quarter, verdict, confidence, rationale, links, author and when it was recorded. */
export function AssessmentDetails({ entry, headingLevel = 3 }: { entry: AssessmentEntry; headingLevel?: 3 | 4 }) {
  const t = useTranslations('assessments');
  const locale = useLocale();
  const quarter = useQuarterLabel();
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <Heading className="assessment__quarter">{t('forQuarter', { quarter: quarter(entry.quarter) })}</Heading>
      <p>
        <VerdictBadge verdict={entry.verdict} /> · {t('confidence')}: {t(`confidences.${entry.confidence}`)}
      </p>
      <p className="timeline__note">{entry.rationale}</p>
      {entry.links.length > 0 && (
        <ul className="plain-list">
          {entry.links.map((href) => (
            <li key={href}>
              <a href={href} rel="noopener noreferrer nofollow" target="_blank">
                {href}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('recordedBy', { name: displayName({ name: entry.author, nameKo: entry.authorKo }, locale), date: formatDateTime(entry.recordedAt, locale) })}</p>
    </>
  );
}
