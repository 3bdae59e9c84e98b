// Issue #4's "done when": a 30-page PDF dropped on the page yields every style end to end, with
// the extractive default when no model is loaded, and with a model chunk by chunk on both backends.
import { expect, test } from '@playwright/test';
import { chunkProgress, dropFile, rawSummary, useGreedy, waitForModel, watchProgress } from './app';
import { manuscriptPdf, MANUSCRIPT_TITLE, RUNNING_HEADER } from './manuscript';

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

test('a 30-page PDF with no model: every style, extractive, without running headers, page numbers or references', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'no model: backend-independent; run once');
  const m = await manuscriptPdf();
  expect(m.pages).toBeGreaterThanOrEqual(30);
  await page.goto('/');
  await dropFile(page, m.pdf, 'open-practices-reader.pdf', 'application/pdf');

  const list = page.getByTestId('section-list');
  await expect(list).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('paper-title')).toHaveText(MANUSCRIPT_TITLE);
  for (const part of m.parts) await expect(list).toContainText(part.replace(/^\d+ /, ''));
  await expect(list.getByRole('checkbox', { name: /References/ })).not.toBeChecked();
  const text = await page.getByTestId('paper-input').inputValue();
  expect(text).not.toContain(RUNNING_HEADER);
  expect(text).not.toMatch(/(^|\n)\d{1,2}(\n|$)/);
  expect(text).toContain('Biomedical informatics has the opportunity');

  const out: Record<string, string> = {};
  for (const style of ['tldr', 'key_points', 'sections', 'lay', 'abstract']) {
    await page.getByTestId('style').selectOption(style);
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('status')).toContainText('done', { timeout: 30_000 });
    await expect(page.getByTestId('summary-kind')).toHaveAttribute('data-kind', 'extractive');
    out[style] = await rawSummary(page);
    expect(out[style], style).not.toContain(RUNNING_HEADER);
    expect(out[style], style).not.toMatch(/Journal of Examples|A cited work number/);
  }
  expect(words(out.tldr)).toBeGreaterThan(5);
  expect(words(out.tldr)).toBeLessThan(words(out.abstract));
  expect(out.key_points.split('\n').filter((l) => /^\s*[-*] \S/.test(l)).length).toBeGreaterThanOrEqual(3);
  // Section by section: a heading and a few lines for many sections, each heading one the app found.
  const headings = out.sections.split('\n').flatMap((l) => /^#{1,4} (.+)$/.exec(l)?.[1] ?? []);
  expect(headings.length).toBeGreaterThanOrEqual(10);
  const listed = await list.textContent();
  for (const h of headings) expect(listed).toContain(h);
  expect(words(out.lay)).toBeGreaterThan(10);
});

test('a 30-page PDF with a model: map-reduce over chunks, progress shown, on this backend', async ({ page }, info) => {
  test.setTimeout(300_000);
  const m = await manuscriptPdf();
  await page.goto(`/?model=fixtures/tiny-bart&backend=${info.project.name}`);
  await waitForModel(page);
  await expect(page.getByTestId('backend')).toContainText(info.project.name);
  await dropFile(page, m.pdf, 'open-practices-reader.pdf', 'application/pdf');
  await expect(page.getByTestId('section-list')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('style').selectOption('key_points');
  await useGreedy(page, 8);
  await watchProgress(page);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 280_000 });
  await expect(page.getByTestId('summary-kind')).toHaveAttribute('data-kind', 'abstractive');
  const { steps } = await chunkProgress(page);
  expect(steps.length).toBeGreaterThanOrEqual(2);
  expect(steps[0][1]).toBeGreaterThanOrEqual(8);
  expect((await rawSummary(page)).length).toBeGreaterThan(0);
});
