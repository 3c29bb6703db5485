import { expect, test } from '@playwright/test';
import { krUsCet2023 } from '../db/seed/data/kr-us-cet-2023';
import { signIn } from './helpers';

test.describe('commitments', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'analyst@demo.example');
  });

  test('the list shows every seeded commitment with its lead agency and status', async ({ page }) => {
    await page.goto('/commitments');
    await expect(page.getByRole('heading', { level: 1, name: 'Commitments' })).toBeVisible();
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(krUsCet2023.commitments.length + 1);
    for (const c of krUsCet2023.commitments) {
      const row = rows.filter({ has: page.getByRole('rowheader', { name: c.titleEn, exact: true }) });
      await expect(row).toContainText(c.code);
      await expect(row).toContainText(c.leadAgencyCode);
      await expect(row).toContainText('Not started');
    }
  });

  test('the detail page shows the Korean source excerpt, agencies and target', async ({ page }) => {
    const bio = krUsCet2023.commitments.find((c) => c.code === 'CET23-BIO-01')!;
    await page.goto('/commitments');
    await page.getByRole('link', { name: bio.titleEn }).click();
    await expect(page).toHaveURL(/\/commitments\/CET23-BIO-01$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(bio.titleEn);
    const excerpt = page.locator('blockquote[lang="ko"]');
    await expect(excerpt).toHaveText(bio.sourceExcerpt);
    await expect(page.getByText('≥ USD 10 million')).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'U.S. National Science Foundation' })).toContainText(
      'Counterpart',
    );
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    await expect(page.getByText('No update has been recorded yet.')).toBeVisible();
  });

  test('an unknown code gets a not-found page', async ({ page }) => {
    const response = await page.goto('/commitments/CET23-NOPE-99');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});
