import { expect, test, type Page } from '@playwright/test';
import en from '../messages/en.json';
import ko from '../messages/ko.json';
import { signIn } from './helpers';

/** The commitments list's table, by its caption. */
const LIST_CAPTION = en.commitments.tableCaption;

/** Text boxes (HTML and SVG) that overlap another by more than a sliver. */
async function overlappingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes: { text: string; r: DOMRect }[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('.visually-hidden, details:not([open]) > :not(summary)')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      // SVG text boxes span the font's full ascent and descent; keep the middle, where the ink is.
      const inSvg = !!el.closest('svg');
      for (const r of Array.from(range.getClientRects())) {
        if (r.width <= 1 || r.height <= 1) continue;
        boxes.push({ text, r: inSvg ? new DOMRect(r.x, r.y + r.height * 0.2, r.width, r.height * 0.6) : r });
      }
    }
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        // Glyph boxes of adjacent lines touch by a few pixels; a real overlap covers much of the smaller box.
        const smaller = Math.min(a.width * a.height, b.width * b.height);
        if (w > 2 && h > 2 && w * h > 0.25 * smaller) out.push(`${boxes[i]!.text} ⟷ ${boxes[j]!.text}`);
      }
    }
    return out;
  });
}

test.describe('analysts’ dashboard', () => {
  test.beforeAll(async ({ browser }) => {
    // Some history for the biotechnology area: one back-dated entry, one current.
    const page = await browser.newPage();
    await signIn(page, 'mohw@demo.example');
    const detail = await (await page.request.get('/api/v1/commitments/CET23-BIO-04')).json();
    const response = await page.request.post('/api/v1/commitments/CET23-BIO-04/updates', {
      data: { status: 'at_risk', progress: 30, note: 'Industry partners not yet confirmed', effectiveDate: '2024-05-05', version: detail.version },
    });
    expect(response.status()).toBe(201);
    // A later entry: today BIO-04 is in progress, but on 2024-06-30 it was at risk.
    const later = await page.request.post('/api/v1/commitments/CET23-BIO-04/updates', {
      data: { status: 'in_progress', progress: 45, note: 'Partners confirmed', effectiveDate: '2025-01-10', version: detail.version + 1 },
    });
    expect(later.status()).toBe(201);
    await page.close();
  });

  test('an analyst filters by area and date, clicks a bar and lands on a list of exactly that many', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    await signIn(page, 'analyst@demo.example', undefined, '/');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await page.getByLabel('Area', { exact: true }).selectOption('BIO');
    await page.getByRole('button', { name: 'Update' }).click();
    await expect(page).toHaveURL(/area=BIO/);
    await page.getByRole('navigation', { name: 'Quarter ends' }).getByRole('link', { name: 'Q2 2024', exact: true }).click();
    await expect(page).toHaveURL(/asOf=2024-06-30/);
    await expect(page.getByText(/Showing the situation at the end of/)).toBeVisible();

    const areas = page.getByRole('region', { name: 'Status by technology area' });
    await areas.getByText('Show as table').click();
    const cell = areas.getByRole('row', { name: /Biotechnology/ }).getByRole('cell').nth(2);
    const value = Number(await cell.textContent());
    expect(value).toBeGreaterThan(0);

    // The chart's segments are for the mouse (the table carries the same links): the at-risk one, by its tooltip.
    await areas.locator('svg a').filter({ has: page.locator('title', { hasText: / — At risk: \d+$/ }) }).first().click();
    await expect(page).toHaveURL(/\/commitments\?/);
    const drilled = new URL(page.url()).searchParams;
    expect([drilled.get('area'), drilled.get('status'), drilled.get('asOf')]).toEqual(['BIO', 'at_risk', '2024-06-30']);
    await expect(page.getByText(`Showing 1–${value} of ${value}`)).toBeVisible();
    // The list shows that date's statuses, says so, and has exactly as many rows as the bar.
    await expect(page.locator('[data-as-of="2024-06-30"]')).toContainText('as they stood at the end of');
    const rows = page.getByRole('table', { name: LIST_CAPTION }).getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(rows).toHaveCount(value);
    await expect(rows.filter({ hasText: 'CET23-BIO-04' })).toContainText('At risk');
    await expect(rows.filter({ hasText: 'CET23-BIO-04' })).toContainText('30');
    // Today, the same commitment is in progress; the notice links back to today.
    await page.getByRole('link', { name: 'Show today' }).click();
    await expect(page).not.toHaveURL(/asOf=/);
    await expect(page.getByText('No commitment matches these filters.').first()).toBeVisible();
    await page.goto('/commitments?area=BIO&q=BIO-04');
    await expect(page.getByRole('table', { name: LIST_CAPTION }).getByRole('row').filter({ hasText: 'CET23-BIO-04' })).toContainText('In progress');
    expect(errors).toEqual([]);
  });

  test('the headline figures add up and link to their lists', async ({ page }) => {
    await signIn(page, 'analyst@demo.example', undefined, '/');
    // Each figure is a link marked with data-figure (its test id); its count is the part that is only a number.
    const figure = (key: string) => page.getByRole('region', { name: 'Headline figures' }).locator(`[data-figure="${key}"]`);
    const valueOf = async (key: string) => Number(await figure(key).getByText(/^\d+$/).textContent());
    const total = await valueOf('total');
    let sum = 0;
    for (const s of ['completed', 'in_progress', 'at_risk', 'delayed', 'not_started', 'discontinued']) {
      sum += await valueOf(s);
    }
    expect(sum).toBe(total);
    const overdue = await valueOf('overdue');
    await page.locator('[data-figure="overdue"]').click();
    await expect(page.getByText(new RegExp(`of ${overdue}$`))).toBeVisible();
  });

  for (const [language, width, height] of [
    ['English', 1280, 900],
    ['English', 390, 844],
    ['한국어', 1280, 900],
    ['한국어', 390, 844],
  ] as const) {
    test(`renders in ${language} at ${width}px without overlapping text or sideways scrolling`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height });
      await signIn(page, 'analyst@demo.example', undefined, '/');
      if (language === '한국어') {
        // On a phone the language switcher is in the header's menu.
        if (width < 1000) await page.getByRole('banner').getByText('Menu', { exact: true }).click();
        await page.getByRole('button', { name: '한국어' }).click();
        await expect(page.getByRole('heading', { level: 1, name: '종합 현황' })).toBeVisible();
      }
      // The first chart's drawing (aria-hidden, so found as the <svg> in its card).
      await expect(page.getByRole('region', { name: (language === '한국어' ? ko : en).dashboard.areas.title }).locator('svg').first()).toBeVisible();
      const shot = testInfo.outputPath(`dashboard-${language === '한국어' ? 'ko' : 'en'}-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      await testInfo.attach(`dashboard-${width}`, { path: shot, contentType: 'image/png' });
      expect(await overlappingText(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  }
});
