// Page helpers shared by the browser tests.
import { expect, type Page } from '@playwright/test';
import type { GenerationOptions } from '../src/engine';

/** Records every length the summary text takes, from inside the page (nothing is missed). */
export async function watchSummaryGrowth(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __lengths: number[] };
    w.__lengths = [];
    const obs = new MutationObserver(() => {
      const el = document.querySelector('[data-testid="summary-output"]');
      const len = (el?.getAttribute('data-raw') ?? '').length;
      if (w.__lengths.at(-1) !== len) w.__lengths.push(len);
    });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-raw'] });
  });
}

export async function summaryLengths(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __lengths: number[] }).__lengths);
}

export async function rawSummary(page: Page): Promise<string> {
  return (await page.getByTestId('summary-output').getAttribute('data-raw')) ?? '';
}

/** Waits until the fixture model is loaded (the backend badge names a backend). */
export async function waitForModel(page: Page): Promise<void> {
  await expect(page.getByTestId('backend')).toHaveText(/^(webgpu|wasm)/, { timeout: 60_000 });
}

/** Greedy decoding with a small token budget, so runs are short and comparable with Node. */
export async function useGreedy(page: Page, maxTokens: number): Promise<void> {
  await page.getByTestId('settings').locator('summary').click();
  await page.getByTestId('strategy').selectOption('greedy');
  await page.getByTestId('max-tokens').fill(String(maxTokens));
}

/** The decoding options the app runs with after `useGreedy(page, maxTokens)` on a fixture: what a Node reference must use. */
export function greedyOptions(maxTokens: number): GenerationOptions {
  return { do_sample: false, num_beams: 1, repetition_penalty: 1, no_repeat_ngram_size: 3, max_new_tokens: maxTokens };
}

/** Records every text the run's progress line shows ("chunk 3 of 12", ...), from inside the page. */
export async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __labels: string[] };
    w.__labels = [];
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="run-progress"]')?.textContent ?? '';
      if (t && w.__labels.at(-1) !== t) w.__labels.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The "chunk k of n" steps the progress line showed since `watchProgress`, as [k, n]. */
export async function chunkProgress(page: Page): Promise<{ steps: [number, number][]; labels: string[] }> {
  const labels = await page.evaluate(() => (window as unknown as { __labels: string[] }).__labels);
  const steps = labels.flatMap((l): [number, number][] => {
    const m = /chunk (\d+) of (\d+)/.exec(l);
    return m ? [[Number(m[1]), Number(m[2])]] : [];
  });
  return { steps, labels };
}

/** Drops a file on the paste area, as a user dragging it from the desktop would. */
export async function dropFile(page: Page, bytes: Uint8Array, name: string, type: string): Promise<void> {
  await dropFiles(page, [{ bytes, name, type }]);
}

/** Drops several files at once (a multi-file selection dragged from the desktop). */
export async function dropFiles(page: Page, files: { bytes: Uint8Array; name: string; type: string }[]): Promise<void> {
  await page.getByTestId('drop-zone').evaluate(
    (zone, fs) => {
      const dt = new DataTransfer();
      for (const f of fs) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    files.map((f) => ({ b64: Buffer.from(f.bytes).toString('base64'), name: f.name, type: f.type })),
  );
}
