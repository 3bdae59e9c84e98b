import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForModel } from './app';
import { paperAsText } from './paper';

const fixture = join(import.meta.dirname, '../models/fixtures/tiny-bart');

test('a catalogue model downloads from the hub, is marked downloaded, loads from storage, and can be removed', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'backend-independent');
  // Stand-in hub: answers for the DistilBART repository with the tiny-bart fixture's files (a
  // test-only stand-in; the download, cache and load path is what is under test).
  const requests: string[] = [];
  await page.route('https://huggingface.co/Xenova/distilbart-cnn-6-6/resolve/main/**', async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.split('/resolve/main/')[1]);
    requests.push(`${route.request().method()} ${path}`);
    const file = join(fixture, path);
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    if (!existsSync(file)) return route.fulfill({ status: 404, headers, body: 'not found' });
    await route.fulfill({ status: 200, headers: { ...headers, 'Content-Type': 'application/octet-stream' }, body: readFileSync(file) });
  });

  await page.goto('/');
  await page.getByTestId('model-select').selectOption('distilbart-cnn-6-6');
  await waitForModel(page);
  expect(requests.some((r) => r.endsWith('onnx/encoder_model_quantized.onnx'))).toBe(true);
  await expect(page.getByTestId('model-detail')).toContainText('downloaded');
  await expect(page.getByTestId('model-select').locator('option:checked')).toContainText('downloaded');

  // A second load reads the files from browser storage: no request reaches the hub.
  requests.length = 0;
  await page.reload();
  await page.getByTestId('model-select').selectOption('distilbart-cnn-6-6');
  await waitForModel(page);
  expect(requests).toEqual([]);
  await page.getByTestId('paper-input').fill(paperAsText());
  await page.getByTestId('settings').locator('summary').click();
  await page.getByTestId('max-tokens').fill('8');
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });

  await page.getByTestId('forget-model').click();
  await expect(page.getByTestId('model-detail')).not.toContainText('downloaded');
  await expect(page.getByTestId('forget-model')).toHaveCount(0);
});
