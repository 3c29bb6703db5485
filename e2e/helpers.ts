import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'demo-password-2023';

/** Signs in through the login page, as a person would, and waits to leave it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = '/commitments') {
  if (!page.url().includes('/login')) await page.goto(path);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The form's own alert (Next.js also keeps an empty route-announcer alert on every page). */
export function formAlert(page: Page) {
  return page.getByRole('alert').filter({ hasText: /\S/ });
}

/** Opens the header's account drop-down (wide screens): who is signed in, the password page, Sign out. */
export async function openAccountMenu(page: Page) {
  await page.getByRole('banner').locator('summary').filter({ hasText: /Your account|내 계정/ }).click();
}

/** Signs a request context in through next-auth's credentials endpoint, as the README's curl does. */
export async function signInRequest(request: APIRequestContext, email: string) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: '/', json: 'true' }, maxRedirects: 0 });
  expect(response.status(), `sign-in of ${email}`).toBeLessThan(400);
  expect((await request.get('/api/v1/me')).status(), `session of ${email}`).toBe(200);
}
