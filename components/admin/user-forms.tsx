'use client';

import { agencyChoices } from '@/lib/agencies/short-name';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { createUserAction, resetPasswordAction, setActiveAction, updateAccessAction, updateNamesAction } from '@/app/(app)/admin/users/actions';
import type { AgencyOption } from '@/lib/agencies/queries';
import { ROLES } from '@/lib/auth/roles';
import type { ActionState } from '@/lib/http/action-state';
import { localized, type Locale } from '@/lib/i18n/config';
import type { UserRow } from '@/lib/users/queries';
import { Field } from '../forms/field';
import { FormOutcome } from '../forms/error-summary';

const IDLE: ActionState = { status: 'idle' };

function RoleAndAgency({ state, agencies, role, agencyCode }: { state: ActionState; agencies: AgencyOption[]; role?: string; agencyCode?: string | null }) {
  const t = useTranslations();
  const locale = useLocale();
  const v = state.status === 'error' ? state.values : undefined;
  return (
    <>
      <Field name="role" label={t('users.role')} errors={state.fieldErrors?.role}>
        {(p) => (
          <select {...p} defaultValue={v?.role ?? role ?? 'official'}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="agencyCode" label={t('users.agency')} hint={t('users.agencyHint')} errors={state.fieldErrors?.agencyCode}>
        {(p) => (
          <select {...p} defaultValue={v?.agencyCode ?? agencyCode ?? ''}>
            <option value="">{t('users.noAgency')}</option>
            {agencyChoices(agencies, locale as Locale).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

export function CreateUserForm({ agencies }: { agencies: AgencyOption[] }) {
  const t = useTranslations('users');
  const [state, action, pending] = useActionState(createUserAction, IDLE);
  const v = state.status === 'error' ? state.values : undefined;
  return (
    <form action={action} className="form" aria-labelledby="create-user-heading" key={JSON.stringify(state)}>
      <h2 id="create-user-heading">{t('createTitle')}</h2>
      <FormOutcome state={state} values={state.values} headingLevel={3} fields={(['email', 'name', 'nameKo', 'role', 'agencyCode', 'password'] as const).map((name) => ({ name, label: t(name === 'agencyCode' ? 'agency' : name === 'password' ? 'temporaryPassword' : name) }))} />
      <div className="form__row">
        <Field name="email" label={t('email')} errors={state.fieldErrors?.email}>
          {(p) => <input {...p} type="email" autoComplete="off" defaultValue={v?.email ?? ''} required />}
        </Field>
      </div>
      <div className="form__row">
        <Names state={state} />
      </div>
      <div className="form__row">
        <RoleAndAgency state={state} agencies={agencies} />
      </div>
      <Field name="password" label={t('temporaryPassword')} hint={t('temporaryPasswordHint')} errors={state.fieldErrors?.password}>
        {(p) => <input {...p} type="password" autoComplete="new-password" required />}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {t('create')}
      </button>
    </form>
  );
}

/** The display names: English (and the stand-in) and Korean. */
function Names({ state, user }: { state: ActionState; user?: UserRow }) {
  const t = useTranslations('users');
  const v = state.status === 'error' ? state.values : undefined;
  return (
    <>
      <Field name="name" label={t('name')} hint={t('nameHint')} errors={state.fieldErrors?.name}>
        {(p) => <input {...p} type="text" autoComplete="off" defaultValue={v?.name ?? user?.name ?? ''} required />}
      </Field>
      <Field name="nameKo" label={t('nameKo')} hint={t('nameKoHint')} errors={state.fieldErrors?.nameKo}>
        {(p) => <input {...p} type="text" lang="ko" autoComplete="off" defaultValue={v?.nameKo ?? user?.nameKo ?? ''} />}
      </Field>
    </>
  );
}

export function NamesForm({ user }: { user: UserRow }) {
  const t = useTranslations('users');
  const [state, action, pending] = useActionState(updateNamesAction, IDLE);
  return (
    <form action={action} className="form" aria-labelledby="names-heading" key={JSON.stringify(state)}>
      <h2 id="names-heading">{t('namesTitle')}</h2>
      <FormOutcome state={state} headingLevel={3} fields={[{ name: 'name', label: t('name') }, { name: 'nameKo', label: t('nameKo') }]} />
      <input type="hidden" name="userId" value={user.id} />
      <Names state={state} user={user} />
      <button type="submit" className="button" disabled={pending}>
        {t('saveNames')}
      </button>
    </form>
  );
}

export function AccessForm({ user, agencies }: { user: UserRow; agencies: AgencyOption[] }) {
  const t = useTranslations('users');
  const [state, action, pending] = useActionState(updateAccessAction, IDLE);
  return (
    <form action={action} className="form" aria-labelledby="access-heading" key={JSON.stringify(state)}>
      <h2 id="access-heading">{t('accessTitle')}</h2>
      <FormOutcome state={state} headingLevel={3} fields={[{ name: 'role', label: t('role') }, { name: 'agencyCode', label: t('agency') }]} />
      <input type="hidden" name="userId" value={user.id} />
      <div className="form__row">
        <RoleAndAgency state={state} agencies={agencies} role={user.role} agencyCode={user.agencyCode} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t('saveAccess')}
      </button>
    </form>
  );
}

export function ActiveForm({ user }: { user: UserRow }) {
  const t = useTranslations('users');
  const [state, action, pending] = useActionState(setActiveAction, IDLE);
  return (
    <form action={action} className="form" aria-labelledby="active-heading">
      <h2 id="active-heading">{t('activeTitle')}</h2>
      <FormOutcome state={state} headingLevel={3} />
      <p>
        {t('status')}: <strong>{user.active ? t('active') : t('disabled')}</strong>
      </p>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="active" value={String(!user.active)} />
      <button type="submit" className={user.active ? 'button button--danger' : 'button'} disabled={pending}>
        {user.active ? t('disable') : t('enable')}
      </button>
    </form>
  );
}

export function ResetPasswordForm({ user }: { user: UserRow }) {
  const t = useTranslations('users');
  const [state, action, pending] = useActionState(resetPasswordAction, IDLE);
  return (
    <form action={action} className="form" aria-labelledby="reset-heading">
      <h2 id="reset-heading">{t('resetTitle')}</h2>
      <FormOutcome state={state} headingLevel={3} fields={[{ name: 'password', label: t('temporaryPassword') }]} />
      <input type="hidden" name="userId" value={user.id} />
      <Field name="password" label={t('temporaryPassword')} hint={t('temporaryPasswordHint')} errors={state.fieldErrors?.password}>
        {(p) => <input {...p} type="password" autoComplete="new-password" required />}
      </Field>
      <button type="submit" className="button" disabled={pending}>
        {t('reset')}
      </button>
    </form>
  );
}
