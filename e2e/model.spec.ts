import { expect, test } from '@playwright/test';
import type { Dtype } from '../src/engine';
import { greedyOptions, rawSummary, summaryLengths, useGreedy, waitForModel, watchSummaryGrowth } from './app';
import { paperAsText } from './paper';
import { referenceSummary } from './reference';

const MAX_TOKENS = 40;

// An encoder-decoder summarizer and a decoder-only chat model (its graph rewritten at load to
// compute logits for the last position only): the page must match Node on both.
for (const MODEL of ['fixtures/tiny-bart', 'fixtures/tiny-qwen2']) {
  test(`${MODEL} streams a summary that equals the engine run in Node`, async ({ page }, info) => {
    const expectedBackend = info.project.name === 'webgpu' ? 'webgpu' : 'wasm';
    // deltaMs=0: the tiny model on WASM is faster than one batching interval; show every token.
    await page.goto(`/?model=${MODEL}&deltaMs=0`);
    await waitForModel(page);
    const badge = page.getByTestId('backend');
    await expect(badge).toHaveText(new RegExp(`^${expectedBackend}`));
    // Without the WebGPU flag there is no adapter: the app chose WASM by itself and says why.
    if (expectedBackend === 'wasm') await expect(page.getByTestId('webgpu-skipped')).toHaveAttribute('title', /WebGPU/);
    else await expect(page.getByTestId('webgpu-skipped')).toHaveCount(0);
    const dtype = (await badge.getAttribute('data-dtype')) as Dtype;
    expect(dtype).toBeTruthy();

    await page.getByTestId('paper-input').fill(paperAsText());
    await page.getByTestId('length-short').click();
    await useGreedy(page, MAX_TOKENS);
    await watchSummaryGrowth(page);
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });

    const lengths = await summaryLengths(page);
    // Streaming: the text was seen growing through several sizes, not written once at the end.
    expect(lengths.filter((n) => n > 0).length, `observed lengths ${lengths.join(',')}`).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('summary-kind')).toHaveAttribute('data-kind', 'abstractive');
    await expect(page.getByTestId('summary-kind')).toContainText(`Abstractive summary by ${MODEL}`);

    const reference = await referenceSummary({
      model: MODEL,
      dtype,
      text: paperAsText(),
      style: 'tldr',
      length: 'short',
      generation: greedyOptions(MAX_TOKENS),
    });
    expect(await rawSummary(page)).toBe(reference);
  });
}
