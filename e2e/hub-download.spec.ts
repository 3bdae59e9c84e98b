import { expect, test } from '@playwright/test';
import { waitForModel } from './app';
import { fakeHub } from './fakeHub';
import { paperAsText } from './paper';

test('a catalogue model downloads from the hub, is marked downloaded, loads from storage, and can be removed', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'backend-independent');
  const requests = await fakeHub(page);

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
