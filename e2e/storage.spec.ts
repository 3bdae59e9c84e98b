import { expect, test } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { waitForModel } from './app';
import { fakeHub, HUB_FIXTURE } from './fakeHub';

const fixture = HUB_FIXTURE;

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
