import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers';

test.describe('sign-in hardening', () => {
  test('a callbackUrl that leaves the site lands on the start page, before and after sign-in', async ({ page }) => {
    for (const evil of ['%2F%09%2Fevil.example', '%2F%0A%2Fevil.example', '%2F.%2F%2Fevil.example', 'https%3A%2F%2Fevil.example%2F']) {
      const response = await page.request.get(`/login?callbackUrl=${evil}`, { maxRedirects: 0 });
      expect(response.status(), evil).toBe(200);
    }
    await page.goto('/login?callbackUrl=%2F%09%2Fevil.example');
    await signIn(page, 'ostp@demo.example');
    expect(new URL(page.url()).pathname).toBe('/');
    for (const evil of ['%2F%09%2Fevil.example', '%2F%0A%2Fevil.example']) {
      const response = await page.request.get(`/login?callbackUrl=${evil}`, { maxRedirects: 0 });
      expect(response.status(), evil).toBe(307);
      expect(response.headers()['location'], evil).toBe('/');
    }
  });

  test('an error code that names a built-in property reads as a plain failure', async ({ page }) => {
    for (const code of ['constructor', 'toString', '__proto__']) {
      await page.goto(`/login?error=${code}`);
      await expect(page.locator('p[role="alert"]')).toHaveText(/Sign-in failed|로그인하지 못했습니다/);
    }
  });

  test('changing one’s password refuses the e-mail name, then ends the other sessions and keeps this one', async ({ browser }) => {
    const laptop = await browser.newContext();
    const phone = await browser.newContext();
    const here = await laptop.newPage();
    const elsewhere = await phone.newPage();
    await signIn(here, 'pnnl@demo.example');
    await signIn(elsewhere, 'pnnl@demo.example');

    await here.goto('/account/password');
    const change = async (current: string, next: string) => {
      await here.getByLabel('Current password', { exact: true }).fill(current);
      await here.getByLabel('New password', { exact: true }).fill(next);
      await here.getByLabel('Repeat the new password', { exact: true }).fill(next);
      await here.getByRole('button', { name: 'Change password' }).click();
    };
    await change(DEMO_PASSWORD, 'my-pnnl-passphrase-1');
    await expect(here.getByText('The password must not contain the name part of the e-mail address.', { exact: true })).toBeVisible();
    await change(DEMO_PASSWORD, 'kestrel-harbour-4242');
    await expect(here.getByRole('status')).toHaveText('Your password has been changed; your sessions elsewhere have ended.');

    expect((await here.request.get('/api/v1/me')).status()).toBe(200);
    expect((await elsewhere.request.get('/api/v1/me')).status()).toBe(401);
    await laptop.close();
    await phone.close();
  });
});
