import { useLocale } from 'next-intl';
import type { AssessmentEntry } from '@/lib/assessments/queries';
import { MAX_LINKS, RATIONALE_MAX_LENGTH } from '@/lib/assessments/record';
import { formatQuarter, quarterOf, quartersBetween } from '@/lib/periods/quarters';
import { reportLabels } from '@/lib/reports/labels';
import { AssessmentForm } from './assessment-form';

interface Props {
  code: string;
  /** The commitment's adoption date: its first quarter is the earliest that may be assessed. */
  adoptedOn: string;
  today: string;
  entries: readonly AssessmentEntry[];
}

/** The analysts' form, offered the quarters from the commitment's adoption to the current one, newest first. */
export function AssessmentFormPanel({ code, adoptedOn, today, entries }: Props) {
  const labels = reportLabels(useLocale() === 'ko' ? 'ko' : 'en');
  const quarters = quartersBetween(quarterOf(adoptedOn), quarterOf(today))
    .reverse()
    .map((q) => ({ key: formatQuarter(q), label: labels.quarter(formatQuarter(q)) }));
  // Each quarter's latest entry is what a new one for that quarter revises.
  const revisesMap = Object.fromEntries(entries.filter((e) => e.standing).map((e) => [e.quarter, e.id]));
  return (
    <section className="panel">
      <AssessmentForm code={code} quarters={quarters} revisesMap={revisesMap} maxRationale={RATIONALE_MAX_LENGTH} maxLinks={MAX_LINKS} />
    </section>
  );
}
