import { expect, test } from '@playwright/test';
import { formAlert, signIn } from './helpers';

test.describe('officials’ workflow', () => {
  test('an official narrows the list to their agency and the filters survive a reload', async ({ page }) => {
    await signIn(page, 'mohw@demo.example');
    await page.getByRole('link', { name: 'My agency (MOHW)' }).click();
    await expect(page).toHaveURL(/agency=MOHW/);
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(page.getByText('Showing 1–3 of 3')).toBeVisible();

    await page.getByLabel('Search').fill('MD-PhD');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(rows).toHaveCount(2);
    await page.reload();
    await expect(page.getByLabel('Search')).toHaveValue('MD-PhD');
    await expect(page.getByLabel('Agency (lead or partner)')).toHaveValue('MOHW');
    await expect(rows).toHaveCount(2);

    await page.getByRole('checkbox', { name: 'Delayed' }).check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('No commitment matches these filters.')).toBeVisible();
  });

  test('a second browser on a stale page gets the conflict message and can reapply', async ({ browser }) => {
    const [first, second] = [await browser.newContext(), await browser.newContext()];
    const [a, b] = [await first.newPage(), await second.newPage()];
    await signIn(a, 'motie@demo.example', undefined, '/commitments/CET23-SEMI-01');
    await signIn(b, 'doc@demo.example', undefined, '/commitments/CET23-SEMI-01');

    await a.getByLabel('Progress (%)').fill('40');
    await a.getByLabel('New status').selectOption('in_progress');
    await a.getByLabel('Note').fill('Working group met in Washington');
    await a.getByRole('button', { name: 'Record update' }).click();
    await expect(a.getByRole('status').filter({ hasText: 'Update recorded.' })).toBeVisible();

    await b.getByLabel('New status').selectOption('in_progress');
    await b.getByLabel('Progress (%)').fill('55');
    await b.getByRole('button', { name: 'Record update' }).click();
    await expect(formAlert(b)).toContainText('Someone else updated this commitment');
    await expect(formAlert(b)).toContainText('In progress at 40%');
    await expect(b.getByText('Working group met in Washington')).toBeVisible();
    await expect(b.getByLabel('Progress (%)')).toHaveValue('55');

    await b.getByRole('button', { name: 'Record update' }).click();
    await expect(b.getByRole('status').filter({ hasText: 'Update recorded.' })).toBeVisible();
    await b.reload();
    await expect(b.getByRole('progressbar').first()).toHaveAttribute('aria-valuenow', '55');
    await first.close();
    await second.close();
  });

  test('the form shows field errors next to the fields and keeps what was typed', async ({ page }) => {
    await signIn(page, 'kriss@demo.example', undefined, '/commitments/CET23-QNT-01');
    await page.getByLabel('New status').selectOption('completed');
    await page.getByLabel('Progress (%)').fill('80');
    await page.getByLabel('Evidence link').fill('ftp://files.example.org/report');
    await page.getByRole('button', { name: 'Record update' }).click();
    await expect(formAlert(page)).toHaveText('Please correct the highlighted fields.');
    await expect(page.getByLabel('Progress (%)')).toHaveAccessibleDescription(/When the status is completed, enter 100% progress/);
    await expect(page.getByLabel('Evidence link')).toHaveAccessibleDescription(/Enter an http:\/\/ or https:\/\/ address/);
    await expect(page.getByLabel('New status')).toHaveValue('completed');
    await expect(page.getByLabel('Evidence link')).toHaveValue('ftp://files.example.org/report');
  });

  test('the status on a past date is reconstructed from back-dated entries', async ({ page }) => {
    await signIn(page, 'nih@demo.example', undefined, '/commitments/CET23-BIO-03');
    const record = async (status: string, progress: string, date: string, note: string) => {
      await page.getByLabel('New status').selectOption(status);
      await page.getByLabel('Progress (%)').fill(progress);
      await page.getByLabel('Effective date').fill(date);
      await page.getByLabel('Note').fill(note);
      await page.getByRole('button', { name: 'Record update' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Update recorded.' })).toBeVisible();
    };
    await record('in_progress', '50', '2024-06-01', 'Exchange programme opened');
    await record('delayed', '20', '2024-03-01', 'Visa processing backlog');
    await page.getByLabel('Status on a date').fill('2024-04-15');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByText(/On 15 Apr 2024 this commitment was Delayed at 20%/)).toBeVisible();
    await page.getByLabel('Status on a date').fill('2024-07-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByText(/On 1 Jul 2024 this commitment was In progress at 50%/)).toBeVisible();
  });
});

test.describe('admin maintenance', () => {
  test('an admin checks a CSV file, sees each row’s errors, then imports a clean one', async ({ page }) => {
    await signIn(page, 'admin@demo.example', undefined, '/admin/import');
    const header = 'code,dialogue,area,title_ko,title_en,lead_agency,partners,due';
    await page.getByLabel('…or paste the CSV').fill(`${header}\nCET23-AI-21,KR-US-CET-2023,AI,AI 안전,AI safety institutes,MSIT,NIST:counterpart,2025-Q2\nCET23-AI-22,KR-US-CET-2023,AI,둘째,Second,NOPE,,someday`);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('heading', { name: '1 valid, 1 with errors.' })).toBeVisible();
    const bad = page.getByRole('row', { name: /CET23-AI-22/ });
    await expect(bad).toContainText('Enter a due period such as 2024');
    await expect(bad).toContainText('Choose an agency from the list.');
    await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);

    await page.getByLabel('…or paste the CSV').fill(`${header}\nCET23-AI-21,KR-US-CET-2023,AI,AI 안전,AI safety institutes,MSIT,NIST:counterpart,2025-Q2`);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('button', { name: 'Import 1 commitment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Import complete.' })).toBeVisible();
    await page.goto('/commitments/CET23-AI-21');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('AI safety institutes');
  });

  test('the import page offers a template that checks clean, and lists the valid codes', async ({ page, browser }) => {
    await signIn(page, 'admin@demo.example', undefined, '/admin/import');
    await expect(page.getByRole('table', { name: /^Dialogues/ }).getByRole('rowheader', { name: 'KR-US-CET-2023' })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Areas/ }).getByRole('rowheader', { name: 'AI', exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Agencies/ }).getByRole('rowheader', { name: 'MSIT' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the CSV template' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('commitments-import-template.csv');
    const template = (await page.request.get('/admin/import/template.csv')).text();
    await page.getByLabel('…or paste the CSV').fill((await template).replace(/^\uFEFF/, ''));
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('heading', { name: '1 valid, 0 with errors.' })).toBeVisible();
    // Not for anyone else.
    const analyst = await browser.newPage();
    await signIn(analyst, 'analyst@demo.example');
    expect((await analyst.request.get('/admin/import/template.csv')).status()).toBe(403);
    await analyst.close();
  });

  test('an admin archives a commitment: hidden from the default list, shown on request', async ({ page }) => {
    await signIn(page, 'admin@demo.example', undefined, '/admin/commitments/CET23-ICT-02');
    await page.getByRole('button', { name: 'Archive' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Commitment archived' })).toBeVisible();
    await page.goto('/commitments?q=ICT-02');
    await expect(page.getByText('No commitment matches these filters.')).toBeVisible();
    await page.goto('/commitments?q=ICT-02&archived=1');
    await expect(page.getByRole('rowheader')).toHaveCount(1);
  });
});
