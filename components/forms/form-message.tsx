'use client';

import { useTranslations } from 'next-intl';

/** The form-level outcome, announced to screen readers. */
export function FormMessage({ status, message, values }: { status: string; message?: string; values?: Record<string, string | number> }) {
  const t = useTranslations();
  if (status === 'idle' || !message) return null;
  const text = t.has(message as never) ? t(message as never, values as never) : message;
  return (
    <p role={status === 'error' ? 'alert' : 'status'} className={status === 'error' ? 'notice notice--error' : 'notice notice--success'}>
      {text}
    </p>
  );
}
