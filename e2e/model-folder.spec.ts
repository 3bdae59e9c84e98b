import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { rawSummary, useGreedy, waitForModel } from './app';
import { paperAsText } from './paper';

test('a model folder picked from disk loads and summarizes', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'the loading path does not depend on the backend');
  await page.goto('/');
  await page.getByTestId('model-folder-input').setInputFiles(join(import.meta.dirname, '../models/fixtures/tiny-bart'));
  await waitForModel(page);
  await expect(page.getByTestId('model-select')).toHaveValue('local/tiny-bart');
  await page.getByTestId('paper-input').fill(paperAsText());
  await useGreedy(page, 8);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });
  await expect(page.getByTestId('summary-kind')).toContainText('Abstractive summary by tiny-bart (from disk)');
  expect((await rawSummary(page)).length).toBeGreaterThan(0);
});
