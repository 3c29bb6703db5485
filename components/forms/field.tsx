'use client';

import { useTranslations } from 'next-intl';

/** A message code, or one about a part of the field (an agency in a list) that names the part first. */
export type FieldError = string | { subject: string; code: string };

/** A field's errors, and those about its parts (`partners.NSF`), which name the part. */
export function fieldErrorsOf(fieldErrors: Record<string, string[]> | undefined, name: string): FieldError[] | undefined {
  const own = fieldErrors?.[name] ?? [];
  const parts = Object.entries(fieldErrors ?? {})
    .filter(([key]) => key.startsWith(`${name}.`))
    .flatMap(([key, codes]) => codes.map((code) => ({ subject: key.slice(name.length + 1), code })));
  return own.length + parts.length ? [...own, ...parts] : undefined;
}

/** Words a field's errors: codes through `validation.*`, anything else (already worded) as it is. */
export function useFieldErrorText(): (errors: FieldError[]) => string {
  const t = useTranslations('validation');
  const message = (code: string) => (t.has(code as never) ? t(code as never) : code);
  return (errors) => errors.map((e) => (typeof e === 'string' ? message(e) : `${e.subject}: ${message(e.code)}`)).join(' ');
}

/** The id of a Field's control, which an error summary links to. */
export const fieldId = (name: string, idPrefix = 'field') => `${idPrefix}-${name}`;

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldError[];
  /** Prefix of the control's id, for a page with several forms that share field names. */
  idPrefix?: string;
  children: (props: { id: string; name: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => React.ReactNode;
}

/** A labelled control with its hint and its errors, wired for screen readers. */
export function Field({ name, label, hint, errors, idPrefix = 'field', children }: FieldProps) {
  const errorText = useFieldErrorText();
  const id = fieldId(name, idPrefix);
  const described = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={errors?.length ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="field__error">
          {errorText(errors)}
        </p>
      ) : null}
      {children({ id, name, 'aria-describedby': described, 'aria-invalid': errors?.length ? true : undefined })}
    </div>
  );
}
