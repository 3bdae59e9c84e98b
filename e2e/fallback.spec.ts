import { expect, test } from '@playwright/test';
import type { Dtype } from '../src/engine';
import { greedyOptions, rawSummary, useGreedy, waitForModel } from './app';
import { paperAsText } from './paper';
import { referenceSummary } from './reference';

test('a WebGPU failure during a run ends in a finished summary on WASM, with the fallback shown', async ({ page }, info) => {
  test.skip(info.project.name !== 'webgpu', 'needs a WebGPU adapter to fail');
  const MAX = 20;
  // The 3rd WebGPU session run fails: the encoder and the first decoder steps ran on WebGPU.
  await page.goto('/?model=fixtures/tiny-bart&failWebgpuAtStep=3');
  await waitForModel(page);
  const badge = page.getByTestId('backend');
  await expect(badge).toHaveText(/^webgpu/);
  const dtype = (await badge.getAttribute('data-dtype')) as Dtype;

  await page.getByTestId('paper-input').fill(paperAsText());
  await useGreedy(page, MAX);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });

  await expect(page.getByTestId('fallback-notice')).toContainText('WebGPU failed, finished on WASM');
  await expect(badge).toHaveText(/^wasm/);
  await expect(page.getByText('fell back from webgpu')).toBeVisible();
  // Continuing on WASM did not change the result: it equals an all-WASM run of the same weights.
  const reference = await referenceSummary({
    model: 'fixtures/tiny-bart',
    dtype,
    text: paperAsText(),
    style: 'tldr',
    length: 'medium',
    generation: greedyOptions(MAX),
  });
  expect(await rawSummary(page)).toBe(reference);
});
