import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/language-switcher';
import { SignOutButton } from '@/components/sign-out-button';
import { TodoNavLink } from '@/components/todo/todo-nav-link';
import { getCurrentActor } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { todayIso } from '@/lib/periods/dates';
import { isDemoInstallation } from '@/lib/settings/queries';
import { todoAgencyOf } from '@/lib/todo/access';
import { loadTodo } from '@/lib/todo/queries';

/** Chrome of the signed-in area. Each page checks the session and permission itself. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [t, actor] = [await getTranslations(), await getCurrentActor()];
  const todoAgency = actor && !actor.mustChangePassword ? todoAgencyOf(actor) : null;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {isDemoInstallation() && (
        <p className="demo-banner" role="note">
          {t('auth.demoBanner')}
        </p>
      )}
      <header className="site-header no-print">
        <div className="site-header__inner">
          <Link href="/" className="site-header__brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('app.mainNav')} className="site-header__nav">
            {todoAgency !== null && <TodoNavLink count={loadTodo(todoAgency, todayIso()).counts.total} />}
            <Link href="/">{t('nav.dashboard')}</Link>
            <Link href="/commitments">{t('nav.commitments')}</Link>
            {can(actor, 'report.export') && <Link href="/reports">{t('nav.reports')}</Link>}
            {can(actor, 'commitment.manage') && <Link href="/admin/commitments/new">{t('admin.newCommitment')}</Link>}
            {can(actor, 'dialogue.manage') && <Link href="/admin/dialogues">{t('admin.dialogues')}</Link>}
            {can(actor, 'agency.manage') && <Link href="/admin/agencies">{t('admin.agencies')}</Link>}
            {can(actor, 'commitment.manage') && <Link href="/admin/import">{t('admin.import')}</Link>}
            {can(actor, 'user.manage') && <Link href="/admin/users">{t('nav.users')}</Link>}
          </nav>
          <LanguageSwitcher />
          {actor && (
            <div className="user-bar" aria-label={t('auth.userMenu')} role="group">
              <span className="user-bar__who">
                {t('auth.signedInAs', { name: actor.email })} · {t(`roles.${actor.role}`)}
                {actor.agencyCode && ` · ${actor.agencyCode}`}
              </span>
              <Link href="/account/password">{t('nav.account')}</Link>
              <SignOutButton />
            </div>
          )}
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
      <footer className="site-footer no-print">{t('app.footer')}</footer>
    </>
  );
}
