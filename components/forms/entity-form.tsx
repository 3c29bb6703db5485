'use client';

import { useLocale } from 'next-intl';
import { useActionState } from 'react';
import type { Locale } from '@/lib/i18n/config';
import type { ActionState } from '@/lib/http/action-state';
import { FormOutcome } from './error-summary';
import { Field, fieldErrorsOf } from './field';
import { DateInput } from '@/components/forms/date-input';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'textarea' | 'date' | 'url' | 'select';
  hint?: string;
  required?: boolean;
  options?: { value: string; label: string }[];
  /** Spans the full row of the grid. */
  wide?: boolean;
}

interface Props {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: FieldSpec[];
  values?: Record<string, string>;
  hidden?: Record<string, string>;
  heading: string;
  submitLabel: string;
}

/** A labelled form for reference data, driven by a field list; keeps input after errors. */
export function EntityForm({ action, fields, values = {}, hidden = {}, heading, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const locale = useLocale() as Locale;
  const current = state.status === 'error' ? { ...values, ...state.values } : values;
  const id = heading.replace(/\W+/g, '-').toLowerCase();
  return (
    <form action={formAction} className="form" aria-labelledby={id} key={JSON.stringify(state)}>
      <h2 id={id}>{heading}</h2>
      {/* After a conflict the message shows the record as it now stands, not what was typed. */}
      <FormOutcome state={state} headingLevel={3} fields={fields} values={(state.current as Record<string, string | number> | undefined) ?? state.values} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="form__grid">
        {fields.map((f) => (
          <div key={f.name} className={f.wide || f.type === 'textarea' ? 'form__wide' : undefined}>
            <Field name={f.name} label={f.label} hint={f.hint} errors={fieldErrorsOf(state.fieldErrors, f.name)}>
              {(p) =>
                f.type === 'textarea' ? (
                  <textarea {...p} rows={3} defaultValue={current[f.name] ?? ''} required={f.required} />
                ) : f.type === 'select' ? (
                  <select {...p} defaultValue={current[f.name] ?? ''} required={f.required}>
                    {f.options?.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : f.type === 'date' ? (
                  <DateInput {...p} locale={locale} value={current[f.name] ?? ''} required={f.required} />
                ) : (
                  <input {...p} type={f.type ?? 'text'} defaultValue={current[f.name] ?? ''} required={f.required} />
                )
              }
            </Field>
          </div>
        ))}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
