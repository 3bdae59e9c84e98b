import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { markdownToPlainText } from '../src/app/markdown/parse';
import { rawSummary, useGreedy, waitForModel } from './app';
import { PAPER, paperAsText } from './paper';

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: dl.suggestedFilename(), text: await readFile((await dl.path())!, 'utf8') };
}

test('each download holds the summary shown, with model, backend and settings', async ({ page }) => {
  await page.goto('/?model=fixtures/tiny-bart');
  await waitForModel(page);
  const backend = (await page.getByTestId('backend').textContent())!.split(' ')[0];
  await page.getByTestId('paper-input').fill(paperAsText());
  await useGreedy(page, 16);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });
  const shown = await rawSummary(page);
  expect(shown.length).toBeGreaterThan(0);
  const base = 'sparse-routing-improves-small-language-models-summary';

  const md = await download(page, 'download-md');
  expect(md.name).toBe(`${base}.md`);
  expect(md.text.startsWith(`# ${PAPER.title}\n`)).toBe(true);
  expect(md.text).toContain(shown.trim());
  expect(md.text).toContain('Abstractive summary by fixtures/tiny-bart');

  const txt = await download(page, 'download-txt');
  expect(txt.name).toBe(`${base}.txt`);
  expect(txt.text).toContain(markdownToPlainText(shown));

  const json = await download(page, 'download-json');
  expect(json.name).toBe(`${base}.json`);
  const record = JSON.parse(json.text);
  expect(record).toMatchObject({
    title: PAPER.title,
    summary: shown,
    kind: 'abstractive',
    partial: false,
    modelId: 'fixtures/tiny-bart',
    backend,
    style: 'tldr',
    length: 'medium',
    generation: { num_beams: 1, do_sample: false, max_new_tokens: 16 },
  });
  expect(record.sectionsIncluded).not.toContain('References');
  expect(record.sourceWordCount).toBeGreaterThan(100);
  expect(record.timings.summaryMs).toBeGreaterThan(0);
  expect(new Date(record.date).toString()).not.toBe('Invalid Date');
});
