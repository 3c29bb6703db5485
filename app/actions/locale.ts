'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALES } from '@/lib/i18n/config';

const SetLocaleInput = z.object({ locale: z.enum(LOCALES) });

/** Remembers the chosen language in a cookie; the page re-renders in it. */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = SetLocaleInput.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: 'lax',
    httpOnly: true,
    path: '/',
  });
}
