'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/config';
import { useActionState } from 'react';
import { recordAssignmentConfirmation } from '@/app/(app)/commitments/[code]/actions';
import type { ActionState } from '@/lib/http/action-state';
import { Field } from '../forms/field';
import { FormOutcome } from '../forms/error-summary';
import { DateInput } from '@/components/forms/date-input';

interface Props {
  code: string;
  version: number;
  /** Today in the app's time zone: the default and latest confirmation date. */
  today: string;
  agencyCode: string;
  /** The assignment, as its heading names it: "OPPR 미 백악관… (상대 기관)". */
  heading: string;
  confirmed: boolean;
  /** The inferred reason, or who confirmed it and when, in the page's language. */
  summary: string;
}

/**
 * One inferred or confirmed assignment's administrator form: record the agency's confirmation, or
 * withdraw it. The same action state spans both, so the outcome stays on screen when the
 * assignment's basis changes under it.
 */
export function BasisConfirmForm({ code, version, today, agencyCode, heading, confirmed, summary }: Props) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const [state, action, pending] = useActionState<ActionState, FormData>(recordAssignmentConfirmation, { status: 'idle' });
  const current = state.current as { version?: number } | undefined;
  const v = state.status === 'error' ? state.values : undefined;
  // After a conflict the form carries the latest version, so submitting again applies on top of it.
  const baseVersion = Math.max(current?.version ?? 0, version);
  const headingId = `basis-form-${agencyCode}`;
  const prefix = `basis-${agencyCode}`;
  const message = state.message === 'admin.conflict' ? 'basis.admin.conflict' : state.message;

  return (
    <form action={action} className="form basis-form" aria-labelledby={headingId} key={`${confirmed}-${v ? JSON.stringify(v) : baseVersion}`}>
      <h3 id={headingId}>{heading}</h3>
      <p className="muted">{summary}</p>
      {/* Errors on the assignment itself (already confirmed by someone else, no longer assigned) link nowhere. */}
      <FormOutcome
        state={state}
        message={message}
        values={{ version: baseVersion }}
        headingLevel={4}
        idPrefix={prefix}
        fields={[
          { name: 'agencyCode', label: heading, id: null },
          { name: 'confirmedBy', label: t('basis.admin.confirmedBy') },
          { name: 'confirmedOn', label: t('basis.admin.confirmedOn') },
          { name: 'evidenceUrl', label: t('basis.admin.evidenceUrl') },
        ]}
      />
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="version" value={baseVersion} />
      <input type="hidden" name="agencyCode" value={agencyCode} />
      <input type="hidden" name="decision" value={confirmed ? 'withdraw' : 'confirm'} />
      {confirmed ? (
        <button type="submit" className="button button--secondary" disabled={pending}>
          {t('basis.admin.withdraw')}
        </button>
      ) : (
        <>
          <div className="form__row">
            <Field idPrefix={prefix} name="confirmedBy" label={t('basis.admin.confirmedBy')} hint={t('basis.admin.confirmedByHint')} errors={state.fieldErrors?.confirmedBy}>
              {(p) => <input {...p} type="text" maxLength={200} required defaultValue={v?.confirmedBy ?? ''} />}
            </Field>
            <Field idPrefix={prefix} name="confirmedOn" label={t('basis.admin.confirmedOn')} hint={t('basis.admin.confirmedOnHint')} errors={state.fieldErrors?.confirmedOn}>
              {(p) => <DateInput {...p} locale={locale} max={today} required value={v?.confirmedOn ?? today} />}
            </Field>
            <Field idPrefix={prefix} name="evidenceUrl" label={t('basis.admin.evidenceUrl')} hint={t('basis.admin.evidenceHint')} errors={state.fieldErrors?.evidenceUrl}>
              {(p) => <input {...p} type="url" inputMode="url" placeholder="https://" defaultValue={v?.evidenceUrl ?? ''} />}
            </Field>
          </div>
          <button type="submit" className="button" disabled={pending}>
            {pending ? t('basis.admin.submitting') : t('basis.admin.submit')}
          </button>
        </>
      )}
    </form>
  );
}
