import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { waitForModel } from './app';

const fixture = join(import.meta.dirname, '../models/fixtures/tiny-bart');

/** Stand-in hub: the DistilBART repository answered with the tiny-bart fixture's files (a test-only stand-in). */
async function fakeHub(page: Page): Promise<string[]> {
  const requests: string[] = [];
  await page.route('https://huggingface.co/Xenova/distilbart-cnn-6-6/resolve/main/**', async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.split('/resolve/main/')[1]);
    requests.push(`${route.request().method()} ${path}`);
    const file = join(fixture, path);
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    if (!existsSync(file)) return route.fulfill({ status: 404, headers, body: 'not found' });
    await route.fulfill({ status: 200, headers: { ...headers, 'Content-Type': 'application/octet-stream' }, body: readFileSync(file) });
  });
  return requests;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesUnder(join(dir, n)) : [join(dir, n)]));
}

test('dtype choice: the default is preselected, another dtype reloads the model, and both are remembered on the next visit', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'backend-independent');
  const requests = await fakeHub(page);
  await page.goto('/');
  await page.getByTestId('model-select').selectOption('distilbart-cnn-6-6');
  await expect(page.getByTestId('dtype-select')).toHaveValue('q8');
  await expect(page.getByTestId('dtype-select').locator('option[value="q8"]')).toHaveText(/^q8 · .*MB · default/);
  await waitForModel(page);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-dtype', 'q8');

  await page.getByTestId('dtype-select').selectOption('fp32');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-dtype', 'fp32', { timeout: 60_000 });
  expect(requests).toContain('GET onnx/encoder_model.onnx');
  await expect(page.getByTestId('dtype-select').locator('option[value="fp32"]')).toContainText('downloaded');

  // Next visit: the model and its dtype come back, from the browser's storage (no hub request).
  requests.length = 0;
  await page.reload();
  await waitForModel(page);
  await expect(page.getByTestId('model-select')).toHaveValue('distilbart-cnn-6-6');
  await expect(page.getByTestId('dtype-select')).toHaveValue('fp32');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-dtype', 'fp32');
  expect(requests).toEqual([]);
});

test('the storage panel lists the downloaded model with its size and the quota, and Delete removes it', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'backend-independent');
  await fakeHub(page);
  await page.goto('/');
  await page.getByTestId('storage').locator('summary').click();
  await expect(page.getByTestId('storage-empty')).toBeVisible();
  await expect(page.getByTestId('storage-total')).toHaveAttribute('data-bytes', '0');

  await page.getByTestId('model-select').selectOption('distilbart-cnn-6-6');
  await waitForModel(page);
  await page.getByTestId('dtype-select').selectOption('fp32');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-dtype', 'fp32', { timeout: 60_000 });

  // Both dtypes were loaded, so every file of the fixture folder is cached once.
  const expected = filesUnder(fixture).reduce((s, f) => s + statSync(f).size, 0);
  const row = page.getByTestId('stored-model');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-id', 'distilbart-cnn-6-6');
  await expect(row).toHaveAttribute('data-bytes', String(expected));
  await expect(row).toContainText('DistilBART-CNN-6-6');
  await expect(row).toContainText('fp32, q8');
  await expect(page.getByTestId('storage-total')).toHaveAttribute('data-bytes', String(expected));
  await expect(page.getByTestId('storage-total')).toContainText(/this site uses .* of .* the browser allows/);

  await row.getByTestId('storage-delete').click();
  await expect(page.getByTestId('stored-model')).toHaveCount(0);
  await expect(page.getByTestId('storage-empty')).toBeVisible();
  await expect(page.getByTestId('model-detail')).not.toContainText('downloaded');
  await expect(page.getByTestId('model-select').locator('option:checked')).not.toContainText('downloaded');
});

test('without Cache Storage (private mode) the storage panel says so in words and the app still works', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'backend-independent');
  await page.addInitScript(() => {
    Object.defineProperty(window, 'caches', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await page.getByTestId('storage').locator('summary').click();
  await expect(page.getByTestId('storage-problem')).toContainText('private browsing');
  await expect(page.getByTestId('stored-model')).toHaveCount(0);
  await expect(page.getByTestId('model-select').locator('option')).not.toHaveCount(1);
});
