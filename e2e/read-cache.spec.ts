import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInRequest } from './helpers';

/**
 * The read model's cache (lib/read-model/), from outside, against the production server with its
 * worker threads: an answer never outlives a write, and nothing that differs by reader is shared.
 */
test.describe('the read cache', () => {
  const CODE = 'CET23-ICT-01'; // led by MSIT; no other spec writes to it

  test('a save between two identical reads changes the second answer, for every reader', async ({ playwright, baseURL }) => {
    const analyst = await playwright.request.newContext({ baseURL });
    const official = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    await signInRequest(analyst, 'analyst@demo.example');
    await signInRequest(official, 'msit@demo.example');
    type Item = { code: string; status: string; progress: number; lastUpdate: unknown };
    const listed = async (request: APIRequestContext) => {
      const response = await request.get(`/api/v1/commitments?q=${CODE}`);
      expect(response.status()).toBe(200);
      return ((await response.json()) as { items: Item[] }).items.find((i) => i.code === CODE)!;
    };
    const before = await listed(analyst);
    expect(await listed(analyst)).toEqual(before); // the repeat comes from the cache
    expect(await listed(official)).toEqual(before); // the same answer for another reader
    const { version } = (await (await official.get(`/api/v1/commitments/${CODE}`)).json()) as { version: number };
    // A note only: the status and progress stay, so no other spec's figures move; its last update does.
    const saved = await official.post(`/api/v1/commitments/${CODE}/updates`, { data: { status: before.status, progress: before.progress, note: 'Read cache check', version } });
    expect(saved.status()).toBe(201);
    const after = await listed(analyst);
    expect(after.lastUpdate).not.toEqual(before.lastUpdate);
    expect(await listed(official)).toEqual(after);
    await analyst.dispose();
    await official.dispose();
  });

  test('what differs by reader is never shared: language, name and role-bound controls', async ({ browser, baseURL }) => {
    const open = async (email: string, locale: 'en' | 'ko') => {
      const context = await browser.newContext({ baseURL, locale: locale === 'ko' ? 'ko-KR' : 'en-US' });
      await signInRequest(context.request, email);
      await context.addCookies([{ name: 'locale', value: locale, url: baseURL! }]);
      const page = await context.newPage();
      await page.goto('/commitments');
      return { context, page };
    };
    const first = await open('analyst@demo.example', 'en');
    await expect(first.page.getByRole('heading', { level: 1 })).toHaveText('Commitments');
    await expect(first.page.getByRole('link', { name: /My agency/ })).toHaveCount(0);
    const second = await open('msit@demo.example', 'ko');
    await expect(second.page.getByRole('heading', { level: 1 })).toHaveText('합의 사항');
    await expect(second.page.getByRole('link', { name: '소속 기관(과기정통부)' })).toBeVisible();
    await expect(second.page.getByRole('banner')).toContainText('과기정통부 담당자');
    await first.page.reload();
    await expect(first.page.getByRole('heading', { level: 1 })).toHaveText('Commitments');
    await expect(first.page.getByRole('link', { name: /My agency|소속 기관/ })).toHaveCount(0);
    await first.context.close();
    await second.context.close();
  });

  test('its figures are at /api/metrics, for administrators only', async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    const analyst = await playwright.request.newContext({ baseURL });
    expect((await admin.get('/api/metrics')).status()).toBe(401);
    await signInRequest(admin, 'admin@demo.example');
    await signInRequest(analyst, 'analyst@demo.example');
    expect((await analyst.get('/api/metrics')).status()).toBe(403);
    await analyst.get('/api/v1/dashboard?area=BIO');
    await analyst.get('/api/v1/dashboard?area=BIO');
    const metrics = (await (await admin.get('/api/metrics')).json()) as { readModel: { cache: { hits: number; hitRate: number }; workers: { size: number } }; process: { peakRssBytes: number } };
    expect(metrics.readModel.cache.hits).toBeGreaterThan(0);
    expect(metrics.readModel.cache.hitRate).toBeGreaterThan(0);
    expect(metrics.readModel.workers.size).toBeGreaterThan(0);
    expect(metrics.process.peakRssBytes).toBeGreaterThan(0);
    await admin.dispose();
    await analyst.dispose();
  });
});
