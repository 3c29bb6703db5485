'use client';

import { useTranslations } from 'next-intl';

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  /** Message codes; one about a part of the field (an agency in a list) names that part first. */
  errors?: (string | { subject: string; code: string })[];
  /** Prefix of the control's id, for a page with several forms that share field names. */
  idPrefix?: string;
  children: (props: { id: string; name: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => React.ReactNode;
}

/** A labelled control with its hint and its errors, wired for screen readers. */
export function Field({ name, label, hint, errors, idPrefix = 'field', children }: FieldProps) {
  const t = useTranslations('validation');
  const id = `${idPrefix}-${name}`;
  const message = (code: string) => (t.has(code as never) ? t(code as never) : code);
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
          {errors.map((e) => (typeof e === 'string' ? message(e) : `${e.subject}: ${message(e.code)}`)).join(' ')}
        </p>
      ) : null}
      {children({ id, name, 'aria-describedby': described, 'aria-invalid': errors?.length ? true : undefined })}
    </div>
  );
}
