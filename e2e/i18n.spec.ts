import { expect, test, type Page } from '@playwright/test';
import { krUsCet2023 } from '../db/seed/data/kr-us-cet-2023';
import { signIn } from './helpers';

async function switchTo(page: Page, language: '한국어' | 'English') {
  await page.getByRole('button', { name: language }).click();
  await expect(page.getByRole('button', { name: language })).toHaveAttribute('aria-pressed', 'true');
}

/** Names of the fonts Chromium actually used to draw an element's text. */
async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  await cdp.send('CSS.enable');
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts.map((f) => f.familyName);
}

test.describe('languages', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'analyst@demo.example');
  });

  test('switching to Korean changes the UI language and is remembered', async ({ page }) => {
    await page.goto('/commitments');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await switchTo(page, '한국어');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { level: 1, name: '합의 사항' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: '주관 기관' })).toBeVisible();
    const tri = krUsCet2023.commitments.find((c) => c.code === 'CET23-TRI-01')!;
    await expect(page.getByRole('rowheader', { name: tri.titleKo })).toBeVisible();
    await expect(page.getByText('2024년 초')).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '합의 사항' })).toBeVisible();
    await switchTo(page, 'English');
    await expect(page.getByRole('heading', { level: 1, name: 'Commitments' })).toBeVisible();
  });

  test('the Korean list renders real Hangul glyphs, not tofu boxes', async ({ page }, testInfo) => {
    await page.goto('/commitments');
    await switchTo(page, '한국어');
    await page.evaluate(() => document.fonts.ready);
    const shot = testInfo.outputPath('commitments-ko.png');
    await page.screenshot({ path: shot, fullPage: true });
    await testInfo.attach('commitments-ko', { path: shot, contentType: 'image/png' });

    const fonts = await renderedFonts(page, 'h1');
    expect(fonts.join(', ')).toMatch(/CJK|Nanum|Noto Sans KR|Un |Baekmuk/i);

    // Missing glyphs all draw the same box: distinct syllables must draw distinct bitmaps.
    const distinct = await page.evaluate(() => {
      const font = getComputedStyle(document.querySelector('h1')!).font;
      const draw = (text: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const ctx = canvas.getContext('2d')!;
        ctx.font = font.replace(/\d+(\.\d+)?px/, '40px');
        ctx.fillText(text, 4, 48);
        return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(',');
      };
      return new Set(['합', '의', '사', '항', '\u{10FFFD}']).size === new Set(['합', '의', '사', '항', '\u{10FFFD}'].map(draw)).size;
    });
    expect(distinct).toBe(true);
  });
});
