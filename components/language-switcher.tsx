import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/app/actions/locale';
import { LOCALES } from '@/lib/i18n/config';

/** Works without JavaScript: each language is a submit button of one small form. */
export async function LanguageSwitcher() {
  const [t, current] = [await getTranslations('language'), await getLocale()];
  return (
    <form action={setLocale} className="language-switcher" aria-label={t('label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className="language-switcher__option"
        >
          {t(locale)}
        </button>
      ))}
    </form>
  );
}
