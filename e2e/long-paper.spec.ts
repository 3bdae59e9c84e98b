import { expect, test } from '@playwright/test';
import { waitForModel } from './app';

test('a paper longer than the model input is summarized chunk by chunk, with progress', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'backend-independent; SwiftShader would make it slow');
  const topics = ['routing', 'experts', 'latency', 'accuracy', 'training', 'memory', 'phones', 'laptops', 'tokens', 'layers'];
  let text = 'A Long Study of Sparse Models\n\n';
  for (let s = 1; s <= 6; s++) {
    text += `${s} Part ${s}\n\n`;
    for (let i = 0; i < 40; i++) {
      const a = topics[(s * 7 + i) % topics.length];
      const b = topics[(s + i * 3) % topics.length];
      text += `In experiment ${s}.${i} the ${a} of the model changed the ${b} by ${(i * 7 + s) % 23} percent on benchmark ${i % 5}. `;
    }
    text += '\n\n';
  }
  await page.goto('/?model=fixtures/tiny-bart');
  await waitForModel(page);
  await page.getByTestId('paper-input').fill(text);
  await page.getByTestId('settings').locator('summary').click();
  await page.getByTestId('strategy').selectOption('greedy');
  await page.getByTestId('max-tokens').fill('8');
  await page.evaluate(() => {
    const w = window as unknown as { __labels: string[] };
    w.__labels = [];
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="run-progress"]')?.textContent ?? '';
      if (t && w.__labels.at(-1) !== t) w.__labels.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 80_000 });
  const labels = await page.evaluate(() => (window as unknown as { __labels: string[] }).__labels);
  const chunks = labels.map((l) => /chunk (\d+) of (\d+)/.exec(l)).filter((m) => m !== null);
  expect(chunks.length, labels.join(' | ')).toBeGreaterThanOrEqual(2);
  expect(Number(chunks[0]![2])).toBeGreaterThanOrEqual(2);
  expect((await page.getByTestId('summary-output').getAttribute('data-raw'))?.length).toBeGreaterThan(0);
});
