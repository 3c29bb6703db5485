import { expect, test, type Locator, type Page } from '@playwright/test';
import { krUsCet2023 } from '../db/seed/data/kr-us-cet-2023';
import { signIn } from './helpers';

/** The words each language shows for the basis of an assignment, a due period and a target. */
const LANGUAGES = [
  {
    locale: 'en',
    inferred: 'Inferred',
    confirmed: 'Confirmed',
    lead: 'Lead agency',
    partner: 'Partner agency',
    counterpart: 'Counterpart',
    whyInferred: 'Why inferred: ',
    source: (words: string) => `(source: “${words}”)`,
    filter: 'Only commitments with inferred assignments',
    apply: 'Apply filters',
    leadInferred: 'Lead agency inferred',
    partnersInferred: (n: number) => `${n} partner agencies inferred`,
    rowMarker: /Lead agency inferred|partner agenc(y|ies) inferred/,
    adminTitle: 'Agency confirmation',
    confirmedBy: 'Confirmed by',
    confirmedOn: 'Confirmed on',
    evidenceUrl: 'Evidence link',
    submit: 'Record confirmation',
    saved: 'Confirmation recorded.',
    withdraw: 'Withdraw confirmation',
    withdrawn: 'Confirmation withdrawn: the assignment is shown as inferred again.',
    invalidUrl: 'Enter an http:// or https:// address.',
    partners: 'Partner agencies',
    save: 'Save',
    notInExcerpt: 'These words are not in the source excerpt: copy them exactly from it.',
  },
  {
    locale: 'ko',
    inferred: '추정',
    confirmed: '기관 확인',
    lead: '주관 기관',
    partner: '협력 기관',
    counterpart: '상대국 기관',
    whyInferred: '추정 근거: ',
    source: (words: string) => `(원문: “${words}”)`,
    filter: '추정 배정이 있는 합의 사항만',
    apply: '검색 조건 적용',
    leadInferred: '주관 기관 추정',
    partnersInferred: (n: number) => `추정 협력 기관 ${n}곳`,
    rowMarker: /주관 기관 추정|추정 협력 기관 \d+곳/,
    adminTitle: '기관 확인',
    confirmedBy: '확인한 사람',
    confirmedOn: '확인일',
    evidenceUrl: '증빙 자료 링크',
    submit: '기관 확인 등록',
    saved: '기관 확인이 등록되었습니다.',
    withdraw: '확인 취소',
    withdrawn: '기관 확인이 취소되었습니다. 다시 추정으로 표시됩니다.',
    invalidUrl: 'http:// 또는 https://로 시작하는 주소를 입력해 주세요.',
    partners: '협력 기관',
    save: '저장',
    notInExcerpt: '입력한 말이 출처 발췌에 없습니다. 발췌의 말을 그대로 입력해 주세요.',
  },
] as const;

const seeded = (code: string) => krUsCet2023.commitments.find((c) => c.code === code)!;
const inferredReason = (basis: unknown, locale: 'ko' | 'en') => (basis as { inferred: { ko: string; en: string } }).inferred[locale];
/** The seeded commitments with at least one assignment the article does not state. */
const withInferred = krUsCet2023.commitments.filter((c) => 'inferred' in c.leadBasis || c.partners.some((p) => 'inferred' in p.basis));

/** How the page names an agency (GLOSSARY.md): its Korean short name (or Korean name) on Korean screens, its acronym on English ones. */
function agencyName(locale: 'ko' | 'en', code: string): string {
  const a = krUsCet2023.agencies.find((x) => x.code === code)!;
  return locale === 'ko' ? (a.shortNameKo ?? a.nameKo) : a.code;
}

