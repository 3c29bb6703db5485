import { expect, test, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import en from '../messages/en.json';
import ko from '../messages/ko.json';
import { DEMO_PASSWORD, openAccountMenu } from './helpers';

const MESSAGES = { en, ko } as const;
type Lang = keyof typeof MESSAGES;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const USERS = { analyst: 'analyst@demo.example', official: 'msit@demo.example', admin: 'admin@demo.example' } as const;

/** A fresh context in the language and size, signed in through the login page (Enter in the password field). */
async function signedIn(browser: Browser, lang: Lang, viewport: { width: number; height: number }, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addCookies([{ name: 'locale', value: lang, domain: '127.0.0.1', path: '/' }]);
  const page = await context.newPage();
  await page.goto('/login');
  const auth = MESSAGES[lang].auth;
  await page.getByLabel(auth.email).fill(email);
  await page.getByLabel(auth.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel(auth.password, { exact: true }).press('Enter');
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

const header = (page: Page) => page.getByRole('banner');
const menuButton = (page: Page, lang: Lang) => header(page).getByText(MESSAGES[lang].app.menu, { exact: true });
const mainNav = (page: Page, lang: Lang) => page.getByRole('navigation', { name: MESSAGES[lang].app.mainNav });

/** Sideways scrolling of the whole page, in CSS pixels (0: none). */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * Words (split at spaces and after hyphens) of the elements' text that a line break cuts in two: a
 * DOM Range over one word gives rectangles on more than one line.
 */
async function brokenWords(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((els) => {
    const broken: string[] = [];
    for (const el of els) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        // A break after a hyphen ("next-|generation") is a break between words.
        for (const m of text.matchAll(/[^\s-]+-?/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

/** Pairs of the given elements (those shown) whose boxes overlap, by their text. */
async function overlappingBoxes(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((els) => {
    const shown = els
      .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 30), r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    const out: string[] = [];
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++) {
        const [a, b] = [shown[i]!.r, shown[j]!.r];
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
        if (overlap) out.push(`${shown[i]!.text} × ${shown[j]!.text}`);
      }
    return out;
  });
}

/**
 * The header's items a person reads or presses: brand, menu button, links, language buttons, who is signed in.
 * The signed-in name and role are plain text with no role or label, and their wording varies with the user
 * and language: their classes are the only hook.
 */
const headerItems = (page: Page) => header(page).locator('a, summary, button, .user-bar__name, .user-bar__role');

/** The list's cells the brief requires on each card, by column name, that are missing or not wholly in view. */
async function cardsOutOfView(page: Page, lang: Lang): Promise<string[]> {
  const c = MESSAGES[lang].commitments.columns;
  const wanted = [c.code, c.title, c.status, c.progress, c.due, c.lead];
  return page.locator('main table').first().evaluate((table, wanted) => {
    const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.firstChild?.textContent?.trim() ?? '');
    const problems: string[] = [];
    for (const row of Array.from(table.querySelectorAll('tbody tr'))) {
      const cells = Array.from(row.children);
      for (const name of wanted) {
        const cell = cells[headers.indexOf(name)];
        const r = cell?.getBoundingClientRect();
        if (!cell || !r || r.width === 0 || r.height === 0 || !cell.textContent?.trim()) problems.push(`${cells[0]?.textContent}: ${name} missing`);
        else if (r.left < 0 || r.right > window.innerWidth) problems.push(`${cells[0]?.textContent}: ${name} at ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
    }
    return problems;
  }, wanted);
}

test.describe('layout on phones and desktops', () => {
  // Each language and each role at both widths, in two pairs (CI time): the analyst reads
  // English, the admin (the longest header) Korean (the longest words).
  for (const [role, lang] of [
    ['analyst', 'en'],
    ['admin', 'ko'],
  ] as const) {
    {
      test(`${role}, ${lang}, 390 px: a compact header, cards, collapsed filters, no sideways scrolling`, async ({ browser }, testInfo) => {
        test.setTimeout(90_000);
        const m = MESSAGES[lang];
        const page = await signedIn(browser, lang, PHONE, USERS[role]);
        await open(page, '/');
        // The closed header is one bar: brand and menu button, side by side.
        expect((await header(page).boundingBox())!.height).toBeLessThanOrEqual(64);
        await expect(mainNav(page, lang)).toBeHidden();
        expect(await overlappingBoxes(headerItems(page))).toEqual([]);
        expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
        await shoot(page, testInfo, `dashboard-${role}-${lang}-390`);

        // The menu shows the navigation, the language switcher and the account, none overlapping, no word cut.
        await menuButton(page, lang).click();
        await expect(mainNav(page, lang)).toBeVisible();
        await expect(header(page).getByRole('button', { name: m.language[lang], exact: true })).toBeVisible();
        await expect(header(page).getByRole('group', { name: m.auth.userMenu })).toBeVisible();
        expect(await overlappingBoxes(headerItems(page))).toEqual([]);
        expect(await brokenWords(mainNav(page, lang).getByRole('link'))).toEqual([]);
        expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
        await shoot(page, testInfo, `menu-${role}-${lang}-390`);

        await open(page, '/commitments');
        const filters = page.getByRole('search', { name: m.filters.title });
        await expect(filters).toBeHidden();
        await page.getByText(m.filters.toggle, { exact: true }).click();
        await expect(filters).toBeVisible();
        expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
        expect(await cardsOutOfView(page, lang)).toEqual([]);
        for (const row of (await page.locator('main tbody tr').all()).slice(0, 5)) expect(await overlappingBoxes(row.locator(':scope > *'))).toEqual([]);
        expect(await brokenWords(page.locator(`main tbody th, main td[data-label="${m.commitments.columns.area}"]`))).toEqual([]);
        await shoot(page, testInfo, `list-${role}-${lang}-390`);

        if (role === 'admin') {
          await open(page, '/admin/users');
          expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
          await shoot(page, testInfo, `users-${lang}-390`);
        }
        await page.context().close();
      });

      test(`${role}, ${lang}, 1440 px: one header row, whole words in tables, no sideways scrolling`, async ({ browser }, testInfo) => {
        test.setTimeout(90_000);
        const m = MESSAGES[lang];
        const page = await signedIn(browser, lang, DESKTOP, USERS[role]);
        await open(page, '/');
        await expect(menuButton(page, lang)).toBeHidden();
        await expect(mainNav(page, lang)).toBeVisible();
        expect((await header(page).boundingBox())!.height).toBeLessThanOrEqual(64);
        expect(await overlappingBoxes(headerItems(page))).toEqual([]);
        expect(await brokenWords(mainNav(page, lang).getByRole('link'))).toEqual([]);
        await expect(page.getByRole('form', { name: m.dashboard.filtersTitle })).toBeVisible();
        expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
        await shoot(page, testInfo, `dashboard-${role}-${lang}-1440`);

        await open(page, '/commitments');
        await expect(page.getByRole('search', { name: m.filters.title })).toBeVisible();
        await expect(page.getByRole('columnheader', { name: m.commitments.columns.area })).toBeVisible();
        expect(await brokenWords(page.locator(`main thead th, main td[data-label="${m.commitments.columns.area}"]`))).toEqual([]);
        expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
        await shoot(page, testInfo, `list-${role}-${lang}-1440`);

        if (role === 'admin') {
          await open(page, '/admin/users');
          expect(await brokenWords(page.locator('main thead th'))).toEqual([]);
          expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
          await shoot(page, testInfo, `users-${lang}-1440`);
        }
        await page.context().close();
      });
    }
  }

  // Korean only (CI time): its labels are the longer ones; English is checked for two roles above.
  for (const lang of ['ko'] as const) {
    test(`the header is one row at 1280 px for every role (${lang})`, async ({ browser }) => {
      for (const email of Object.values(USERS)) {
        const page = await signedIn(browser, lang, { width: 1280, height: 800 }, email);
        await open(page, '/commitments');
        expect((await header(page).boundingBox())!.height, email).toBeLessThanOrEqual(64);
        expect(await overlappingBoxes(headerItems(page)), email).toEqual([]);
        expect(await sidewaysScroll(page), email).toBeLessThanOrEqual(0);
        await page.context().close();
      }
    });
  }

  test('the menu button opens with the keyboard, says so, and closes on Escape', async ({ browser }) => {
    const page = await signedIn(browser, 'en', PHONE, USERS.analyst);
    await open(page, '/commitments');
    const button = menuButton(page, 'en');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(button).toHaveAttribute('aria-controls', 'site-menu');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(mainNav(page, 'en')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(mainNav(page, 'en').getByRole('link').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(mainNav(page, 'en')).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    // Following a link closes the menu on the next page.
    await button.click();
    await mainNav(page, 'en').getByRole('link', { name: 'Dashboard' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(mainNav(page, 'en')).toBeHidden();

    // On a wide screen the account links are a drop-down under the name, closed by Escape too.
    await page.setViewportSize(DESKTOP);
    await openAccountMenu(page);
    const account = header(page).getByRole('group', { name: en.auth.userMenu });
    await expect(account.getByRole('link', { name: en.nav.account })).toBeVisible();
    await account.getByRole('link', { name: en.nav.account }).focus();
    await page.keyboard.press('Escape');
    await expect(account).toBeHidden();
    await openAccountMenu(page);
    await page.getByRole('heading', { level: 1 }).click();
    await expect(account).toBeHidden();
    await page.context().close();
  });

  test('the menu works without JavaScript', async ({ browser }) => {
    // Signing in needs JavaScript; the pages after it must not: borrow a signed-in context's session.
    const signed = await signedIn(browser, 'en', PHONE, USERS.analyst);
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    await context.addCookies(await signed.context().cookies());
    await signed.context().close();
    const page = await context.newPage();
    await page.goto('/commitments');
    expect((await header(page).boundingBox())!.height).toBeLessThanOrEqual(64);
    await expect(mainNav(page, 'en')).toBeHidden();
    await menuButton(page, 'en').click();
    await expect(mainNav(page, 'en')).toBeVisible();
    await expect(page.getByRole('search', { name: en.filters.title })).toBeHidden();
    await page.getByText(en.filters.toggle, { exact: true }).click();
    await expect(page.getByRole('search', { name: en.filters.title })).toBeVisible();
    await context.close();
  });

  test('the header names the person, never "e-mail 님"', async ({ browser }) => {
    for (const lang of ['en', 'ko'] as const) {
      const page = await signedIn(browser, lang, DESKTOP, USERS.analyst);
      await openAccountMenu(page);
      const who = header(page).getByRole('group', { name: MESSAGES[lang].auth.userMenu });
      await expect(who).toContainText(lang === 'en' ? /Signed in as [^@]+ · / : / 님 · /);
      await expect(who).not.toContainText('@');
      await page.context().close();
    }
  });

  test('the filter buttons count the filters in force, on phones only', async ({ browser }) => {
    const page = await signedIn(browser, 'ko', PHONE, USERS.analyst);
    await open(page, '/commitments?area=BIO&status=completed&status=delayed&sort=due');
    await expect(page.getByText('검색 조건(2개 적용)', { exact: true })).toBeVisible();
    await open(page, '/?area=BIO&asOf=2024-06-30');
    await expect(page.getByText('검색 조건(2개 적용)', { exact: true })).toBeVisible();
    await expect(page.getByRole('form', { name: ko.dashboard.filtersTitle })).toBeHidden();
    await page.setViewportSize(DESKTOP);
    await expect(page.getByText('검색 조건(2개 적용)', { exact: true })).toBeHidden();
    await expect(page.getByRole('form', { name: ko.dashboard.filtersTitle })).toBeVisible();
    await page.context().close();
  });
});

test.describe('today is never written into the URL', () => {
  test('the dashboard leaves out an as-of date of today, and keeps a past one', async ({ browser }) => {
    const page = await signedIn(browser, 'en', DESKTOP, USERS.analyst);
    await open(page, '/');
    const form = page.getByRole('form', { name: en.dashboard.filtersTitle });
    await expect(form.getByLabel(en.dashboard.asOf)).toHaveValue('');
    await form.getByLabel(en.filters.area, { exact: true }).selectOption('BIO');
    await form.getByRole('button', { name: en.dashboard.apply }).click();
    await expect(page).toHaveURL(/\/\?area=BIO$/);

    // Today's date typed in is still today: left out.
    const today = await form.getByLabel(en.dashboard.asOf).getAttribute('max');
    await form.getByLabel(en.dashboard.asOf).fill(today!);
    await form.getByRole('button', { name: en.dashboard.apply }).click();
    await expect(page).toHaveURL(/\/\?area=BIO$/);

    await form.getByLabel(en.dashboard.asOf).fill('2024-06-30');
    await form.getByRole('button', { name: en.dashboard.apply }).click();
    await expect(page).toHaveURL(/\/\?area=BIO&asOf=2024-06-30$/);
    await expect(form.getByLabel(en.dashboard.asOf)).toHaveValue('2024-06-30');
    await page.context().close();
  });

  test('the list keeps a past as-of date through its filters and never adds today', async ({ browser }) => {
    const page = await signedIn(browser, 'en', DESKTOP, USERS.analyst);
    await open(page, '/commitments?area=BIO&asOf=2024-06-30');
    const search = page.getByRole('search', { name: en.filters.title });
    await search.getByRole('checkbox', { name: en.status.at_risk }).check();
    await search.getByRole('button', { name: en.filters.apply }).click();
    await expect(page).toHaveURL(/asOf=2024-06-30/);
    await expect(page).toHaveURL(/status=at_risk/);
    await open(page, '/commitments');
    await search.getByLabel(en.filters.area, { exact: true }).selectOption('BIO');
    await search.getByRole('button', { name: en.filters.apply }).click();
    await expect(page).toHaveURL(/\/commitments\?area=BIO&sort=code&dir=asc$/);
    await page.context().close();
  });

  test('without JavaScript the dashboard sends an empty date, which means today', async ({ browser }) => {
    const signed = await signedIn(browser, 'en', DESKTOP, USERS.analyst);
    const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    await context.addCookies(await signed.context().cookies());
    await signed.context().close();
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: en.dashboard.apply }).click();
    await expect(page).toHaveURL(/asOf=(&|$)/);
    await expect(page.getByText(/Showing the situation at the end of/)).toHaveCount(0);
    await context.close();
  });
});
