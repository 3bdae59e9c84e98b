// Nothing lost: a reload in the middle of a summary, and a worker killed the way an out-of-memory
// kill does. Both on the wasm project only: they test the app's bookkeeping, not the backend.
import { expect, test, type Page } from '@playwright/test';
import { rawSummary, waitForModel } from './app';
import { paperAsText } from './paper';

const MODEL = 'fixtures/tiny-bart';

test.beforeEach(({}, info) => test.skip(info.project.name !== 'wasm', 'backend-independent; run once'));

/** A long greedy run (min = max tokens, so the random fixture cannot stop early). */
async function longRun(page: Page, tokens: number): Promise<void> {
  await page.getByTestId('settings').locator('summary').click();
  await page.getByTestId('strategy').selectOption('greedy');
  await page.getByTestId('max-tokens').fill(String(tokens));
  await page.getByTestId('min-tokens').fill(String(tokens));
}

async function streamingStarted(page: Page): Promise<string> {
  await expect(page.getByTestId('summary-output')).toHaveAttribute('data-raw', /\S{3}/, { timeout: 30_000 });
  await expect(page.getByTestId('status')).toContainText('summarizing');
  return rawSummary(page);
}

test('a reload during generation keeps the text and the partial summary, marked partial', async ({ page }) => {
  await page.goto(`/?model=${MODEL}&testHooks=1`);
  await waitForModel(page);
  await page.getByTestId('paper-input').fill(paperAsText());
  await longRun(page, 1000);
  await page.getByTestId('summarize').click();
  const before = await streamingStarted(page);
  await page.evaluate(() => (window as unknown as { __paperlens: { flushPersistence(): Promise<void> } }).__paperlens.flushPersistence());
  // Still running: the reload really interrupts the summary.
  await expect(page.getByTestId('status')).toContainText('summarizing');
  await page.reload();

  await expect(page.getByTestId('paper-input')).toHaveValue(paperAsText());
  await expect(page.getByTestId('partial-restored')).toBeVisible();
  await expect(page.getByTestId('status')).toContainText('partial');
  const after = await rawSummary(page);
  expect(after.startsWith(before.trimEnd()), `restored "${after.slice(0, 60)}" should continue "${before.slice(0, 60)}"`).toBe(true);
  // The interrupted summary is not mistaken for a finished one.
  await expect(page.getByTestId('history-entry')).toHaveCount(0);
});

test('a killed worker is noticed and replaced; text and partial output stay; Retry finishes', async ({ page }) => {
  await page.goto(`/?model=${MODEL}&testHooks=1`);
  await waitForModel(page);
  await page.getByTestId('paper-input').fill(paperAsText());
  await longRun(page, 1000);
  await page.getByTestId('summarize').click();
  await streamingStarted(page);
  await page.evaluate(() => (window as unknown as { __paperlens: { killWorker(): void } }).__paperlens.killWorker());
  const partial = await rawSummary(page);

  const notice = page.getByTestId('worker-crash');
  await expect(notice).toContainText('stopped responding', { timeout: 15_000 });
  await expect(notice).toContainText('Your text and the summary written so far are kept');
  await expect(page.getByTestId('paper-input')).toHaveValue(paperAsText());
  expect((await rawSummary(page)).startsWith(partial.trimEnd())).toBe(true);

  // The fresh worker reloads the model; then Retry writes a complete summary.
  await waitForModel(page);
  await page.getByTestId('min-tokens').fill('');
  await page.getByTestId('max-tokens').fill('12');
  await expect(page.getByTestId('retry')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('retry').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });
  await expect(page.getByTestId('worker-crash')).toHaveCount(0);
  await expect(page.getByTestId('summary-kind')).toHaveAttribute('data-kind', 'abstractive');
  expect((await rawSummary(page)).trim().length).toBeGreaterThan(0);
});

test('bad input gets a plain answer and never replaces the text already entered', async ({ page }) => {
  await page.goto('/');
  // Nothing to summarize: the button says why instead of failing.
  await expect(page.getByTestId('summarize')).toBeDisabled();
  await expect(page.getByTestId('summarize')).toHaveAttribute('title', /Paste a paper or drop a file first/);
  await page.getByTestId('paper-input').fill(' \n\t ');
  await expect(page.getByTestId('summarize')).toBeDisabled();

  await page.getByTestId('paper-input').fill(paperAsText());
  const files = [
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), says: 'a PNG image' },
    { name: 'cut.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'), says: 'damaged or incomplete' },
    { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)), says: 'binary data' },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0), says: 'no text to summarize' },
    { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff]), says: 'reads .pdf, .txt, .md and .tex' },
  ];
  for (const f of files) {
    await page.getByTestId('file-input').setInputFiles({ name: f.name, mimeType: f.mimeType, buffer: f.buffer });
    await expect(page.getByTestId('ingest-error')).toContainText(f.says);
    await expect(page.getByTestId('paper-input')).toHaveValue(paperAsText());
  }
  // A paste of control characters, right-to-left text and a huge unpunctuated "sentence" still summarizes.
  const odd = `Odd input\n\n\u0001\u0002 שלום עולם مرحبا e\u0301 ${'token '.repeat(30_000)}\n\n${paperAsText()}`;
  await page.getByTestId('paper-input').fill(odd);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });
  await expect(page.getByTestId('paper-input')).toHaveValue(odd);
});

test('a device reporting little memory is warned when a model is chosen', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'deviceMemory', { get: () => 0.25 }));
  await page.goto('/');
  await expect(page.getByTestId('backend')).toContainText('no model');
  await expect(page.getByTestId('memory-warning')).toHaveCount(0);
  await page.goto(`/?model=${MODEL}`);
  await expect(page.getByTestId('memory-warning')).toContainText('this device reports 0.25 GB');
});
