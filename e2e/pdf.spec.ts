import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { dropFile, summaryLengths, useGreedy, waitForModel, watchSummaryGrowth, rawSummary } from './app';
import { PAPER } from './paper';
import { paperPdf } from './pdf';

test('a dropped PDF shows its sections, then its summary streams and downloads', async ({ page }) => {
  await page.goto('/?model=fixtures/tiny-bart&deltaMs=0');
  await waitForModel(page);
  const pdf = await paperPdf();

  await dropFile(page, pdf, 'sparse-routing.pdf', 'application/pdf');

  const list = page.getByTestId('section-list');
  await expect(list).toBeVisible();
  for (const title of ['Introduction', 'Method', 'Results', 'Conclusion', 'References']) {
    await expect(list).toContainText(title);
  }
  await expect(list.getByRole('checkbox', { name: /References/ })).not.toBeChecked();
  await expect(list.getByRole('checkbox', { name: /Method/ })).toBeChecked();
  await expect(page.getByTestId('paper-title')).toHaveText(PAPER.title);
  await expect(page.getByTestId('paper-input')).toHaveValue(/Sparse routing is a cheap way/);

  await useGreedy(page, 24);
  await watchSummaryGrowth(page);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });
  expect((await summaryLengths(page)).filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
  const shown = await rawSummary(page);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
  const record = JSON.parse(await readFile((await dl.path())!, 'utf8'));
  expect(record.summary).toBe(shown);
  expect(record.sourceName).toBe('sparse-routing.pdf');
  expect(record.title).toBe(PAPER.title);
});
