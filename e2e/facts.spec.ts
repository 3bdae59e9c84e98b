// The facts card without a model, on both projects: a real CC-BY paper (Himmelstein et al.,
// Project Rephetio, test/data/papers) read from its Markdown; values link to their sentences; the
// card downloads as JSON, CSV, Markdown and BibTeX.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const PAPER = readFileSync(join(import.meta.dirname, '../test/data/papers/rephetio.body.md'), 'utf8');

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: dl.suggestedFilename(), text: await readFile((await dl.path())!, 'utf8') };
}

test('the facts card of a real paper: title, data, numbers, each opening its sentence, and four downloads', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('paper-input').fill(PAPER);
  await expect(page.getByTestId('paper-title')).toContainText('Systematic integration');
  await page.getByTestId('facts-extract').click();
  await expect(page.getByTestId('status')).toContainText('facts done');

  const card = page.getByTestId('facts');
  await expect(card.getByTestId('facts-title')).toContainText('Systematic integration of biomedical knowledge prioritizes drugs for repurposing');
  await expect(card.getByTestId('facts-datasets')).toContainText('Hetionet');
  const result = card.getByTestId('facts-results').getByTestId('fact').filter({ hasText: '47,031' });
  await expect(result).toHaveCount(1);
  await result.getByTestId('fact-source').click();
  await expect(page.getByTestId('highlighted-sentence').filter({ hasText: 'The hetnet contains 47,031 nodes' })).toHaveCount(1);

  const json = await download(page, 'facts-download-json');
  expect(json.name).toMatch(/-facts\.json$/);
  const facts = JSON.parse(json.text);
  expect(facts.title.value).toBe('Systematic integration of biomedical knowledge prioritizes drugs for repurposing');
  expect(facts.results.some((r: { value: string; refs: unknown[] }) => r.value === '47,031' && r.refs.length === 1)).toBe(true);
  const csv = await download(page, 'facts-download-csv');
  expect(csv.text.split('\n')[0]).toMatch(/^field,/);
  expect(csv.text).toContain('47,031');
  const md = await download(page, 'facts-download-md');
  expect(md.text).toMatch(/^# Facts/m);
  const bib = await download(page, 'facts-download-bib');
  expect(bib.text).toMatch(/^@\w+\{\w+,/);
  expect(bib.text).toContain('title = {Systematic integration of biomedical knowledge prioritizes drugs for repurposing}');
});
