import { expect, test } from '@playwright/test';
import { CATALOGUE, FIXTURE_MODELS } from '../models/catalogue';
import { paperAsText } from './paper';

test('the picker offers the real summarizers, never the test fixtures', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'no backend involved');
  await page.goto('/');
  const options = await page.getByTestId('model-select').locator('option').allTextContents();
  for (const e of CATALOGUE.filter((m) => !m.fixture)) expect(options.some((o) => o.startsWith(e.label))).toBe(true);
  for (const f of FIXTURE_MODELS) expect(options.join('\n')).not.toContain(f.id);
  expect(options.join('\n')).not.toMatch(/fixture/i);
  expect(options[0]).toContain('No model: extractive summary');
});

test('a model that cannot be downloaded fails in plain words and extractive summaries still work', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'no backend involved');
  // This machine cannot reach the model hub; a user offline sees the same.
  await page.goto('/');
  await page.getByTestId('model-select').selectOption('distilbart-cnn-6-6');
  await expect(page.getByTestId('status')).toContainText('error', { timeout: 60_000 });
  const reason = (await page.getByTestId('status').textContent()) ?? '';
  expect(reason).toMatch(/distilbart-cnn-6-6/i);
  expect(reason.length).toBeGreaterThan(30);

  await page.getByTestId('model-select').selectOption('');
  await page.getByTestId('paper-input').fill(paperAsText());
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done');
  await expect(page.getByTestId('summary-kind')).toHaveAttribute('data-kind', 'extractive');
});
