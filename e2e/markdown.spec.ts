import { expect, test } from '@playwright/test';
import { paperAsText } from './paper';

test.beforeEach(({}, info) => test.skip(info.project.name !== 'wasm', 'rendering does not depend on the backend'));

test('finished summaries render as Markdown: headings per section, bullets for key points', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('paper-input').fill(paperAsText());
  await page.getByTestId('style').selectOption('sections');
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done');
  const out = page.getByTestId('summary-output');
  await expect(out.locator('h3, h4, h5').first()).toBeVisible();
  expect(await out.locator('h3, h4, h5').count()).toBeGreaterThanOrEqual(2);

  await page.getByTestId('style').selectOption('key_points');
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done');
  expect(await out.locator('li').count()).toBeGreaterThanOrEqual(2);
  // Markup characters do not leak into the rendered text.
  expect(await out.innerText()).not.toMatch(/^\s*[-*] /m);
});

test('HTML and script links in a paper stay inert text in the summary', async ({ page }) => {
  const hostile =
    'Evil Paper\n\nAbstract\n\n' +
    'Our attack hides <img src=x onerror="window.__pwned=1"> inside a sentence about models. ' +
    'Readers may [click here](javascript:window.__pwned=2) to see the models. ' +
    'The models <script>window.__pwned=3</script> are small. ' +
    'A safe [link](https://example.org/models) points to the models.';
  await page.goto('/');
  await page.getByTestId('paper-input').fill(hostile);
  await page.getByTestId('length-long').click();
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done');
  const out = page.getByTestId('summary-output');
  await expect(out).toContainText('models');
  // The hostile sentences did reach the summary, so the checks below test the renderer.
  const raw = (await out.getAttribute('data-raw')) ?? '';
  expect(raw).toContain('<img src=x');
  expect(raw).toContain('javascript:');
  await expect(out).toContainText('<img src=x onerror=');
  expect(await out.locator('img, script, iframe, [onerror]').count()).toBe(0);
  for (const href of await out.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^(https?:|mailto:|#)/);
  }
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
