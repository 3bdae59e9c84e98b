// Asking the paper without a model, on both backends' pages: quoted passages with their section,
// citation markers that open the paper at the cited sentences, "not addressed" for a question the
// paper does not answer, a follow-up, the conversation kept across a reload and downloaded.
import { expect, test, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { paperAsText } from './paper';

/** `npm run models` makes the embedder; CI always has it, so there the hybrid path must run. */
const EMBEDDER = existsSync(join(import.meta.dirname, '../models/local/all-minilm-l6-v2/onnx/model_quantized.onnx')) || !!process.env.CI;

async function askQuestion(page: Page, question: string): Promise<void> {
  await page.getByTestId('ask-input').fill(question);
  await page.getByTestId('ask-submit').click();
  await expect(page.getByTestId('status')).toContainText('answer done');
}

test('a question is answered with quoted passages that open the paper at their sentences, and the conversation survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('paper-input').fill(paperAsText());
  await expect(page.getByTestId('paper-title')).toContainText('Sparse Routing');

  await askQuestion(page, 'How many expert networks does each layer hold?');
  const answer = page.getByTestId('answer');
  await expect(answer).toHaveAttribute('data-kind', 'quoted');
  // With the site's embedder, passages are found by meaning as well (hybrid retrieval in the worker).
  if (EMBEDDER) await expect(page.getByTestId('ask-panel')).toContainText('found by words and by meaning (all-minilm-l6-v2)');
  await expect(answer).toContainText('Quoted passages from the paper');
  const first = answer.getByTestId('source').first();
  await expect(first).toContainText('Method');
  await expect(first).toContainText('Each layer holds eight expert networks and a router.');

  // The marker opens the paper view with the cited sentences highlighted.
  await first.getByTestId('citation').click();
  const marked = page.getByTestId('paper-view').getByTestId('highlighted-sentence');
  await expect(marked.first()).toBeVisible();
  await expect(marked.filter({ hasText: 'Each layer holds eight expert networks' })).toHaveCount(1);

  // A follow-up borrows the previous question's subject.
  await askQuestion(page, 'And how many does the router pick?');
  await expect(page.getByTestId('answer').getByTestId('source').first()).toContainText('The router picks two experts for every token.');

  await askQuestion(page, 'Which telescope observed the distant galaxies?');
  await expect(page.getByTestId('answer')).toHaveAttribute('data-kind', 'not-found');
  await expect(page.getByTestId('answer')).toContainText('The paper does not seem to address this.');
  await expect(page.getByTestId('past-answer')).toHaveCount(2);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ask-download').click()]);
  const file = await readFile((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toMatch(/questions\.md$/);
  expect(file).toContain('## How many expert networks does each layer hold?');
  expect(file).toContain('**Method**: Each layer holds eight expert networks');

  await page.reload();
  await expect(page.getByTestId('paper-title')).toContainText('Sparse Routing');
  await expect(page.getByTestId('conversation').locator('.question')).toHaveText([
    'How many expert networks does each layer hold?',
    'And how many does the router pick?',
    'Which telescope observed the distant galaxies?',
  ]);
  await expect(page.getByTestId('answer')).toHaveAttribute('data-kind', 'not-found');
});

test('an empty question is refused in words', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('paper-input').fill(paperAsText());
  await page.getByTestId('ask-submit').click();
  await expect(page.getByTestId('ask-error')).toHaveText('Type a question about the paper first.');
});
