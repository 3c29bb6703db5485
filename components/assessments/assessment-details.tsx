import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { AssessmentEntry } from '@/lib/assessments/queries';
import type { Verdict } from '@/lib/commitments/vocabulary';
import { reportLabels } from '@/lib/reports/labels';
import { VERDICT_COLORS, VERDICT_KEYS } from './verdict';

/** A verdict on the G7 scale as a badge: "Partial compliance (0)" / "부분 이행 (0)". */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = useTranslations('assessments.verdicts');
  return (
    <span className="badge" style={{ '--badge-color': VERDICT_COLORS[verdict] } as React.CSSProperties}>
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
  const format = useFormatter();
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
      <p className="muted">{t('recordedBy', { name: entry.author, date: format.dateTime(new Date(entry.recordedAt), { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }) })}</p>
    </>
  );
}
