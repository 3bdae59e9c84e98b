import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { rawSummary, useGreedy, waitForModel } from './app';
import { paperAsText } from './paper';

test('a model folder picked from disk loads and summarizes', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'the loading path does not depend on the backend');
  await page.goto('/');
  await page.getByTestId('model-folder-input').setInputFiles(join(import.meta.dirname, '../models/fixtures/tiny-bart'));
  await waitForModel(page);
  await expect(page.getByTestId('model-select')).toHaveValue('local/tiny-bart');
  await page.getByTestId('paper-input').fill(paperAsText());
  await useGreedy(page, 8);
  await page.getByTestId('summarize').click();
  await expect(page.getByTestId('status')).toContainText('done', { timeout: 60_000 });
  await expect(page.getByTestId('summary-kind')).toContainText('Abstractive summary by tiny-bart (from disk)');
  expect((await rawSummary(page)).length).toBeGreaterThan(0);
});

test('where the browser has showDirectoryPicker, the button walks the picked folder and loads it', async ({ page }, info) => {
  test.skip(info.project.name !== 'wasm', 'the loading path does not depend on the backend');
  // A stand-in for the folder picker: directory handles whose files come from the served fixture.
  await page.addInitScript(() => {
    const tree: Record<string, string[]> = { '': ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'], onnx: ['encoder_model.onnx', 'decoder_model_merged.onnx'] };
    const file = (dir: string, name: string) => ({
      kind: 'file' as const,
      name,
      getFile: async () => new File([await (await fetch(`/models/fixtures/tiny-bart/${dir ? dir + '/' : ''}${name}`)).blob()], name),
    });
    const dirHandle = (name: string, path: string): unknown => ({
      kind: 'directory',
      name,
      async *values() {
        for (const f of tree[path]) yield file(path, f);
        if (path === '') yield dirHandle('onnx', 'onnx');
      },
    });
    (window as unknown as { __picked: number }).__picked = 0;
    (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = async () => {
      (window as unknown as { __picked: number }).__picked++;
      return dirHandle('picked-bart', '');
    };
  });
  await page.goto('/');
  await page.getByTestId('pick-model-folder').click();
  await waitForModel(page);
  expect(await page.evaluate(() => (window as unknown as { __picked: number }).__picked)).toBe(1);
  await expect(page.getByTestId('model-select')).toHaveValue('local/picked-bart');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-dtype', 'fp32');
});
