'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { recordCommitmentAssessment } from '@/app/(app)/commitments/[code]/actions';
import { Field } from '@/components/forms/field';
import { FormOutcome } from '@/components/forms/error-summary';
import type { ActionState } from '@/lib/http/action-state';
import { CONFIDENCES, VERDICTS } from '@/lib/commitments/vocabulary';
import { VERDICT_KEYS } from './verdict';

interface Props {
  code: string;
  /** Quarters that may be assessed, newest first, with their labels ("Q2 2024"). */
  quarters: { key: string; label: string }[];
  /** Each quarter's latest assessment id: what a new entry for that quarter revises. */
  revisesMap: Record<string, number>;
  maxRationale: number;
  maxLinks: number;
}

/** An analyst's verdict for a quarter: the same service as POST /api/v1/commitments/{code}/assessments. */
export function AssessmentForm({ code, quarters, revisesMap, maxRationale, maxLinks }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ActionState, FormData>(recordCommitmentAssessment, { status: 'idle' });
  const current = state.current as { quarter?: string; latest?: number | null } | undefined;
  const v = state.status === 'error' ? state.values : undefined;
  // What the server said is the quarter's latest (after a conflict or a success) wins over what the page was rendered with.
  const latest = current?.quarter ? { ...revisesMap, [current.quarter]: current.latest ?? undefined } : revisesMap;
  const errors = state.fieldErrors ?? {};
  const linkErrors = [
    ...(errors.links ?? []),
    ...Object.entries(errors)
      .filter(([k]) => k.startsWith('links.'))
      .flatMap(([k, codes]) => codes.map((c) => ({ subject: t('assessments.form.line', { n: Number(k.slice(6)) + 1 }), code: c }))),
  ];
  const label = (key: string | undefined) => quarters.find((q) => q.key === key)?.label ?? key ?? '';

  return (
    <form action={action} className="form" aria-labelledby="assess-form-heading" key={v ? JSON.stringify(v) : `${state.status}-${current?.latest ?? ''}`}>
      <h3 id="assess-form-heading">{t('assessments.form.title')}</h3>
      <p className="muted">{t('assessments.form.intro')}</p>
      <FormOutcome
        state={state}
        values={{ quarter: label(current?.quarter) }}
        headingLevel={4}
        idPrefix="assess"
        fields={[
          { name: 'quarter', label: t('assessments.form.quarter') },
          { name: 'confidence', label: t('assessments.form.confidence') },
          { name: 'verdict', label: t('assessments.form.verdict'), errors: errors.verdict?.length ? [t('assessments.form.verdictError')] : undefined },
          { name: 'rationale', label: t('assessments.form.rationale') },
          { name: 'links', label: t('assessments.form.links'), errors: linkErrors },
        ]}
      />
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="revisesMap" value={JSON.stringify(latest)} />
      <div className="form__row">
        <Field idPrefix="assess" name="quarter" label={t('assessments.form.quarter')} errors={errors.quarter}>
          {(p) => (
            <select {...p} defaultValue={v?.quarter ?? quarters[0]?.key}>
              {quarters.map((q) => (
                <option key={q.key} value={q.key}>
                  {q.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field idPrefix="assess" name="confidence" label={t('assessments.form.confidence')} errors={errors.confidence}>
          {(p) => (
            <select {...p} required defaultValue={v?.confidence ?? ''}>
              <option value="">{t('assessments.form.choose')}</option>
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {t(`assessments.confidences.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset
        className={errors.verdict?.length ? 'filters__statuses field--error' : 'filters__statuses'}
        aria-describedby={errors.verdict?.length ? 'assess-verdict-error' : undefined}
      >
        <legend>
          <strong>{t('assessments.form.verdict')}</strong>
        </legend>
        {errors.verdict?.length ? (
          <p id="assess-verdict-error" className="field__error">
            {t('assessments.form.verdictError')}
          </p>
        ) : null}
        {VERDICTS.map((verdict, i) => (
          <label key={verdict} className="checkbox">
            {/* The first choice carries the group's id, which the error summary links to. */}
            <input id={i === 0 ? 'assess-verdict' : undefined} type="radio" name="verdict" value={verdict} required defaultChecked={v?.verdict === String(verdict)} /> {t(`assessments.verdicts.${VERDICT_KEYS[verdict]}`)}
          </label>
        ))}
      </fieldset>
      <RationaleField defaultValue={v?.rationale ?? ''} errors={errors.rationale} max={maxRationale} />
      <Field idPrefix="assess" name="links" label={t('assessments.form.links')} hint={t('assessments.form.linksHint', { max: maxLinks })} errors={linkErrors}>
        {(p) => <textarea {...p} rows={3} inputMode="url" placeholder="https://" defaultValue={v?.links ?? ''} />}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('assessments.form.submitting') : t('assessments.form.submit')}
      </button>
    </form>
  );
}

/** The rationale with its limit stated and a running count (not announced on each keystroke). */
function RationaleField({ defaultValue, errors, max }: { defaultValue: string; errors?: string[]; max: number }) {
  const t = useTranslations('assessments.form');
  const [count, setCount] = useState(defaultValue.length);
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    <div>
      <Field idPrefix="assess" name="rationale" label={t('rationale')} hint={t('rationaleHint', { max: n(max) })} errors={errors}>
        {(p) => <textarea {...p} rows={5} required maxLength={max} defaultValue={defaultValue} onChange={(e) => setCount(e.target.value.length)} />}
      </Field>
      <p className="field__hint" aria-hidden="true">
        {t('counter', { count: n(count), max: n(max) })}
      </p>
    </div>
  );
}
