'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { THROTTLED_ERROR } from '@/lib/auth/constants';

type ErrorKey = 'throttled' | 'invalidCredentials' | 'failed';

const ERROR_KEYS: Record<string, ErrorKey> = {
  [THROTTLED_ERROR]: 'throttled',
  CredentialsSignin: 'invalidCredentials',
};

/** The message for next-auth's error code; own keys only, so `?error=constructor` is just "failed". */
const errorKey = (code: string): ErrorKey => (Object.hasOwn(ERROR_KEYS, code) ? ERROR_KEYS[code]! : 'failed');

/** `callbackUrl` null: no page was asked for; the login page then sends the signed-in user to their landing page. */
export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string | null; initialError?: string }) {
  const t = useTranslations('auth');
  const [error, setError] = useState<ErrorKey | undefined>(initialError ? errorKey(initialError) : undefined);
  const [pending, setPending] = useState(false);
  // Counts failed submits: each one moves focus to its message, even when the message is the same.
  const [failures, setFailures] = useState(0);
  const alertRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (failures > 0) alertRef.current?.focus();
  }, [failures]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn('credentials', {
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
      redirect: false,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      // Checked again here: the prop is only as safe as every page that renders this form.
      window.location.assign(callbackUrl === null ? '/login' : safeCallbackPath(callbackUrl, window.location.origin));
      return;
    }
    setPending(false);
    setError(errorKey(result?.error ?? ''));
    setFailures((n) => n + 1);
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      {error && (
        <p role="alert" className="notice notice--error" ref={alertRef} tabIndex={-1}>
          {t(error)}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">{t('email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="password">{t('password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
