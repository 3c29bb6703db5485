'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/config';
import { useActionState } from 'react';
import { answerClaim } from '@/app/(app)/commitments/[code]/actions';
import { Field } from '@/components/forms/field';
import { FormOutcome } from '@/components/forms/error-summary';
import type { ActionState } from '@/lib/http/action-state';
import { NOTE_MAX_LENGTH } from '@/lib/commitments/update-input';
import { CLAIM_DECISIONS, type Status } from '@/lib/commitments/vocabulary';
import { DateInput } from '@/components/forms/date-input';

interface Props {
  code: string;
  version: number;
  /** The claim (its status update) the answer is for. */
  updateId: number;
  /** The claim's effective date: the earliest date of an answer. */
  claimDate: string;
  today: string;
  /** The commitment's status now, for the conflict message. */
  status: Status;
  progress: number;
}

/** Confirm or dispute the standing claim: the same service as POST /api/v1/commitments/{code}/confirmations. */
export function ClaimAnswerForm({ code, version, updateId, claimDate, today, status, progress }: Props) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const [state, action, pending] = useActionState<ActionState, FormData>(answerClaim, { status: 'idle' });
  const current = state.current as { version?: number } | undefined;
  const v = state.status === 'error' ? state.values : undefined;
  // After a conflict (another answer meanwhile) the form carries the latest version, so sending again applies on top.
  const baseVersion = Math.max(current?.version ?? 0, version);
  const decisionErrors = state.fieldErrors?.decision;
  const noteErrors = state.fieldErrors?.note?.map((e) => (e === 'note_required' ? t('claims.form.commentRequired') : e));
  const messageValues = { status: t(`status.${status}`), progress, version: baseVersion };

  return (
    <form action={action} className="form" aria-labelledby="claim-form-heading" key={v ? JSON.stringify(v) : `v${baseVersion}-${updateId}`}>
      <h3 id="claim-form-heading">{t('claims.form.title')}</h3>
      <p className="muted">{t('claims.form.intro')}</p>
      <FormOutcome
        state={state}
        values={messageValues}
        headingLevel={4}
        idPrefix="claim"
        fields={[
          { name: 'decision', label: t('claims.form.decision'), errors: decisionErrors?.length ? [t('claims.form.decisionError')] : undefined },
          { name: 'note', label: t('claims.form.comment'), errors: noteErrors },
          { name: 'evidenceUrl', label: t('claims.form.evidenceUrl') },
          { name: 'effectiveDate', label: t('claims.form.date') },
        ]}
      />
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="version" value={baseVersion} />
      <input type="hidden" name="updateId" value={updateId} />
      <fieldset
        className={decisionErrors?.length ? 'filters__statuses field--error' : 'filters__statuses'}
        aria-describedby={decisionErrors?.length ? 'claim-decision-error' : undefined}
      >
        <legend>
          <strong>{t('claims.form.decision')}</strong>
        </legend>
        {decisionErrors?.length ? (
          <p id="claim-decision-error" className="field__error">
            {t('claims.form.decisionError')}
          </p>
        ) : null}
        {CLAIM_DECISIONS.map((d, i) => (
          <label key={d} className="checkbox">
            {/* The first choice carries the group's id, which the error summary links to. */}
            <input id={i === 0 ? 'claim-decision' : undefined} type="radio" name="decision" value={d} required defaultChecked={v?.decision === d} /> {t(`claims.form.${d}`)}
          </label>
        ))}
      </fieldset>
      <Field idPrefix="claim" name="note" label={t('claims.form.comment')} hint={t('claims.form.commentHint')} errors={noteErrors}>
        {(p) => <textarea {...p} rows={3} maxLength={NOTE_MAX_LENGTH} defaultValue={v?.note ?? ''} />}
      </Field>
      <div className="form__row">
        <Field idPrefix="claim" name="evidenceUrl" label={t('claims.form.evidenceUrl')} hint={t('claims.form.evidenceHint')} errors={state.fieldErrors?.evidenceUrl}>
          {(p) => <input {...p} type="url" inputMode="url" placeholder="https://" defaultValue={v?.evidenceUrl ?? ''} />}
        </Field>
        <Field idPrefix="claim" name="effectiveDate" label={t('claims.form.date')} hint={t('claims.form.dateHint')} errors={state.fieldErrors?.effectiveDate}>
          {(p) => <DateInput {...p} locale={locale} min={claimDate} max={today} value={v?.effectiveDate ?? today} />}
        </Field>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('claims.form.submitting') : t('claims.form.submit')}
      </button>
    </form>
  );
}
