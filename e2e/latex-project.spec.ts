import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { gzipSync } from 'fflate';
import { createTar } from 'nanotar';
import { readTree } from '../test/support/tree';
import { dropFile, dropFiles, rawSummary, useGreedy, waitForModel } from './app';

// The multi-file project written for the tests (test/data/latex-project/README.md).
const DIR = join(import.meta.dirname, '../test/data/latex-project');

// The README is not part of the LaTeX project.
const projectFiles = () => readTree(DIR).filter((f) => /\.(tex|bbl)$/.test(f.path));

const TITLE = 'GlacierFlow: Tracking Glacier Retreat from Satellite Radar';

async function expectProjectRead(page: import('@playwright/test').Page) {
  const list = page.getByTestId('section-list');
  await expect(list).toBeVisible();
  for (const title of ['Abstract', 'Introduction', 'Method', 'Results', 'Conclusion', 'Training details', 'References']) {
    await expect(list).toContainText(title);
  }
  await expect(page.getByTestId('paper-title')).toHaveText(TITLE);
  await expect(list.getByRole('checkbox', { name: /Method/ })).toBeChecked();
  // The appendix and the reference list are left out of the default selection.
  await expect(list.getByRole('checkbox', { name: /Training details/ })).not.toBeChecked();
  await expect(list.getByRole('checkbox', { name: /References/ })).not.toBeChecked();
  await expect(page.getByTestId('paper-input')).toHaveValue(/Section 2 describes our method/);
}

test('a dropped arXiv-style .tar.gz of a multi-file LaTeX paper is read from its main file and summarized', async ({ page }) => {
  await page.goto('/?model=fixtures/tiny-bart&deltaMs=0');
  await waitForModel(page);
  const tgz = gzipSync(createTar(projectFiles().map((f) => ({ name: f.path, data: f.bytes }))));
  await dropFile(page, tgz, '2401.00001.tar.gz', 'application/gzip');
  await expectProjectRead(page);

  await useGreedy(page, 24);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });
  expect((await rawSummary(page)).trim().length).toBeGreaterThan(0);
});

test('several loose files of a LaTeX project dropped together are one paper', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'reading files does not depend on the backend');
  await page.goto('/');
  await dropFiles(page, projectFiles().map((f) => ({ bytes: f.bytes, name: f.path.replace(/^.*\//, ''), type: 'text/x-tex' })));
  await expectProjectRead(page);
});
