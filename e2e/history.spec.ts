// The history outlives the browser: a persistent profile (a real user-data-dir, since neither
// storageState nor a fresh context carries IndexedDB) is closed and opened again.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { rawSummary } from './app';
import { paperAsText, PAPER } from './paper';

test.beforeEach(({}, info) => test.skip(info.project.name !== 'wasm', 'backend-independent; run once'));

let profile: string | null = null;
test.beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'paperlens-profile-'));
});
test.afterEach(() => {
  if (profile) rmSync(profile, { recursive: true, force: true });
  profile = null;
});

test('history and draft survive closing the browser; rename, reopen, download, delete, export and import', async ({ playwright, baseURL }, info) => {
  const open = (): Promise<BrowserContext> =>
    playwright.chromium.launchPersistentContext(profile!, { ...info.project.use.launchOptions, baseURL, acceptDownloads: true });

  let context = await open();
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/?testHooks=1');
  await page.getByTestId('paper-input').fill(paperAsText());
  await page.getByTestId('length-short').click();
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done');
  const summary = await rawSummary(page);
  const entry = page.getByTestId('history-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('data-kind', 'extractive');
  await expect(page.getByTestId('history-open')).toHaveText(PAPER.title);
  await page.getByTestId('history-rename').click();
  await page.getByTestId('history-rename-input').fill('Routing notes');
  await page.getByTestId('history-rename-input').press('Enter');
  await expect(page.getByTestId('history-open')).toHaveText('Routing notes');
  await page.getByTestId('paper-input').fill(`${paperAsText()}\n\nA sentence typed after the summary.`);
  // The draft is saved after a pause in typing; do not make the test wait for the pause.
  await page.evaluate(() => (window as unknown as { __paperlens: { flushPersistence(): Promise<void> } }).__paperlens.flushPersistence());
  await context.close();

  context = await open();
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await expect(page.getByTestId('paper-input')).toHaveValue(/A sentence typed after the summary\.$/);
  // Restored: the "restoring" notice is gone and the box takes typing again.
  await expect(page.getByTestId('paper-restoring')).toHaveCount(0);
  await expect(page.getByTestId('paper-input')).toBeEditable();
  await expect(page.getByTestId('length-short').locator('input')).toBeChecked();
  await expect(page.getByTestId('history-open')).toHaveText('Routing notes');
  await page.getByTestId('history-open').click();
  await expect(page.getByTestId('summary-output')).toHaveAttribute('data-raw', summary);
  await expect(page.getByTestId('summary-kind')).toHaveAttribute('data-kind', 'extractive');

  const md = page.waitForEvent('download');
  await page.getByTestId('history-download-md').click();
  const mdFile = await md;
  expect(mdFile.suggestedFilename()).toBe('routing-notes-summary.md');
  expect(readFileSync((await mdFile.path())!, 'utf8')).toContain(summary.trim());

  const exported = page.waitForEvent('download');
  await page.getByTestId('history-export').click();
  const historyPath = join(profile!, 'exported.json');
  await (await exported).saveAs(historyPath);

  await page.getByTestId('history-delete').click();
  await expect(page.getByTestId('history-entry')).toHaveCount(0);

  // A broken file is refused in words and changes nothing.
  const broken = join(profile!, 'broken.json');
  writeFileSync(broken, '{"format": "paperlens-history", "version": 1, "entries": [{"record": {"summary": ""}}]}');
  await page.getByTestId('history-import-file').setInputFiles(broken);
  await expect(page.getByTestId('history-note')).toContainText('Nothing was imported: summary 1:');
  await expect(page.getByTestId('history-entry')).toHaveCount(0);

  await page.getByTestId('history-import-file').setInputFiles(historyPath);
  await expect(page.getByTestId('history-note')).toContainText('Imported 1 summary');
  await expect(page.getByTestId('history-open')).toHaveText('Routing notes');
  await context.close();
});

test('without IndexedDB (blocked site data) the app works, keeps the history for the tab and says so', async ({ page }) => {
  await page.addInitScript(() =>
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('Access to IndexedDB is denied in this context.', 'SecurityError');
      },
    }),
  );
  await page.goto('/');
  await expect(page.getByTestId('storage-problem')).toContainText('does not let PaperLens save anything');
  await page.getByTestId('paper-input').fill(paperAsText());
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done');
  await expect(page.getByTestId('history-entry')).toHaveCount(1);
  await expect(page.getByTestId('history-memory')).toContainText('until this tab closes');
});
