import Link from 'next/link';
import { AgencyName } from '@/components/agency-name';
import { getLocale, getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/language-switcher';
import { SignOutButton } from '@/components/sign-out-button';
import { TodoNavLink } from '@/components/todo/todo-nav-link';
import type { Actor } from '@/lib/audit/record';
import { can } from '@/lib/auth/policy';
import { displayName } from '@/lib/users/display-name';
import { MenuEnhancer } from './menu-enhancer';

const MENU_ID = 'site-menu';

/**
 * The signed-in area's header: one row on wide screens (the account links in a drop-down under the
 * person's name); on narrow ones a bar with the brand and a menu button that reveals the navigation,
 * the language switcher and the account links. Both are <details> disclosures, so they work before
 * (and without) JavaScript; MenuEnhancer adds Escape, outside clicks and aria-expanded.
 */
export async function SiteHeader({ actor, todoCount }: { actor: Actor | null; todoCount: number | null }) {
  const [t, locale] = [await getTranslations(), await getLocale()];
  const name = actor ? displayName(actor, locale) : null;
  return (
    <header className="site-header no-print">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          {t('app.name')}
        </Link>
        <details className="site-header__toggle">
          <summary aria-controls={MENU_ID}>
            <span className="site-header__toggle-icon" aria-hidden="true" />
            {t('app.menu')}
          </summary>
        </details>
        <div className="site-header__menu" id={MENU_ID}>
          <nav aria-label={t('app.mainNav')} className="site-header__nav">
            {todoCount !== null && <TodoNavLink count={todoCount} />}
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
          {actor && name && (
            // Wide screens: a drop-down under the person's name; in the narrow menu, shown as it is (globals.css).
            <details className="account-menu">
              <summary>
                <span className="visually-hidden">{t('auth.userMenu')}: </span>
                <span className="account-menu__name">{name}</span>
              </summary>
              <div className="user-bar" aria-label={t('auth.userMenu')} role="group">
                <span className="user-bar__who">
                  {/* Never "e-mail 님" (GLOSSARY.md): a person without a name is shown by the bare address. */}
                  <span className="user-bar__name">{name === actor.email ? t('auth.signedInAsAddress', { email: name }) : t('auth.signedInAs', { name })}</span>
                  <span className="user-bar__role">
                    {' · '}
                    {t(`roles.${actor.role}`)}
                    {actor.agency ? (
                      <>
                        {' · '}
                        <AgencyName agency={actor.agency} />
                      </>
                    ) : (
                      actor.agencyCode && ` · ${actor.agencyCode}`
                    )}
                  </span>
                </span>
                <Link href="/account/password">{t('nav.account')}</Link>
                <SignOutButton />
              </div>
            </details>
          )}
        </div>
        <MenuEnhancer />
      </div>
    </header>
  );
}
