// Nothing leaked: no request leaves the origin, the page runs under a strict CSP, and paper text or
// summaries that contain markup render as inert text.
import { expect, test, type Page } from '@playwright/test';
import { rawSummary } from './app';
import { paperAsText, PAPER } from './paper';

test.beforeEach(({}, info) => test.skip(info.project.name !== 'wasm', 'backend-independent; run once'));
// Every request must pass through context.route: a service worker would answer some itself.
test.use({ serviceWorkers: 'block' });

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const JS_LINK = '[read more](javascript:window.__pwned=3)';

/**
 * A paper whose every abstract sentence carries markup and a javascript: link, so whichever of them
 * the ranker picks, the summary holds the hostile text (the test must not depend on ranking).
 */
function hostilePaper(): string {
  const abstract = PAPER.sections[0].text.split('. ').map((s) => `${s} ${IMG} and ${SCRIPT} ${JS_LINK}`);
  return paperAsText().replace(PAPER.sections[0].text, abstract.join('. '));
}

async function expectInert(page: Page): Promise<void> {
  const out = page.getByTestId('summary-output');
  await expect(out.locator('img, script, iframe, object, embed, [onerror]')).toHaveCount(0);
  await expect(out.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i], [onerror]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}

test('paste, summarize, download: every request is same-origin, under CSP, with no violation', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  page.on('dialog', (d) => {
    foreign.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toMatch(/\s'unsafe-eval'/);
  expect(csp).not.toMatch(/\s\*(\s|;|$)/);
  expect(response!.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("object-src 'none'");
  await page.evaluate(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  await page.getByTestId('paper-input').fill(hostilePaper());
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done');
  const download = page.waitForEvent('download');
  await page.getByTestId('download-md').click();
  expect(await (await download).path()).toBeTruthy();

  // The hostile sentences were picked: the test is about them, not about a clean summary.
  const raw = await rawSummary(page);
  expect(raw).toContain('<img src=x');
  await expectInert(page);
  await expect(page.getByTestId('summary-output')).toContainText('<img src=x onerror=');
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  expect(foreign).toEqual([]);
});

test('an imported history with hostile summaries and names renders inert', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('/');
  const record = {
    title: `Paper ${IMG}`,
    summary: `# Heading ${SCRIPT}\n\n- point ${IMG}\n- ${JS_LINK}\n- [ok](https://example.org/paper)\n\n<iframe src="javascript:alert(1)"></iframe>`,
    kind: 'abstractive',
    partial: false,
    modelId: `model ${IMG}`,
    backend: 'wasm',
    threads: 1,
    fellBack: null,
    style: 'key_points',
    length: 'short',
    generation: null,
    sectionsIncluded: ['Abstract'],
    timings: null,
    sourceName: 'paste',
    sourceWordCount: 10,
    date: '2025-01-01T00:00:00.000Z',
  };
  const file = JSON.stringify({ format: 'paperlens-history', version: 1, entries: [{ name: `Named ${IMG}`, record }] });
  await page.getByTestId('history-import-file').setInputFiles({ name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByTestId('history-note')).toContainText('Imported 1 summary');
  await expect(page.getByTestId('history-open')).toContainText(`Named ${IMG}`);
  await page.getByTestId('history-open').click();
  await expect(page.getByTestId('summary-output')).toContainText('point <img src=x');
  // A safe link stays a link, with no referrer and no opener.
  await expect(page.getByTestId('summary-output').locator('a[href="https://example.org/paper"]')).toHaveAttribute('rel', /noopener/);
  await expectInert(page);
  expect(dialogs).toBe(0);
});

test('under the CSP, pdf.js still reads a PDF in the worker', async ({ page }) => {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const p = doc.addPage([612, 792]);
  p.drawText('Routing Under Policy', { x: 72, y: 720, size: 18, font });
  p.drawText('Abstract', { x: 72, y: 680, size: 12, font });
  p.drawText('Strict content security policies leave text extraction working.', { x: 72, y: 660, size: 10, font });
  const bytes = Buffer.from(await doc.save());
  await page.goto('/');
  await page.evaluate(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.getByTestId('file-input').setInputFiles({ name: 'policy.pdf', mimeType: 'application/pdf', buffer: bytes });
  await expect(page.getByTestId('paper-input')).toHaveValue(/leave text extraction working/);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
});