/** A date as the glossary writes it: `2026. 11. 28.` / `28 Nov 2026` (the field shows either order). */
function shownDate(locale: 'ko' | 'en', typed: string): string {
  const [y, m, d] = typed.match(/\d+/g)!.map(Number) as [number, number, number];
  return locale === 'ko' ? `${y}. ${m}. ${d}.` : `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function useLanguage(page: Page, locale: 'ko' | 'en') {
  await page.context().addCookies([{ name: 'locale', value: locale, domain: new URL(page.url()).hostname, path: '/' }]);
}

/** Presses Tab from the top of the page until the element has the keyboard focus. */
async function tabTo(page: Page, target: Locator) {
  await page.locator('body').focus();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('The element was never reached with the Tab key');
}

for (const L of LANGUAGES) {
  test.describe(`assignment basis (${L.locale})`, () => {
    test('an inferred lead is marked, and keyboard focus shows and announces the reason', async ({ page }) => {
      await signIn(page, 'analyst@demo.example');
      await useLanguage(page, L.locale);
      await page.goto('/commitments/CET23-BIO-04');
      const reason = inferredReason(seeded('CET23-BIO-04').leadBasis, L.locale);
      const marker = page.getByRole('button', { name: `${L.inferred} (${L.lead}: ${agencyName(L.locale, 'MOHW')})`, exact: true });
      const tip = page.getByRole('tooltip').filter({ hasText: reason });
      await expect(marker).toBeVisible();
      await expect(tip).toBeHidden();

      await tabTo(page, marker);
      await expect(marker).toBeFocused();
      await expect(tip).toBeVisible();
      await expect(marker).toHaveAccessibleDescription(`${L.whyInferred}${reason}`);
      await page.keyboard.press('Escape');
      await expect(tip).toBeHidden();
    });

    test('the due period shows the source phrase and the excerpt marks the naming words', async ({ page }) => {
      await signIn(page, 'analyst@demo.example');
      await useLanguage(page, L.locale);
      await page.goto('/commitments/CET23-BIO-01');
      const due = page.getByRole('definition').filter({ hasText: L.source('내년에') });
      await expect(due).toHaveCount(1);
      await expect(due).toContainText('2024');

      const bio = seeded('CET23-BIO-01');
      const excerpt = page.locator('blockquote[lang="ko"]');
      // The quotation itself is unchanged: marks add no text of their own.
      await expect(excerpt).toHaveText(bio.sourceExcerpt);
      const msit = excerpt.locator('mark', { hasText: '과기부' });
      const nsf = excerpt.locator('mark', { hasText: '미 국립과학재단' });
      await expect(msit).toHaveText('과기부');
      await expect(msit).toHaveAccessibleDescription(`${L.lead}: ${agencyName(L.locale, 'MSIT')}`);
      await expect(nsf).toHaveText('미 국립과학재단');
      await expect(nsf).toHaveAccessibleDescription(`${L.counterpart}: ${agencyName(L.locale, 'NSF')}`);
      await expect(excerpt.locator('mark', { hasText: '내년에' })).toHaveCount(1);
    });

    test('the list filter keeps only commitments with inferred assignments, in a shareable URL', async ({ page }) => {
      await signIn(page, 'analyst@demo.example');
      await useLanguage(page, L.locale);
      await page.goto('/commitments');
      await page.getByRole('checkbox', { name: L.filter }).check();
      await page.getByRole('button', { name: L.apply }).click();
      await expect(page).toHaveURL(/[?&]inferred=1(&|$)/);

      const rows = page.getByRole('table').getByRole('rowgroup').last().getByRole('row');
      for (const c of withInferred) await expect(rows.filter({ hasText: c.code })).toHaveCount(1);
      await expect(rows.filter({ hasText: 'CET23-BIO-01' })).toHaveCount(0);
      // Every row listed carries the marker: its lead, or some of its partners, were inferred.
      for (const row of await rows.all()) await expect(row).toContainText(L.rowMarker);
      await expect(rows.filter({ hasText: 'CET23-AI-01' })).toContainText(L.leadInferred);
      await expect(rows.filter({ hasText: 'CET23-AI-01' })).toContainText(L.partnersInferred(2));

      await page.reload();
      await expect(page.getByRole('checkbox', { name: L.filter })).toBeChecked();
      await expect(rows.filter({ hasText: 'CET23-BIO-01' })).toHaveCount(0);
    });

    test('an administrator records an agency confirmation of an inferred link, then withdraws it', async ({ page }) => {
      await signIn(page, 'admin@demo.example');
      await useLanguage(page, L.locale);
      await page.goto('/commitments/CET23-BIO-04');
      const oppr = (basis: string) => page.getByRole('button', { name: `${basis} (${L.partner}: ${agencyName(L.locale, 'OPPR')})`, exact: true });
      await expect(oppr(L.inferred)).toBeVisible();

      const form = page.getByRole('form', { name: new RegExp(`^${escaped(agencyName(L.locale, 'OPPR'))}`) });
      const on = await form.getByLabel(L.confirmedOn, { exact: true }).inputValue();
      const shown = shownDate(L.locale, on);
      await form.getByLabel(L.confirmedBy, { exact: true }).fill('Jane Roe, OPPR');
      // The server refuses a link that is not http(s), names the field, and keeps what was typed.
      await form.getByLabel(L.evidenceUrl, { exact: true }).fill('ftp://example.org/oppr-letter');
      await form.getByRole('button', { name: L.submit }).click();
      await expect(form.getByLabel(L.evidenceUrl, { exact: true })).toHaveAccessibleDescription(new RegExp(escaped(L.invalidUrl)));
      await expect(form.getByLabel(L.confirmedBy, { exact: true })).toHaveValue('Jane Roe, OPPR');
      await expect(oppr(L.inferred)).toBeVisible();

      await form.getByLabel(L.evidenceUrl, { exact: true }).fill('https://example.org/oppr-letter');
      await form.getByRole('button', { name: L.submit }).click();
      await expect(form.getByRole('status')).toHaveText(L.saved);

      await expect(oppr(L.confirmed)).toBeVisible();
      const item = page.getByRole('listitem').filter({ has: oppr(L.confirmed) });
      await expect(item).toContainText('Jane Roe, OPPR');
      await expect(item).toContainText(shown);
      await expect(oppr(L.confirmed)).toHaveAccessibleDescription(new RegExp(`Jane Roe, OPPR.*${escaped(shown)}`));

      await form.getByRole('button', { name: L.withdraw }).click();
      await expect(form.getByRole('status')).toHaveText(L.withdrawn);
      await expect(oppr(L.inferred)).toBeVisible();
      await expect(oppr(L.confirmed)).toHaveCount(0);
    });

    test('the admin form names the partner whose stated words are not in the excerpt', async ({ page }) => {
      await signIn(page, 'admin@demo.example');
      await useLanguage(page, L.locale);
      await page.goto('/admin/commitments/CET23-AI-01');
      const partners = page.getByLabel(L.partners, { exact: true });
      await expect(partners).toHaveValue(/USGOV:counterpart:stated:미 정부/);
      await expect(partners).toHaveValue(/DOS:counterpart:inferred/);
      await partners.fill('MOFA:co_lead:stated:없는 말; DOS:counterpart:inferred; KRGOV:co_lead:stated:우리 정부; USGOV:counterpart:stated:미 정부');
      await page.getByRole('button', { name: L.save, exact: true }).click();
      await expect(partners).toHaveAccessibleDescription(new RegExp(`MOFA: ${escaped(L.notInExcerpt)}`));
    });

    test('an official sees the markers but no confirmation form', async ({ page }) => {
      await signIn(page, 'mohw@demo.example');
      await useLanguage(page, L.locale);
      await page.goto('/commitments/CET23-BIO-04');
      await expect(page.getByRole('button', { name: `${L.inferred} (${L.lead}: ${agencyName(L.locale, 'MOHW')})`, exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: L.adminTitle, exact: true })).toHaveCount(0);
      await expect(page.getByRole('button', { name: L.submit })).toHaveCount(0);
      await expect(page.getByRole('form', { name: new RegExp(`^${escaped(agencyName(L.locale, 'OPPR'))}`) })).toHaveCount(0);
    });
  });
}
