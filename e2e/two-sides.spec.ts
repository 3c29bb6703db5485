import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// Issue #14 from outside: MSIT claims BIO-01 completed; NSF finds it on its to-do list and disputes
// it; the dashboard counts one disagreement and drills down to BIO-01; an analyst's verdict reaches
// the quarterly report's XLSX. Named to run after commitments.spec.ts (one database for the suite).

const CODE = 'CET23-BIO-01'; // MSIT (Korea) leads, NSF (United States) partners.

test.describe.serial('both sides and a referee', () => {
  test('MSIT claims BIO-01 completed: it awaits NSF’s confirmation', async ({ page }) => {
    await signIn(page, 'msit@demo.example', undefined, `/commitments/${CODE}`);
    await page.getByLabel('New status').selectOption('completed');
    await page.getByLabel('Progress (%)').fill('100');
    await page.getByLabel('Note').fill('All joint research projects selected');
    await page.getByRole('button', { name: 'Record update' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Update recorded.' })).toBeVisible();
    await page.reload();
    await expect(page.getByText('— awaiting confirmation by NSF')).toBeVisible();
  });

  test('NSF signs in, sees the claim on its to-do list, and disputes it with a note', async ({ page }) => {
    await page.goto('/');
    await signIn(page, 'nsf@demo.example', undefined, '/');
    // Officials land on their to-do list.
    await expect(page).toHaveURL(/\/my$/);
    await expect(page.getByRole('link', { name: /^My to-do, \d+ items?$/ })).toBeVisible();
    const awaiting = page.getByRole('table', { name: /Awaiting your agency’s confirmation/ });
    await expect(awaiting.getByRole('row', { name: new RegExp(CODE) })).toBeVisible();
    await awaiting.getByRole('link', { name: `Confirm or dispute: ${CODE}` }).click();
    await expect(page).toHaveURL(new RegExp(`/commitments/${CODE}#confirm$`));
    await page.getByRole('radio', { name: /Dispute/ }).check();
    await page.getByLabel('Comment').fill('Two of the five projects have not started');
    await page.getByRole('button', { name: 'Record answer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your dispute was recorded.' })).toBeVisible();
    await page.reload();
    await expect(page.getByText('— sides disagree')).toBeVisible();
    // Both notes stay visible.
    await expect(page.getByText('All joint research projects selected').first()).toBeVisible();
    await expect(page.getByText('Two of the five projects have not started').first()).toBeVisible();
  });

  test('the dashboard counts the disagreement, and its drill-down lists BIO-01', async ({ page }) => {
    // The biotechnology area: other specs leave claims elsewhere in the suite's one database.
    await signIn(page, 'analyst@demo.example', undefined, '/?area=BIO');
    const figure = page.locator('[data-figure="disputed"]');
    await expect(figure).toContainText('Sides disagree');
    await expect(figure.getByText(/^\d+$/)).toHaveText('1');
    await figure.click();
    await expect(page).toHaveURL(/area=BIO.*confirmation=disputed|confirmation=disputed.*area=BIO/);
    const rows = page.getByRole('table').first().getByRole('row');
    await expect(rows.filter({ hasText: CODE })).toHaveCount(1);
    await expect(rows).toHaveCount(2); // header + BIO-01
  });

  test('an analyst records a verdict, and the quarterly report’s XLSX carries it', async ({ page }, info) => {
    await signIn(page, 'analyst@demo.example', undefined, `/commitments/${CODE}`);
    await page.getByRole('radio', { name: /Partial compliance/ }).check();
    await page.getByLabel('Confidence').selectOption('high');
    await page.getByLabel('Rationale').fill('Projects selected; two have not started, as NSF notes');
    await page.getByRole('button', { name: 'Record assessment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Assessment recorded.' })).toBeVisible();

    const quarter = await page.evaluate(() => {
      const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Seoul' }));
      return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
    });
    const response = await page.request.get(`/api/v1/reports/quarterly?quarter=${quarter}&format=xlsx&lang=en`);
    expect(response.status()).toBe(200);
    const file = info.outputPath('report.xlsx');
    fs.writeFileSync(file, await response.body());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const found: string[] = [];
    workbook.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        const cells = (row.values as unknown[]).map((v) => String(v ?? ''));
        if (cells.includes(CODE)) found.push(cells.join(' | '));
      });
    });
    const line = found.find((l) => /Partial/.test(l));
    expect(line, found.join('\n')).toBeDefined();
    expect(line).toContain('Projects selected; two have not started, as NSF notes');
    expect(line).toMatch(/High/i);
  });
});
