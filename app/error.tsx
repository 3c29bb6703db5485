'use client';

import { useTranslations } from 'next-intl';

/** Shown instead of any unexpected failure: never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main id="main" className="page page--narrow">
      <h1>{t('genericTitle')}</h1>
      <p>{t('genericBody')}</p>
      <button type="button" className="button" onClick={() => reset()}>
        {t('retry')}
      </button>
    </main>
  );
}
