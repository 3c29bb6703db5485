'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { changePassword } from '@/app/(app)/account/password/actions';
import type { ActionState } from '@/lib/http/action-state';
import { Field } from './forms/field';
import { FormOutcome } from './forms/error-summary';

export function ChangePasswordForm() {
  const t = useTranslations('account');
  const [state, action, pending] = useActionState<ActionState, FormData>(changePassword, { status: 'idle' });
  const fields = [
    ['currentPassword', 'current-password', undefined],
    ['newPassword', 'new-password', t('passwordHint')],
    ['confirmPassword', 'new-password', undefined],
  ] as const;
  return (
    <form action={action} className="form form--narrow">
      <FormOutcome state={state} fields={fields.map(([name]) => ({ name, label: t(name) }))} />
      {fields.map(([name, autoComplete, hint]) => (
        <Field key={name} name={name} label={t(name)} hint={hint} errors={state.fieldErrors?.[name]}>
          {(p) => <input {...p} type="password" autoComplete={autoComplete} required />}
        </Field>
      ))}
      <button type="submit" className="button" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}
