import { useTranslations } from 'next-intl';
import type { AssessmentEntry } from '@/lib/assessments/queries';
import { AssessmentDetails, useQuarterLabel } from './assessment-details';

interface Props {
  /** The assessment standing at the page's date (assessmentAt), or null. */
  standing: (AssessmentEntry & { current: boolean }) | null;
  /** The quarter of the page's date, "2024-Q2". */
  quarter: string;
}

/** The analysts' view beside the agencies' self-report: the verdict standing at the page's date. */
export function AssessmentPanel({ standing, quarter }: Props) {
  const t = useTranslations('assessments');
  const label = useQuarterLabel();
  return (
    <section className="panel" aria-labelledby="assessment-heading">
      <h2 id="assessment-heading">{t('title')}</h2>
      {standing === null ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <>
          {!standing.current && <p className="notice notice--info">{t('notCurrent', { quarter: label(quarter), earlier: label(standing.quarter) })}</p>}
          <AssessmentDetails entry={standing} />
        </>
      )}
    </section>
  );
}
