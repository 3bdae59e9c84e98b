// After one visit the app works with the network off: the service worker serves the shell, the
// ORT runtime and any model folder read before, with the cross-origin isolation headers intact.
import { expect, test, type Page } from '@playwright/test';
import { cjkPaperPdf } from '../test/pipeline/support/cjkPdf';
import { dropFile, rawSummary, useGreedy, waitForModel } from './app';
import { fakeHub } from './fakeHub';
import { paperAsText } from './paper';

test.beforeEach(({}, info) => test.skip(info.project.name !== 'wasm', 'backend-independent; run once'));

/** Waits until the service worker has precached everything and controls this page. */
async function controlledBySw(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

/** True when a request the service worker does not answer fails: the network really is off. */
async function networkIsOff(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    fetch(`/not-cached-${Math.random()}`).then(
      () => false,
      () => true,
    ),
  );
}

/** Pastes the test paper and summarizes it with the loaded model (greedy, 8 tokens). */
async function summarizeWithModel(page: Page): Promise<void> {
  await page.getByTestId('paper-input').fill(paperAsText());
  await useGreedy(page, 8);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });
  await expect(page.getByTestId('summary-kind')).toHaveAttribute('data-kind', 'abstractive');
}

test('after one visit the app opens offline, isolated, and summarizes extractively', async ({ page, context }) => {
  await page.goto('/');
  await controlledBySw(page);
  await context.setOffline(true);
  expect(await networkIsOff(page)).toBe(true);

  const shell = await page.reload();
  await expect(page.getByTestId('backend')).toContainText('no model');
  // Served from the cache, the page keeps COOP/COEP: threads for WASM still work offline.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  // The worker rewraps what it serves (the server sends no CORP): the page, the app's script and ORT's runtime.
  expect(shell!.headers()['cross-origin-resource-policy']).toBe('same-origin');
  const served = await page.evaluate(async () => {
    const urls = [document.querySelector<HTMLScriptElement>('script[type=module]')!.src, '/ort/ort-wasm-simd-threaded.asyncify.mjs', '/ort/ort-wasm-simd-threaded.asyncify.wasm'];
    return Promise.all(urls.map(async (u) => {
      const r = await fetch(u);
      return `${r.status} ${r.headers.get('cross-origin-resource-policy')} ${r.headers.get('cross-origin-embedder-policy')}`;
    }));
  });
  expect(served).toEqual(Array(3).fill('200 same-origin require-corp'));
  await page.getByTestId('paper-input').fill(paperAsText());
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done');
  await expect(page.getByTestId('summary-kind')).toHaveAttribute('data-kind', 'extractive');
  expect((await rawSummary(page)).length).toBeGreaterThan(20);
});

test('under the service worker a model loads and summarizes; offline, a model that was never saved fails in plain words', async ({ page, context }) => {
  await page.goto('/');
  await controlledBySw(page);
  await page.goto('/?model=fixtures/tiny-bart');
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null && crossOriginIsolated)).toBe(true);
  await waitForModel(page);
  await summarizeWithModel(page);

  // Test fixtures are never stored for offline use (real models are, by the engine's own cache).
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('paper-input')).toHaveValue(paperAsText());
  await expect(page.getByTestId('status')).toContainText(/offline|network|reach/i, { timeout: 30_000 });
});

test('a model downloaded on an earlier visit loads from storage and summarizes with the network off', async ({ page, context }) => {
  const requests = await fakeHub(page);
  await page.goto('/');
  await controlledBySw(page);
  await page.getByTestId('model-select').selectOption('distilbart-cnn-6-6');
  await waitForModel(page);
  await expect(page.getByTestId('model-detail')).toContainText('downloaded');

  // The stand-in hub goes away with the network: only what the browser stored can answer now.
  await page.unrouteAll({ behavior: 'wait' });
  await context.setOffline(true);
  expect(await networkIsOff(page)).toBe(true);
  requests.length = 0;
  await page.reload();
  await expect(page.getByTestId('model-select')).toHaveValue('distilbart-cnn-6-6');
  await waitForModel(page);
  await summarizeWithModel(page);
  expect((await rawSummary(page)).length).toBeGreaterThan(0);
  expect(requests).toEqual([]);
});

test('offline, a Chinese PDF with a CID font is read with the CMaps the service worker precached', async ({ page, context }) => {
  await page.goto('/');
  await controlledBySw(page);
  await context.setOffline(true);
  expect(await networkIsOff(page)).toBe(true);
  await page.reload();
  await dropFile(page, cjkPaperPdf(), 'zh.pdf', 'application/pdf');
  const list = page.getByTestId('section-list');
  for (const title of ['摘要', '引言', '参考文献']) await expect(list).toContainText(title);
});
