import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, formAlert, openAccountMenu, signIn } from './helpers';

test.describe('signing in', () => {
  test('a signed-out visitor is sent to login and comes back to the page afterwards', async ({ page }) => {
    await page.goto('/commitments/CET23-QNT-01');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcommitments%2FCET23-QNT-01/);
    // The demo notice names the password in force (it opens the demo accounts).
    await expect(page.getByText(`Password: ${DEMO_PASSWORD}`)).toBeVisible();
    await signIn(page, 'analyst@demo.example');
    await expect(page).toHaveURL(/\/commitments\/CET23-QNT-01$/);
    await openAccountMenu(page);
    await expect(page.getByRole('group', { name: 'Your account' })).toContainText(/^Signed in as [^@]+ · Analyst/);
    await expect(page.getByRole('note')).toContainText('Demo installation');
  });

  test('the login page’s icon is served to a signed-out visitor', async ({ page, request }) => {
    const icon = await request.get('/icon.svg', { maxRedirects: 0 });
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    await page.goto('/login');
    const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect((await request.get(href!, { maxRedirects: 0 })).status()).toBe(200);
  });

  test('the API answers a signed-out request with 401 JSON, and an unknown path with 404 JSON', async ({ request }) => {
    const response = await request.get('/api/v1/commitments');
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign-in required' } });
    const unknown = await request.get('/api/v1/no-such-thing');
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
  });

  test('an analyst reads everything but gets no update form and no user admin', async ({ page }) => {
    await signIn(page, 'analyst@demo.example', DEMO_PASSWORD, '/commitments/CET23-BIO-01');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Record an update' })).toHaveCount(0);
    await expect(page.getByText('Only officials of MSIT and NSF can record updates on this commitment.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  });

  test('an official sees the update form only on their agency’s commitments', async ({ page }) => {
    await signIn(page, 'msit@demo.example', DEMO_PASSWORD, '/commitments/CET23-BIO-01');
    await openAccountMenu(page);
    await expect(page.getByRole('group', { name: 'Your account' })).toContainText(/^Signed in as [^@]+ · Official · MSIT/);
    await expect(page.getByRole('heading', { name: 'Record an update' })).toBeVisible();
    await expect(page.getByText(/can record updates on this commitment/)).toHaveCount(0);
    await page.goto('/commitments/CET23-BAT-02');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Record an update' })).toHaveCount(0);
    // The form is not just gone: the page says whose it is.
    await expect(page.getByText('Only officials of KESCO and SNL can record updates on this commitment.')).toBeVisible();
  });

  test('an admin manages users', async ({ page }) => {
    await signIn(page, 'admin@demo.example');
    await page.getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /msit@demo\.example/ })).toBeVisible();
  });

  test('a wrong password gets the same message as an unknown account', async ({ page }) => {
    await page.goto('/login');
    for (const email of ['analyst@demo.example', 'nobody@demo.example']) {
      await page.getByLabel('E-mail address').fill(email);
      await page.getByLabel('Password').fill('definitely-not-it');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(formAlert(page)).toHaveText('The e-mail address or password is incorrect.');
    }
  });

  test('the throttle engages after five failures, even for the right password', async ({ page }) => {
    await page.goto('/login');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('E-mail address').fill('snl@demo.example');
      await page.getByLabel('Password').fill(`wrong-password-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(formAlert(page)).toHaveText('The e-mail address or password is incorrect.');
    }
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(formAlert(page)).toContainText('Too many failed sign-in attempts');
    await expect(page).toHaveURL(/\/login/);
  });

  test('signing out makes the old session cookie useless', async ({ page, browser }) => {
    await signIn(page, 'doe@demo.example');
    const cookies = await page.context().cookies();
    await openAccountMenu(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const response = await replay.request.get('/api/v1/me');
    expect(response.status()).toBe(401);
    await replay.close();
  });

  test('a disabled user’s open session stops working on the next request', async ({ page, browser }) => {
    await signIn(page, 'nist@demo.example');
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin@demo.example');
    await admin.goto('/admin/users');
    await admin.getByRole('link', { name: 'Manage: nist@demo.example' }).click();
    await admin.getByRole('button', { name: 'Disable account' }).click();
    await expect(admin.getByRole('status')).toHaveText('Account disabled; its sessions have ended.');
    await adminContext.close();

    await page.reload();
    await expect(page).toHaveURL(/\/login/);
  });

  test('session cookies are HttpOnly and SameSite=Lax, and responses carry security headers', async ({ page }) => {
    await signIn(page, 'analyst@demo.example');
    const session = (await page.context().cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const response = await page.request.get('/commitments');
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});
