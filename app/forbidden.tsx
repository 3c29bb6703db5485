import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('forbidden');
  return (
    <main id="main" className="page page--narrow">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <Link href="/commitments">{t('home')}</Link>
      </p>
    </main>
  );
}
