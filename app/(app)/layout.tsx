import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header/site-header';
import { getCurrentActor } from '@/lib/auth/current-user';
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
        <aside className="demo-banner" aria-label={t('auth.demoLabel')}>
          <p role="note">
            <span className="demo-banner__long">{t('auth.demoBanner')}</span>
            <span className="demo-banner__short">{t('auth.demoBannerShort')}</span>
          </p>
        </aside>
      )}
      <SiteHeader actor={actor} todoCount={todoAgency !== null ? loadTodo(todoAgency, todayIso()).counts.total : null} />
      <main id="main" className="page">
        {children}
      </main>
      <footer className="site-footer no-print">{t('app.footer')}</footer>
    </>
  );
}
