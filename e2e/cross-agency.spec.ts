import { expect, test, type APIRequestContext } from '@playwright/test';
import { formAlert, signIn } from './helpers';

async function versionOf(request: APIRequestContext, code: string): Promise<number> {
  const response = await request.get(`/api/v1/commitments/${code}`);
  expect(response.ok()).toBe(true);
  return (await response.json()).version;
}

test.describe('an official of another agency', () => {
  test('cannot update through a direct server-action POST, and nothing changes', async ({ page }) => {
    await signIn(page, 'kesco@demo.example', undefined, '/commitments/CET23-BAT-02');
    const before = await versionOf(page.request, 'CET23-BIO-01');
    // Their own commitment's form, retargeted at another agency's commitment.
    await page.locator('input[type="hidden"][name="code"]').evaluate((el: HTMLInputElement) => (el.value = 'CET23-BIO-01'));
    await page.getByLabel('Progress (%)').fill('90');
    await page.getByRole('button', { name: 'Record update' }).click();
    await expect(formAlert(page)).toHaveText('You do not have permission to do this. If you need it, ask your administrator.');
    expect(await versionOf(page.request, 'CET23-BIO-01')).toBe(before);
  });

  test('cannot update through the API, and neither can an analyst', async ({ page, browser }) => {
    const body = { status: 'in_progress', progress: 50, note: '', effectiveDate: '2024-03-01', version: 1 };
    await signIn(page, 'kesco@demo.example');
    const official = await page.request.post('/api/v1/commitments/CET23-BIO-01/updates', { data: body });
    expect(official.status()).toBe(403);
    expect((await official.json()).error.code).toBe('forbidden');

    const analystContext = await browser.newContext();
    const analyst = await analystContext.newPage();
    await signIn(analyst, 'analyst@demo.example');
    const response = await analyst.request.post('/api/v1/commitments/CET23-BIO-01/updates', { data: body });
    expect(response.status()).toBe(403);
    await analystContext.close();
  });

  test('the owning agency’s official records an update that appears in the history', async ({ page }) => {
    await signIn(page, 'rist@demo.example', undefined, '/commitments/CET23-BAT-01');
    await page.getByLabel('New status').selectOption('in_progress');
    await page.getByLabel('Progress (%)').fill('35');
    await page.getByLabel('Note').fill('Joint test bed agreed with PNNL');
    await page.getByLabel('Evidence link').fill('https://example.org/ess-testbed');
    await page.getByRole('button', { name: 'Record update' }).click();
    await expect(page.getByRole('status')).toHaveText('Update recorded.');
    const history = page.getByRole('region', { name: 'History' }).or(page.locator('section', { has: page.getByRole('heading', { name: 'History' }) }));
    await expect(history.getByText('Joint test bed agreed with PNNL')).toBeVisible();
    await expect(history.getByRole('link', { name: 'https://example.org/ess-testbed' })).toBeVisible();
    // When it was recorded: 24-hour time in the app's zone (Asia/Seoul by default), the zone named.
    await expect(history.getByText(/Recorded by RIST official \(RIST\) on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} KST/)).toBeVisible();
    await expect(history).not.toContainText(/\b(AM|PM)\b/);
  });
});
