import { expect, test, type Page } from '@playwright/test';
import { krUsCet2023 } from '../db/seed/data/kr-us-cet-2023';
import ko from '../messages/ko.json';
import { signIn } from './helpers';

/**
 * The Korean screens read as the glossary (../shared/GLOSSARY.md) writes: agencies by their Korean
 * short names, countries as 한국/미국/인도, dates `2024. 6. 30.`, quarters `2024년 2분기`, statuses in the
 * glossary's order, people by their display names. Read-only: it records nothing.
 */

async function inKorean(page: Page) {
  await page.context().addCookies([{ name: 'locale', value: 'ko', domain: new URL(page.url()).hostname, path: '/' }]);
}

/** The acronyms Korean officials use as names (GLOSSARY.md keeps NSF, NIH, NIST, PNNL): the only Latin words allowed. */
const LATIN_SHORT_NAMES = new Set(['NSF', 'NIH', 'NIST', 'PNNL']);

test.describe('Korean screens use the glossary', () => {
  test('the list names agencies by their Korean short names, never by a Latin code (screenshot attached)', async ({ page }, testInfo) => {
    await signIn(page, 'analyst@demo.example');
    await inKorean(page);
    await page.goto('/commitments?dialogue=KR-US-CET-2023');
    const table = page.getByRole('table').first();
    await expect(table.getByRole('columnheader', { name: ko.commitments.columns.lead })).toBeVisible();
    await testInfo.attach('commitments-ko.png', { body: await table.screenshot(), contentType: 'image/png' });

    const cells = table.locator('td.commitments-table__lead, td.commitments-table__partners');
    const texts = await cells.allInnerTexts();
    expect(texts.length).toBeGreaterThan(20);
    const latin = texts.flatMap((text) => text.match(/[A-Za-z]{2,}/g) ?? []);
    // Every Latin word in the agency columns is an acronym Korean officials use as the name.
    expect(latin.filter((w) => !LATIN_SHORT_NAMES.has(w))).toEqual([]);
    // The seed's agencies appear in these columns at all (the check above is not vacuous).
    const codes = new Set(krUsCet2023.agencies.map((a) => a.code));
    expect(texts.join(' ')).toContain('과기정통부');
    expect([...codes].filter((c) => !LATIN_SHORT_NAMES.has(c) && texts.some((t) => t.includes(c)))).toEqual([]);

    // The short name, with the full name on hover (title) and on keyboard focus (a tip with the same words).
    const motie = table.locator('td.commitments-table__lead abbr', { hasText: '산업부' }).first();
    await expect(motie).toHaveAttribute('title', '산업통상자원부');
    await motie.focus();
    const tip = await motie.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(tip).toBe('"산업통상자원부"');
  });

  test('the dashboard: countries in Korean, quarters in words, statuses in the glossary order', async ({ page }) => {
    await signIn(page, 'analyst@demo.example');
    await inKorean(page);
    // The date as a Korean reader types it (a GET form sends what was typed).
    await page.goto('/?asOf=2024.+6.+30.');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(ko.dashboard.title);
    const text = await main.innerText();
    expect(text).not.toMatch(/\d{4}-Q[1-4]/);
    expect(text).not.toMatch(/\b(AM|PM)\b/);
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).toContain('2024. 6. 30.');
    expect(text).toMatch(/\d{4}년 [1-4]분기/);

    const agencies = main.locator('table').filter({ has: page.getByRole('columnheader', { name: ko.dashboard.agencies.agency }) }).first();
    const countries = await agencies.locator('tbody td:nth-child(2)').allInnerTexts();
    expect(countries.length).toBeGreaterThan(0);
    for (const c of countries) expect(['한국', '미국', '인도']).toContain(c.trim());

    // The headline cards: the total, then the statuses in the glossary's order, then what is overdue.
    const labels = await main.locator('.figure__label').allInnerTexts();
    const statuses = [ko.status.not_started, ko.status.in_progress, ko.status.at_risk, ko.status.delayed, ko.status.completed, ko.status.discontinued];
    expect(labels.slice(0, 8)).toEqual([ko.dashboard.figures.total, ...statuses, ko.dashboard.figures.overdue]);
  });

  test('an official is greeted by a display name, and dates read and are typed in the Korean order', async ({ page }) => {
    await signIn(page, 'msit@demo.example');
    await inKorean(page);
    await page.goto('/commitments/CET23-ICT-01');
    const header = page.getByRole('banner');
    await expect(header).toContainText('과기정통부 담당자');
    await expect(header).not.toContainText('@demo.example');

    // The as-of field shows and takes the Korean order.
    const asOf = page.getByLabel(ko.update.asOfTitle);
    await expect(asOf).toHaveValue(/^\d{4}\. \d{1,2}\. \d{1,2}\.$/);
    await asOf.fill('2024. 3. 15.');
    await page.getByRole('button', { name: ko.update.asOfSubmit }).click();
    await expect(page).toHaveURL(/asOf=2024/);
    await expect(page.getByLabel(ko.update.asOfTitle)).toHaveValue('2024. 3. 15.');
    await expect(page.getByLabel(ko.update.asOfTitle)).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('main')).toContainText('2024. 3. 15. 기준');

    // A date typed in the Korean order is held to the server's rules: the future is refused, and nothing is written.
    await page.goto('/commitments/CET23-ICT-01?asOf=2999.+1.+1.');
    await expect(page.getByLabel(ko.update.asOfTitle)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(ko.update.asOfTitle)).toHaveAccessibleDescription(ko.validation.date_in_future);
    await page.goto('/commitments/CET23-ICT-01');
    const effective = page.getByLabel(ko.update.effectiveDate, { exact: true });
    await expect(effective).toHaveValue(/^\d{4}\. \d{1,2}\. \d{1,2}\.$/);
    await effective.fill('2999. 1. 1.');
    await page.getByRole('button', { name: ko.update.submit, exact: true }).click();
    await expect(effective).toHaveAccessibleDescription(new RegExp(ko.validation.date_in_future));
    await expect(page.getByRole('main')).toContainText(ko.commitment.noHistory);

    // No date on the page in any other form, and no AM/PM.
    const text = await page.getByRole('main').innerText();
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(text).not.toMatch(/\b(AM|PM)\b/);
  });
});
