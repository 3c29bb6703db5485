import { expect, test, type APIRequestContext, type Browser, type Cookie } from '@playwright/test';
import { DEMO_PASSWORD, openAccountMenu, signIn } from './helpers';

const sessionCookie = (cookies: Cookie[]) => cookies.find((c) => c.name.endsWith('next-auth.session-token'));

/** Signs in through next-auth's endpoints, the way a script does, with the context's cookie jar. */
async function signInByApi(request: APIRequestContext, email: string) {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: 'true' },
  });
  expect(response.ok()).toBe(true);
}

/** What a stolen copy of these cookies still gets, from another browser. */
async function replay(browser: Browser, cookies: Cookie[]) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const me = (await context.request.get('/api/v1/me')).status();
  const session = await context.request.get('/api/auth/session');
  const result = { me, session: await session.json(), setCookie: session.headers()['set-cookie'] ?? '' };
  await context.close();
  return result;
}

test.describe('sessions', () => {
  test('signing in again in the same browser ends the session its cookie held', async ({ page, browser }) => {
    await signIn(page, 'kesco@demo.example');
    const before = await page.context().cookies();
    await signInByApi(page.request, 'kesco@demo.example');
    const after = await page.context().cookies();
    expect(sessionCookie(after)?.value).not.toBe(sessionCookie(before)?.value);

    expect((await page.request.get('/api/v1/me')).status()).toBe(200);
    const stale = await replay(browser, before);
    expect(stale.me).toBe(401);
    expect(stale.session).toEqual({});
  });

  test('/api/auth/session says nothing for an ended session and does not reissue its cookie', async ({ page, browser }) => {
    await signIn(page, 'motie@demo.example');
    const cookies = await page.context().cookies();
    const live = await page.request.get('/api/auth/session');
    expect(await live.json()).toMatchObject({ user: { email: 'motie@demo.example' } });

    await openAccountMenu(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    const ended = await replay(browser, cookies);
    expect(ended.session).toEqual({});
    expect(ended.setCookie).not.toMatch(/next-auth\.session-token=[^;\s]/);
  });
});
