// Accessibility: axe-core's WCAG 2.x A/AA rules over the page in its main states (empty, with a
// paper and its sections, with a finished summary and the settings open), light and dark.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { paperAsText } from './paper';

test.beforeEach(({}, info) => test.skip(info.project.name !== 'wasm', 'backend-independent; run once'));

async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no WCAG A/AA violations, ${colorScheme}`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId('paper-input')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await page.getByTestId('paper-input').fill(paperAsText());
    await page.getByTestId('section-list').waitFor();
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('status')).toContainText('done');
    await page.getByTestId('settings').locator('summary').click();
    expect(await violations(page)).toEqual([]);
    // The check does look: an unlabeled image added to the page is reported.
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: '/icons/icon.svg' })));
    expect((await violations(page)).some((v) => v.startsWith('image-alt'))).toBe(true);
    await context.close();
  });
}
