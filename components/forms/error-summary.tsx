'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { fieldErrorsOf, fieldId, useFieldErrorText, type FieldError } from './field';
import { FormMessage } from './form-message';

export interface SummaryField {
  /** The field's name in the action's `fieldErrors`. */
  name: string;
  label: string;
  /** The control its entry links to: the Field's id unless given; null for none (a hidden input). */
  id?: string | null;
  /** Its errors as the form words them next to the field, when not the `validation.*` codes. */
  errors?: FieldError[];
}

interface Props {
  /** The submit's outcome; the summary shows for an error only. */
  state: { status: string; message?: string; fieldErrors?: Record<string, string[]> };
  /** The form's fields in their order on screen. */
  fields?: SummaryField[];
  /** The Fields' id prefix. */
  idPrefix?: string;
  /** The message key, when the form words the state's own differently. */
  message?: string;
  /** Placeholders of the message. */
  values?: Record<string, string | number>;
  /** One below the form's own heading. */
  headingLevel?: 2 | 3 | 4;
}

/** Focuses the field, with its label or legend scrolled into view rather than hidden above it. */
function focusField(event: React.MouseEvent, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus({ preventScroll: true });
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? target.closest('fieldset')?.querySelector('legend');
  (label ?? target).scrollIntoView({ block: 'center' });
}

/**
 * A failed submit's errors at the top of the form: a heading (the message) and a list whose
 * entries link to their fields. Focus moves here on each failure, so keyboard and screen-reader
 * users land on what to fix; the errors also stay next to their fields.
 */
export function ErrorSummary({ state, fields = [], idPrefix = 'field', message = state.message ?? 'forms.errorSummary', values, headingLevel = 2 }: Props) {
  const t = useTranslations();
  const errorText = useFieldErrorText();
  const ref = useRef<HTMLDivElement>(null);
  // Each failed submit is a new state object (the action's answer), even with the same errors.
  useEffect(() => {
    if (state.status === 'error') ref.current?.focus();
  }, [state]);
  if (state.status !== 'error') return null;

  const listed = new Set(fields.map((f) => f.name));
  const entries = [
    ...fields.flatMap((f) => {
      const errors = f.errors?.length ? f.errors : fieldErrorsOf(state.fieldErrors, f.name);
      return errors?.length ? [{ key: f.name, id: f.id === undefined ? fieldId(f.name, idPrefix) : f.id, text: `${f.label}: ${errorText(errors)}` }] : [];
    }),
    // Errors on anything the form did not list still show, unlinked.
    ...Object.entries(state.fieldErrors ?? {})
      .filter(([key]) => !listed.has(key.split('.')[0]!))
      .map(([key, codes]) => ({ key, id: null, text: errorText(codes) })),
  ];
  // Errors on no field (disabling one's own account) are the message themselves: "correct the highlighted fields" would point nowhere.
  const unlinkedOnly = message === 'forms.errorSummary' && entries.length > 0 && entries.every((e) => !e.id);
  const title = unlinkedOnly ? entries.map((e) => e.text).join(' ') : t.has(message as never) ? t(message as never, values as never) : message;
  const Heading = `h${headingLevel}` as const;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1}>
      <div role="alert">
        <Heading className="error-summary__title">
          {title}
        </Heading>
      </div>
      {entries.length > 0 && !unlinkedOnly && (
        <ul className="error-summary__list">
          {entries.map(({ key, id, text }) => (
            <li key={key}>
              {id ? (
                <a href={`#${id}`} onClick={(event) => focusField(event, id)}>
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A form's outcome: the error summary after a failure, the confirmation (announced) after a success. */
export function FormOutcome(props: Props) {
  if (props.state.status === 'error') return <ErrorSummary {...props} />;
  return <FormMessage status={props.state.status} message={props.message ?? props.state.message} values={props.values} />;
}
