import { expect, test } from '@playwright/test';
import { rawSummary, waitForModel } from './app';
import { paperAsText } from './paper';

test('Stop ends the run at once, keeps the partial text, and the app can summarize again', async ({ page }, info) => {
  // Long enough to still be running when Stop is pressed: min = max forbids an early end.
  const tokens = info.project.name === 'webgpu' ? 80 : 800;
  await page.goto('/?model=fixtures/tiny-bart&deltaMs=0');
  await waitForModel(page);
  await page.getByTestId('paper-input').fill(paperAsText());
  await page.getByTestId('settings').locator('summary').click();
  await page.getByTestId('strategy').selectOption('greedy');
  await page.getByTestId('max-tokens').fill(String(tokens));
  await page.getByTestId('min-tokens').fill(String(tokens));

  await page.getByTestId('summarize').click();
  const output = page.getByTestId('summary-output');
  await expect(output).toHaveAttribute('data-raw', /\S/);
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('status')).toContainText('stopped');
  const kept = await rawSummary(page);
  expect(kept.length).toBeGreaterThan(0);
  await expect(page.getByTestId('summary-kind')).toContainText('partial text kept');
  await expect(page.getByTestId('stop')).toBeDisabled();
  // Nothing more arrives after Stop.
  await page.waitForTimeout(500);
  expect(await rawSummary(page)).toBe(kept);

  // Again, from the keyboard this time, with a short run that finishes.
  await page.getByTestId('max-tokens').fill('12');
  await page.getByTestId('min-tokens').fill('');
  await page.getByTestId('paper-input').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });
  const second = await rawSummary(page);
  expect(second.length).toBeGreaterThan(0);
  expect(second).not.toBe(kept);
});
