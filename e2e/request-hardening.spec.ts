import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const DATABASE = process.env.E2E_DATABASE_URL ?? 'data/e2e.db';

test.describe('requests a client shapes itself', () => {
  test('a forged X-Forwarded-For does not change the address the audit trail records', async ({ request }) => {
    const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
    const email = 'forged-address@demo.example';
    await request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password: 'not-the-password', callbackUrl: '/' },
      headers: { 'x-forwarded-for': '203.0.113.66', 'x-peer-address': '203.0.113.67' },
      maxRedirects: 0,
    });
    const db = new Database(DATABASE, { readonly: true });
    try {
      const row = db.prepare("select origin from audit_events where action = 'auth.login.failure' and actor_email = ?").get(email) as { origin: string } | undefined;
      expect(row?.origin).toBe('127.0.0.1');
    } finally {
      db.close();
    }
  });

  test('a forged X-Forwarded-Host does not become next-auth’s origin', async ({ request, baseURL }) => {
    const providers = await (await request.get('/api/auth/providers', { headers: { 'x-forwarded-host': 'evil.example' } })).json();
    expect(providers.credentials.callbackUrl).toBe(`${baseURL}/api/auth/callback/credentials`);
  });

  test('API writes refuse cross-site requests and bodies that are not application/json', async ({ page, baseURL }) => {
    await signIn(page, 'analyst@demo.example');
    const crossOrigin = await page.request.post('/api/v1/reports', { data: { quarter: '2024-Q1' }, headers: { origin: 'https://evil.example' } });
    expect(crossOrigin.status()).toBe(403);
    expect((await crossOrigin.json()).error.message).toMatch(/cross-site/i);
    const crossSite = await page.request.post('/api/v1/reports', { data: { quarter: '2024-Q1' }, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status()).toBe(403);
    const textPlain = await page.request.post('/api/v1/reports', {
      data: JSON.stringify({ quarter: '2024-Q1' }),
      headers: { 'content-type': 'text/plain;charset=application/json', origin: baseURL! },
    });
    expect(textPlain.status()).toBe(415);
    expect((await textPlain.json()).error.code).toBe('unsupported_media_type');
    // The app's own origin gets through to validation.
    const own = await page.request.post('/api/v1/reports', { data: { quarter: 'not-a-quarter' }, headers: { origin: baseURL! } });
    expect(own.status()).toBe(422);
  });

  test('pages run only scripts carrying the response’s nonce, and nothing is blocked', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await signIn(page, 'analyst@demo.example', undefined, '/');
    const response = await page.goto('/commitments');
    const policy = response!.headers()['content-security-policy']!;
    expect(policy).toContain("base-uri 'none'");
    const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src'))!;
    expect(scriptSrc).not.toContain('unsafe-inline');
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
    const html = await response!.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // Client-side navigation works: the scripts ran.
    await page.getByRole('link', { name: 'Dashboard' }).first().click();
    await expect(page).toHaveURL(/\/$/);
    expect(violations).toEqual([]);
  });

  test('the health check answers without a session, with the schema version and nothing more', async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    const response = await anonymous.get('/api/health');
    expect(response.status()).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['databaseMs', 'schemaVersion', 'status']);
    expect(body.status).toBe('ok');
    expect(body.schemaVersion).toBeGreaterThan(10);
    await anonymous.dispose();
  });
});
