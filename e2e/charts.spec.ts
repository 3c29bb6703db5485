import { expect, test } from '@playwright/test';
import en from '../messages/en.json';
import ko from '../messages/ko.json';
import { signIn } from './helpers';

const STATUS_ORDER = ['not_started', 'in_progress', 'at_risk', 'delayed', 'completed', 'discontinued'];
const JS_BUDGET = 200 * 1024;

test.describe('dashboard charts', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'analyst@demo.example', undefined, '/');
  });

  test('arrive drawn with the page: the HTML alone, with JavaScript off, holds the charts and their bars', async ({ page, browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), baseURL: test.info().project.use.baseURL });
    const noJs = await context.newPage();
    await noJs.goto('/');
    // A chart is a picture beside its table (aria-hidden, so no role or name): each card's drawing is its
    // <svg>, and a bar is found by its tooltip, the <title> a person sees on hovering it.
    const areas = noJs.getByRole('region', { name: 'Status by technology area' });
    await expect(areas.locator('svg').first()).toBeVisible();
    // The demo's 19 commitments stand "not started": every area has its bar.
    expect(await areas.locator('svg title').filter({ hasText: / — Not started: \d+$/ }).count()).toBeGreaterThan(0);
    const timeline = noJs.getByRole('region', { name: 'Due timeline' }).locator('svg').first();
    await expect(timeline.locator('title').filter({ hasText: / — .+: \d+$/ }).first()).toBeAttached();
    for (const name of ['Progress over time', 'Completed against due']) {
      await expect(noJs.getByRole('region', { name }).locator('svg').first()).toBeVisible();
    }
    // Axes name quarters as people read them, never the "2024-Q2" key: every label that is not a number.
    const labels = (await timeline.locator('text').allTextContents()).map((l) => l.trim()).filter((l) => !/^[\d.,%\s]*$/.test(l));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((l) => !/^Q[1-4] '\d\d$/.test(l))).toEqual([]);
    await context.close();
  });

  test('load at most 200 kB of JavaScript (gzipped, cache disabled)', async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const scripts = new Map<string, string>();
    const bytes = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scripts.set(e.requestId, e.response.url);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (scripts.has(e.requestId)) bytes.set(scripts.get(e.requestId)!, e.encodedDataLength);
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    test.info().annotations.push({ type: 'dashboard JS', description: `${bytes.size} scripts, ${(total / 1024).toFixed(1)} kB` });
    expect(bytes.size).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(JS_BUDGET);
  });

  test('take no keyboard focus, and keep the legend in the status order in both languages', async ({ page }) => {
    // Charts are for the eye; their tables are the keyboard's and screen reader's route.
    expect(await page.locator('[aria-hidden="true"] :is(a, button, input, select, textarea, [tabindex]):not([tabindex="-1"])').count()).toBe(0);
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[aria-hidden="true"], .chart'))).toBe(false);
    }
    for (const language of ['English', '한국어']) {
      if (language === '한국어') {
        await page.getByRole('button', { name: '한국어' }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
      }
      // The legend is inside the hidden drawing: its items count only with hidden ones included.
      const legend = page.getByRole('region', { name: (language === '한국어' ? ko : en).dashboard.areas.title }).getByRole('listitem', { includeHidden: true });
      expect(await legend.evaluateAll((items) => items.map((li) => li.getAttribute('data-key')))).toEqual(STATUS_ORDER);
    }
    await page.getByRole('button', { name: 'English' }).click();
  });
});
