import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { signIn } from './helpers';
import { inkDistance, inkOfWord, inkShare } from './pdf-glyphs';

const LABELS = {
  en: { language: 'English', title: 'Quarterly report on the implementation of commitments', quarter: 'Q1 2024', code: 'Code', sheet: 'Summary' },
  ko: { language: '한국어', title: '합의 사항 이행 점검 분기 보고서', quarter: '2024년 1분기', code: '코드', sheet: '요약' },
} as const;

/** Clicks a download button and waits for the file; the button is busy meanwhile. */
async function download(page: Page, name: string, dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
  const to = path.join(dir, file.suggestedFilename());
  await file.saveAs(to);
  return to;
}

test.describe('quarterly reports', () => {
  let dir: string;
  test.beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-reports-'));
  });
  test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const lang of ['en', 'ko'] as const) {
    test(`an analyst previews 2024 Q1 in ${lang} and downloads every format`, async ({ page }) => {
      const l = LABELS[lang];
      await signIn(page, 'analyst@demo.example', undefined, '/reports');
      await expect(page.getByRole('heading', { level: 1, name: 'Quarterly report' })).toBeVisible();
      await page.getByLabel('Quarter', { exact: true }).selectOption('2024-Q1');
      await page.getByLabel('Report language').selectOption({ label: l.language });
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page).toHaveURL(/quarter=2024-Q1/);
      const doc = page.getByRole('article');
      await expect(doc.getByRole('heading', { name: l.title })).toBeVisible();
      await expect(doc.getByText(l.quarter, { exact: true }).first()).toBeVisible();
      const json = await (await page.request.get(`/api/v1/reports/quarterly?quarter=2024-Q1&lang=${lang}`)).json();
      expect(json.summary.atEnd.total).toBe(19);

      const csv = await download(page, 'CSV', dir);
      expect(path.basename(csv)).toBe(`commitments-2024-Q1-${lang}.csv`);
      const bytes = fs.readFileSync(csv);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parse(bytes.toString('utf8').slice(1)) as string[][];
      expect(header![0]).toBe(l.code);
      expect(rows.map((r) => r[0])).toEqual(json.commitments.map((c: { code: string }) => c.code));

      // The buttons speak the screen's language (English here), whatever the report's.
      const xlsx = await download(page, 'Excel (XLSX)', dir);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsx);
      expect(workbook.worksheets[0]!.name).toBe(l.sheet);
      expect(workbook.worksheets[3]!.rowCount - 1).toBe(json.commitments.length);

      const pdf = await download(page, 'PDF', dir);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain(l.title);
      expect(text).toContain(l.quarter);
    });
  }

  test('the Korean PDF shows Korean glyphs, not boxes', async ({ page }) => {
    await signIn(page, 'analyst@demo.example', undefined, '/reports?quarter=2024-Q1&lang=ko');
    const pdf = await download(page, 'PDF', dir);
    // Four different two-syllable words of the title, rendered to pixels: each has ink, and no two
    // look alike (a missing font draws every syllable as the same box).
    const words = ['합의', '사항', '이행', '점검'].map((w) => inkOfWord(pdf, w, dir));
    for (const ink of words) expect(inkShare(ink)).toBeGreaterThan(0.05);
    for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) expect(inkDistance(words[i]!, words[j]!)).toBeGreaterThan(0.05);
  });

  test('an analyst issues a report and finds it frozen, with its files and no revisions yet', async ({ page }) => {
    await signIn(page, 'analyst@demo.example', undefined, '/reports?quarter=2024-Q1&lang=en');
    await page.getByRole('button', { name: 'Issue this report' }).click();
    // Issuing writes all four files (the PDF on a worker): on a busy machine that can outlast the default 5 s.
    await expect(page).toHaveURL(/\/reports\/issued\/\d+$/, { timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1, name: /Issued report \d+/ })).toBeVisible();
    await expect(page.getByText('Nothing recorded since the issue changes this report.')).toBeVisible();
    const id = page.url().split('/').at(-1);
    const issued = await page.request.get(`/api/v1/reports/${id}?format=csv`);
    expect(issued.headers()['content-disposition']).toContain('commitments-2024-Q1-en.csv');
    const again = await page.request.get(`/api/v1/reports/${id}?format=csv`);
    expect(Buffer.compare(await issued.body(), await again.body())).toBe(0);
    await page.getByRole('link', { name: 'Quarterly report' }).first().click();
    await expect(page.getByRole('region', { name: 'Issued reports' }).getByRole('link', { name: 'Q1 2024' }).first()).toBeVisible();
  });

  test('an official may read reports but not issue them', async ({ page }) => {
    await signIn(page, 'mohw@demo.example', undefined, '/reports?quarter=2024-Q1');
    await expect(page.getByRole('link', { name: 'CSV', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Issue this report' })).toHaveCount(0);
    const refused = await page.request.post('/api/v1/reports', { data: { quarter: '2024-Q1' } });
    expect(refused.status()).toBe(403);
  });
});
