import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForModel } from './app';

const fixture = join(import.meta.dirname, '../models/fixtures/tiny-bart');

test('settings start from the model generation_config.json', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'backend-independent');
  const gen = JSON.parse(readFileSync(join(fixture, 'generation_config.json'), 'utf8'));
  await page.goto('/?model=fixtures/tiny-bart');
  await waitForModel(page);
  await page.getByTestId('settings').locator('summary').click();
  await expect(page.getByTestId('strategy')).toHaveValue(gen.num_beams > 1 ? 'beam' : 'greedy');
  if (gen.num_beams > 1) await expect(page.getByTestId('beams')).toHaveValue(String(gen.num_beams));
  await expect(page.getByTestId('no-repeat-ngram')).toHaveValue(String(gen.no_repeat_ngram_size));
  await expect(page.getByTestId('max-tokens')).toHaveAttribute('placeholder', String(gen.max_length));
});

test('a model download shows its progress and can be cancelled', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'backend-independent');
  // Hold the decoder download so the load is still running when Cancel is pressed.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/models/fixtures/tiny-bart/onnx/decoder_model_merged*.onnx', async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await page.goto('/?model=fixtures/tiny-bart');
  await expect(page.getByTestId('model-progress')).toBeVisible();
  await expect(page.getByTestId('model-progress')).toContainText(/\d+(\.\d+)? (kB|B|MB)/);
  await expect(page.getByTestId('status')).toContainText('loading the model');
  await page.getByTestId('cancel-download').click();
  await expect(page.getByTestId('model-progress')).toHaveCount(0);
  await expect(page.getByTestId('model-select')).toHaveValue('');
  await expect(page.getByTestId('backend')).toContainText('no model');
  await expect(page.getByTestId('status')).toHaveText('ready');
  release();
});
