import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/language-switcher';
import { LoginForm } from '@/components/login-form';
import { landingPath, requestedCallbackPath } from '@/lib/auth/callback-url';
import { getCurrentActor } from '@/lib/auth/current-user';
import { demoPasswordInForce } from '@/lib/auth/demo-password';
import { isDemoInstallation } from '@/lib/settings/queries';
import { todoAgencyOf } from '@/lib/todo/access';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // No page asked for: the user's landing page, which the form reaches by coming back here once signed in.
  const callbackUrl = requestedCallbackPath(params.callbackUrl);
  const actor = await getCurrentActor();
  if (actor) redirect(callbackUrl ?? landingPath(todoAgencyOf(actor) !== null));
  const t = await getTranslations();
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  const demo = isDemoInstallation();
  // The password only when it opens the demo accounts: DEMO_PASSWORD may differ from the default.
  const demoPassword = demo ? await demoPasswordInForce() : null;
  return (
    <main id="main" className="login">
      <div className="login__card">
        <div className="login__top">
          <p className="login__brand">{t('app.name')}</p>
          <LanguageSwitcher />
        </div>
        <h1>{t('auth.signInTitle')}</h1>
        <p className="muted">{t('auth.signInIntro')}</p>
        <LoginForm callbackUrl={callbackUrl} initialError={error} />
        {demo && (
          <p className="notice notice--info">
            {t('auth.demoAccounts')}
            {demoPassword && <> {t('auth.demoPassword', { password: demoPassword })}</>}
          </p>
        )}
      </div>
    </main>
  );
}
