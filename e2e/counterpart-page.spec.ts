import { expect, test } from '@playwright/test';
import { formAlert, signIn } from './helpers';

// Named to run after commitments.spec.ts (one database for the suite): its list test expects every seeded commitment not started.

const CODE = 'CET23-QNT-02'; // MSIT leads, NSF (U.S.) is the counterpart.

test.describe.serial('the commitment page: a claim and its answer, an analyst’s assessment', () => {
  test('a completion recorded by the lead awaits the counterpart’s confirmation', async ({ page }) => {
    await signIn(page, 'msit@demo.example', undefined, `/commitments/${CODE}`);
    await page.getByLabel('New status').selectOption('completed');
    await page.getByLabel('Progress (%)').fill('100');
    await page.getByLabel('Note').fill('Joint call funded 12 projects');
    await page.getByRole('button', { name: 'Record update' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Update recorded.' })).toBeVisible();
    await page.reload();
    await expect(page.getByText('— awaiting confirmation by NSF')).toBeVisible();
    const sides = page.getByRole('table', { name: /latest update recorded on each country/ });
    await expect(sides.getByRole('row', { name: /Korea/ })).toContainText('Completed');
    await expect(sides.getByRole('row', { name: /United States/ })).toContainText('No update yet');
    // The claimant's side does not answer its own claim.
    await expect(page.getByRole('heading', { name: 'Counterpart confirmation' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /Confirm/ })).toHaveCount(0);
  });

  test('the counterpart disputes it, with a comment, and the sides disagree', async ({ page }) => {
    await signIn(page, 'nsf@demo.example', undefined, `/commitments/${CODE}#confirm`);
    await page.getByRole('radio', { name: /Dispute/ }).check();
    await page.getByRole('button', { name: 'Record answer' }).click();
    await expect(formAlert(page)).toHaveText('Please correct the highlighted fields.');
    await expect(page.getByLabel('Comment')).toHaveAccessibleDescription(/a comment is required to dispute/);
    await page.getByLabel('Comment').fill('Only 8 projects were funded so far');
    await page.getByRole('button', { name: 'Record answer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your dispute was recorded.' })).toBeVisible();
    await page.reload();
    await expect(page.getByText('— sides disagree')).toBeVisible();
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'History', exact: true }) });
    await expect(history.getByText('Disputed by NSF (United States)')).toBeVisible();
    await expect(history.getByText('Claim for counterpart confirmation: Sides disagree')).toBeVisible();
  });

  test('an analyst assesses the commitment, then revises the assessment', async ({ page }) => {
    await signIn(page, 'analyst@demo.example', undefined, `/commitments/${CODE}`);
    await expect(page.getByRole('radio', { name: /Dispute/ })).toHaveCount(0);
    const record = async (verdict: RegExp, rationale: string) => {
      await page.getByRole('radio', { name: verdict }).check();
      await page.getByLabel('Confidence').selectOption('medium');
      await page.getByLabel('Rationale').fill(rationale);
      await page.getByRole('button', { name: 'Record assessment' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Assessment recorded.' })).toBeVisible();
    };
    await record(/Partial compliance/, 'Calls launched; funding below the stated USD 10 million');
    await record(/Full compliance/, 'Funding confirmed in the programme report');
    await page.reload();
    const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Analyst’s assessment' }) });
    await expect(panel.getByText('Full compliance (+1)')).toBeVisible();
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'All assessments' }) });
    await expect(history.getByRole('listitem')).toHaveCount(2);
    await expect(history.getByText('Revised by a later entry')).toHaveCount(1);
  });

  test('a second analyst on a stale page is told, and records a revision on top', async ({ browser }) => {
    const [first, second] = [await browser.newContext(), await browser.newContext()];
    const [a, b] = [await first.newPage(), await second.newPage()];
    await signIn(a, 'analyst@demo.example', undefined, `/commitments/${CODE}`);
    await signIn(b, 'admin@demo.example', undefined, `/commitments/${CODE}`);
    const fill = async (page: typeof a, verdict: RegExp, rationale: string) => {
      await page.getByRole('radio', { name: verdict }).check();
      await page.getByLabel('Confidence').selectOption('low');
      await page.getByLabel('Rationale').fill(rationale);
      await page.getByRole('button', { name: 'Record assessment' }).click();
    };
    await fill(a, /Not complying/, 'Programme report withdrawn');
    await expect(a.getByRole('status').filter({ hasText: 'Assessment recorded.' })).toBeVisible();
    await fill(b, /Partial compliance/, 'Half the projects funded');
    await expect(formAlert(b)).toContainText('Someone recorded an assessment for');
    await expect(b.getByLabel('Rationale')).toHaveValue('Half the projects funded');
    await b.getByRole('button', { name: 'Record assessment' }).click();
    await expect(b.getByRole('status').filter({ hasText: 'Assessment recorded.' })).toBeVisible();
    const history = b.locator('section', { has: b.getByRole('heading', { name: 'All assessments' }) });
    await expect(history.getByRole('listitem')).toHaveCount(4);
    await expect(history.getByText('Revised by a later entry')).toHaveCount(3);
    await first.close();
    await second.close();
  });
});
