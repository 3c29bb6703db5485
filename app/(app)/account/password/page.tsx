import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ChangePasswordForm } from '@/components/change-password-form';
import { requirePageActor } from '@/lib/auth/current-user';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('account'))('title') };
}

export default async function PasswordPage() {
  const actor = await requirePageActor({ allowPasswordChange: true });
  const t = await getTranslations('account');
  return (
    <div className="page--narrow">
      <h1>{t('title')}</h1>
      {actor.mustChangePassword && <p className="notice notice--info">{t('mustChange')}</p>}
      <ChangePasswordForm />
    </div>
  );
}
