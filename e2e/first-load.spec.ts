// What a new user's first page load costs: no failing request and no console error (the console
// is the first thing a curious user or a self-hoster opens), and the one request that tells the
// page which models this site serves, read live by the preview server.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { waitForModel } from './app';

test.beforeEach(({}, info) => test.skip(info.project.name !== 'wasm', 'backend-independent; run once'));

/** Every response with an error status and every console error of the page, from before it loads. */
function watch(page: Page): { failed: string[]; errors: string[]; requests: string[] } {
  const seen = { failed: [] as string[], errors: [] as string[], requests: [] as string[] };
  page.on('request', (r) => seen.requests.push(new URL(r.url()).pathname));
  page.on('response', (r) => {
    if (r.status() >= 400) seen.failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => seen.failed.push(`${r.failure()?.errorText ?? 'failed'} ${r.url()}`));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  return seen;
}

test('a fresh page load makes no failing request and logs no console error', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/');
  // The catalogue is settled once the picker has its models; give late requests a moment.
  await expect(page.getByTestId('model-select').locator('option')).not.toHaveCount(1);
  await page.waitForLoadState('networkidle');
  expect(seen.failed).toEqual([]);
  expect(seen.errors).toEqual([]);
  // One look at the site's model index, no probe per catalogue model.
  expect(seen.requests.filter((p) => p === '/models/index.json')).toHaveLength(1);
  expect(seen.requests.filter((p) => p.startsWith('/models/') && p !== '/models/index.json')).toEqual([]);
});

test('the model index lists the served folders, and a fixture still loads with ?model=', async ({ page, request }) => {
  const index = await (await request.get('/models/index.json')).json();
  expect(index.format).toBe('paperlens-model-index');
  expect(index.folders).toContain('fixtures/tiny-bart');
  // Sources next to the models are not models.
  expect(index.folders.some((f: string) => f.endsWith('.ts'))).toBe(false);
  // A folder named by ?model= is read directly, index or not (it probes which dtypes exist).
  await page.goto('/?model=fixtures/tiny-bart');
  await waitForModel(page);
});

test('a model put under models/local/ is found on the next page load and marked served by this site', async ({ page }) => {
  // A catalogue model nobody fetches here: only its config.json, enough for the index to list it.
  const folder = join(import.meta.dirname, '../models/local/distilbart-cnn-6-6');
  test.skip(existsSync(folder), 'a real copy is there; leave it alone');
  await page.goto('/');
  await page.getByTestId('model-select').selectOption('distilbart-cnn-6-6');
  await expect(page.getByTestId('model-detail')).toContainText('downloads from the Hugging Face hub');
  mkdirSync(folder, { recursive: true });
  try {
    writeFileSync(join(folder, 'config.json'), '{}');
    const seen = watch(page);
    await page.goto('/');
    await expect(page.getByTestId('model-select').locator('option')).not.toHaveCount(1);
    await page.getByTestId('model-select').selectOption('distilbart-cnn-6-6');
    await expect(page.getByTestId('model-detail')).toContainText('served by this site');
    expect(seen.requests.filter((p) => p === '/models/index.json')).toHaveLength(1);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
