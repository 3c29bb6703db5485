'use client';

import { useTranslations } from 'next-intl';

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; name: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => React.ReactNode;
}

/** A labelled control with its hint and its errors, wired for screen readers. */
export function Field({ name, label, hint, errors, children }: FieldProps) {
  const t = useTranslations('validation');
  const id = `field-${name}`;
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
          {errors.map((code) => (t.has(code as never) ? t(code as never) : code)).join(' ')}
        </p>
      ) : null}
      {children({ id, name, 'aria-describedby': described, 'aria-invalid': errors?.length ? true : undefined })}
    </div>
  );
}
