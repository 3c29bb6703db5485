'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { issueReportAction } from '@/app/(app)/reports/actions';
import { ErrorSummary } from '@/components/forms/error-summary';
import type { ReportParams } from '@/lib/reports/types';
import { reportFields } from './report-fields';

const IDLE = { status: 'idle' as const };

/** Issues the previewed report; the button stays busy while every format is rendered and stored. */
export function IssueForm({ params }: { params: ReportParams }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(issueReportAction, IDLE);
  return (
    <form action={action} className="issue-form no-print">
      <ErrorSummary state={state} fields={reportFields(t)} headingLevel={3} />
      {Object.entries(params).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v ?? '')} />
      ))}
      <p className="muted" id="issue-hint">
        {t('reports.issue.hint')}
      </p>
      <button type="submit" className="button" aria-describedby="issue-hint" disabled={pending} aria-busy={pending}>
        {t('reports.issue.button')}
      </button>
      <p role="status" aria-live="polite">
        {pending ? t('reports.download.busy') : ''}
      </p>
    </form>
  );
}
