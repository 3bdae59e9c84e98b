import { expect, test } from '@playwright/test';
import { paperAsText, paperSentences } from './paper';

test('without ?model= a pasted paper gets an extractive summary labelled as such', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('backend')).toContainText('no model');
  await page.getByTestId('paper-input').fill(paperAsText());
  await expect(page.getByTestId('word-count')).not.toHaveText('0 words');
  await page.getByTestId('summarize').click();

  await expect(page.getByTestId('status')).toContainText('done');
  const kind = page.getByTestId('summary-kind');
  await expect(kind).toHaveAttribute('data-kind', 'extractive');
  await expect(kind).toContainText('Extractive summary — no AI model loaded');

  const raw = (await page.getByTestId('summary-output').getAttribute('data-raw')) ?? '';
  expect(raw.trim().length).toBeGreaterThan(20);
  // Extractive means quoted: every sentence of the summary is a sentence of the paper.
  const known = paperSentences();
  const quoted = raw
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*]|\d+\.)\s+/, '').replace(/^#+\s.*$/, '').trim())
    .filter(Boolean)
    .flatMap((l) => l.split(/(?<=\.)\s+/));
  expect(quoted.length).toBeGreaterThan(0);
  for (const s of quoted) expect(known, `"${s}" should be a sentence of the paper`).toContain(s.replace(/\*\*/g, ''));
  // References are excluded by default.
  expect(raw).not.toContain('Journal of Models');
});

test('key points draw on the body and the authors’ abstract is shown beside them', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('paper-input').fill(paperAsText());
  await page.getByTestId('style').selectOption('key_points');
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done');
  const raw = (await page.getByTestId('summary-output').getAttribute('data-raw')) ?? '';
  expect(raw).not.toContain('We study sparse routing in small language models.');
  const abstract = page.getByTestId('paper-abstract');
  await expect(abstract).toContainText("The authors' abstract");
  await abstract.locator('summary').click();
  await expect(abstract).toContainText('We study sparse routing in small language models.');
});
