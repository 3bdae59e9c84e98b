import { expect, test } from '@playwright/test';
import { chunkProgress, useGreedy, waitForModel, watchProgress } from './app';

test('a paper longer than the model input is summarized chunk by chunk, with progress', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'backend-independent; SwiftShader would make it slow');
  const topics = ['routing', 'experts', 'latency', 'accuracy', 'training', 'memory', 'phones', 'laptops', 'tokens', 'layers'];
  let text = 'A Long Study of Sparse Models\n\n';
  for (let s = 1; s <= 6; s++) {
    text += `${s} Part ${s}\n\n`;
    for (let i = 0; i < 40; i++) {
      const a = topics[(s * 7 + i) % topics.length];
      const b = topics[(s + i * 3) % topics.length];
      text += `In experiment ${s}.${i} the ${a} of the model changed the ${b} by ${(i * 7 + s) % 23} percent on benchmark ${i % 5}. `;
    }
    text += '\n\n';
  }
  await page.goto('/?model=fixtures/tiny-bart');
  await waitForModel(page);
  await page.getByTestId('paper-input').fill(text);
  await useGreedy(page, 8);
  await watchProgress(page);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 80_000 });
  const { steps, labels } = await chunkProgress(page);
  expect(steps.length, labels.join(' | ')).toBeGreaterThanOrEqual(2);
  expect(steps[0][1]).toBeGreaterThanOrEqual(2);
  expect((await page.getByTestId('summary-output').getAttribute('data-raw'))?.length).toBeGreaterThan(0);
});
