import { expect, test } from '@playwright/test';

test('a 100k-word paste is counted and structured without freezing the page', async ({ page }) => {
  await page.goto('/');
  const words = 100_000;
  const para = 'Sparse routing sends each token to two of eight experts while a balancing loss keeps them busy. ';
  const perPara = para.trim().split(/\s+/).length;
  let text = 'A Very Long Paper\n\n';
  let n = 0;
  let section = 1;
  while (n + perPara <= words) {
    if (n % 5000 === 0) text += `\n${section++} Section\n\n`;
    text += para;
    n += perPara;
    if (n % 250 === 0) text += '\n\n';
  }
  // Long tasks (main thread busy > 50 ms) while the paste is counted and structured.
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
  });
  await page.getByTestId('paper-input').fill(text);
  const expected = text.split(/\s+/).filter(Boolean).length;
  await expect(page.getByTestId('word-count')).toHaveText(`${expected.toLocaleString('en-US')} words`);
  await expect(page.getByTestId('section-list')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('section-list')).toContainText('Section');
  // Typing still works after the paste.
  await page.getByTestId('paper-input').press('End');
  await page.keyboard.type(' extra');
  await expect(page.getByTestId('word-count')).toHaveText(`${(expected + 1).toLocaleString('en-US')} words`);
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  // Loose bound (2 shared cores): the main thread never tokenizes or parses, so no task comes
  // near the seconds a synchronous structure pass over 100k words would take.
  expect(Math.max(0, ...long), `long tasks: ${long.map(Math.round).join(', ')} ms`).toBeLessThan(1500);
});
