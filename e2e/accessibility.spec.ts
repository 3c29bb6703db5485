import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signIn } from './helpers';

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
] as const;
// Best practices too, for `region` (content outside landmarks), which is not a WCAG rule and only "moderate".
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const FAILING = (v: { id: string; impact?: string | null }) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'region';

/**
 * Each role's pages; /reports shows the preview of the last quarter's report, and an analyst also
 * meets the not-found and forbidden pages. The scan reads only, so it may run before the specs that write.
 */
const ROLES = [
  { email: 'analyst@demo.example', paths: ['/', '/commitments', '/commitments/CET23-TRI-01', '/reports', '/commitments/NO-SUCH-CODE', '/admin/users'] },
  { email: 'msit@demo.example', paths: ['/my'] },
  { email: 'admin@demo.example', paths: ['/admin/users'] },
] as const;
/** Signed out (the login page), then each role. */
const VISITS = [{ email: '', paths: ['/login'] }, ...ROLES];
const SCANS_AT_ONCE = 3;
type Lang = 'en' | 'ko';
type Session = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Serious and critical violations, and content outside landmarks, on the page as it stands: one line per element. */
async function scan(page: Page, name: string): Promise<string[]> {
  // Legacy mode runs in the page alone (no helper page per scan): the app has no cross-origin frames.
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
  return violations
    .filter(FAILING)
    .flatMap((v) => v.nodes.map((n) => `${name} · ${v.id} (${v.impact}) · ${n.target.join(' ')} · ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ')}`));
}

/** A context in the language and size, signed in as a session taken once per role (or none). */
async function contextFor(browser: Browser, lang: Lang, viewport: { width: number; height: number }, session?: Session) {
  const context = await browser.newContext({ viewport, storageState: session });
  await context.addCookies([{ name: 'locale', value: lang, domain: '127.0.0.1', path: '/' }]);
  return context;
}

/** `fn` over the items, `size` at a time, results in the items' order. */
async function inBatches<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

test.describe('accessibility (axe, WCAG 2.1 A and AA, and landmarks)', () => {
  const sessions = new Map<string, Session>();
  test.beforeAll(async ({ browser }) => {
    for (const { email } of ROLES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, email);
      sessions.set(email, await context.storageState());
      await context.close();
    }
  });

  // Each language and each width once (CI time): Korean on the phone, English on the desktop.
  for (const [lang, viewport] of [
    ['ko', VIEWPORTS[0]],
    ['en', VIEWPORTS[1]],
  ] as const) {
    {
      test(`no serious or critical violations in ${lang} at ${viewport.width}×${viewport.height}`, async ({ browser }) => {
        test.setTimeout(120_000);
        // A few pages at a time: axe is most of the time.
        const contexts = await Promise.all(VISITS.map((visit) => contextFor(browser, lang, viewport, sessions.get(visit.email))));
        const jobs = VISITS.flatMap((visit, i) => visit.paths.map((path) => ({ context: contexts[i]!, path })));
        const findings = (
          await inBatches(jobs, SCANS_AT_ONCE, async ({ context, path }) => {
            const page = await context.newPage();
            await page.goto(path);
            await expect(page.locator('html')).toHaveAttribute('lang', lang);
            const found = await scan(page, path);
            await page.close();
            return found;
          })
        ).flat();
        await Promise.all(contexts.map((context) => context.close()));
        if (findings.length) console.log(`axe ${lang} ${viewport.width}px:\n${findings.join('\n')}`);
        expect(findings, findings.join('\n')).toEqual([]);
      });
    }
  }

  test('a failed submit moves focus to the error summary, whose links move focus to the fields', async ({ page }) => {
    await signIn(page, 'kriss@demo.example', undefined, '/commitments/CET23-QNT-01');
    await page.getByLabel('New status').selectOption('completed');
    await page.getByLabel('Progress (%)').fill('80');
    await page.getByLabel('Evidence link').fill('ftp://files.example.org/report');
    const submit = page.getByRole('button', { name: 'Record update' });
    await submit.click();

    const focused = page.locator(':focus');
    await expect(focused.getByRole('heading', { name: 'Please correct the highlighted fields.' })).toBeVisible();
    const progressLink = focused.getByRole('link', { name: /^Progress \(%\): When the status is completed, enter 100% progress/ });
    const evidenceLink = focused.getByRole('link', { name: /^Evidence link: Enter an http:\/\/ or https:\/\/ address/ });
    await expect(progressLink).toHaveAttribute('href', '#field-progress');
    // The errors stay next to their fields too.
    await expect(page.getByLabel('Progress (%)')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Progress (%)')).toHaveAccessibleDescription(/When the status is completed, enter 100% progress/);

    await evidenceLink.click();
    await expect(page.getByLabel('Evidence link')).toBeFocused();
    // By keyboard: the same errors again take focus to the summary; Tab reaches its first link, Enter the field.
    await submit.click();
    await expect(page.locator(':focus').getByRole('heading', { name: 'Please correct the highlighted fields.' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: /^Progress \(%\)/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Progress (%)')).toBeFocused();
    expect(await scan(page, 'update form with errors')).toEqual([]);
  });
});
