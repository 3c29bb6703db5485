import type { Locale } from '@/lib/i18n/config';

/**
 * The name a person is shown by (GLOSSARY.md: never an e-mail address followed by 님): the Korean
 * display name on Korean screens when there is one, else the name, else the e-mail address (when
 * given: an author read with the entry carries only the names).
 */
export function displayName(user: { email?: string; name?: string | null; nameKo?: string | null }, locale: Locale): string {
  const ko = user.nameKo?.trim();
  const name = user.name?.trim();
  return (locale === 'ko' && ko) || name || ko || user.email || '';
}
