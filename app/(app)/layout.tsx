import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/language-switcher';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/commitments" className="site-header__brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('app.mainNav')} className="site-header__nav">
            <Link href="/commitments">{t('nav.commitments')}</Link>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
      <footer className="site-footer">{t('app.footer')}</footer>
    </>
  );
}
