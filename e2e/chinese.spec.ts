// The page in Chinese, and Chinese papers through it: the language picker (remembered), the
// browser's language, a pasted Chinese paper counted in characters with its structure and an
// extractive summary without formulas, a Chinese PDF read with the same-origin CMaps, and an
// abstractive summary by the decoder-only fixture on both backends.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cjkPaperPdf } from '../test/pipeline/support/cjkPdf';
import { ZH_PAPER } from '../test/pipeline/support/zhPaper';
import { dropFile, useGreedy, waitForModel } from './app';

test('the language picker switches the page to Chinese and back, and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('summarize')).toHaveText('Summarize');
  await page.getByTestId('language').selectOption('zh');
  await expect(page.getByTestId('summarize')).toHaveText('生成摘要');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('backend')).toContainText('无模型');
  await page.reload();
  await expect(page.getByTestId('language')).toHaveValue('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('summarize')).toHaveText('生成摘要');
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('summarize')).toHaveText('Summarize');
  await expect(page.getByTestId('backend')).toContainText('no model');
});

test.describe('a browser set to Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('a Chinese paper answers a Chinese question with its own passage, and its facts card lists its numbers', async ({ page }) => {
    const paper = readFileSync(join(import.meta.dirname, '../test/data/papers-zh/battery.body.md'), 'utf8');
    await page.goto('/');
    await page.getByTestId('paper-input').fill(paper);
    await expect(page.getByTestId('paper-title')).toContainText('硅碳复合负极材料');
    await page.getByTestId('ask-input').fill('循环500次后容量保持率是多少？');
    await page.getByTestId('ask-submit').click();
    await expect(page.getByTestId('status')).toContainText('回答完成');
    const source = page.getByTestId('answer').getByTestId('source').first();
    await expect(source).toContainText('结果与讨论');
    await expect(source).toContainText('循环500次后容量保持率为82%');
    await source.getByTestId('citation').click();
    await expect(page.getByTestId('highlighted-sentence').filter({ hasText: '容量保持率为82%' })).toHaveCount(1);
    await page.getByTestId('ask-input').fill('电池在零下二十度的低温性能如何？');
    await page.getByTestId('ask-submit').click();
    await expect(page.getByTestId('answer')).toContainText('论文似乎没有涉及这个问题。');
    await page.getByTestId('facts-extract').click();
    await expect(page.getByTestId('status')).toContainText('要素提取完成');
    await expect(page.getByTestId('facts-title')).toContainText('硅碳复合负极材料的制备及其储锂性能');
    await expect(page.getByTestId('facts-results')).toContainText('82');
  });

  test('opens in Chinese; a pasted Chinese paper is counted in characters, structured and summarized without formulas', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('language')).toHaveValue('zh');
    await page.getByTestId('paper-input').fill(ZH_PAPER);
    await expect(page.getByTestId('word-count')).toHaveText(/^[\d,]+ 字/);
    const list = page.getByTestId('section-list');
    for (const title of ['摘要', '引言', '方法', '结论', '参考文献']) await expect(list).toContainText(title);
    await expect(list.getByRole('checkbox', { name: /参考文献/ })).not.toBeChecked();
    for (const style of ['tldr', 'key_points', 'sections', 'lay', 'abstract']) {
      await page.getByTestId('style').selectOption(style);
      await page.getByTestId('summarize').click();
      await expect(page.getByTestId('status')).toContainText('完成');
      const raw = (await page.getByTestId('summary-output').getAttribute('data-raw')) ?? '';
      expect(raw).toMatch(/\p{Script=Han}{8}/u);
      expect(raw).not.toContain('$$');
    }
    await expect(page.getByTestId('summary-kind')).toContainText('抽取式摘要');
  });

  test('a Chinese PDF with a CID font is read with the CMaps the site serves', async ({ page }) => {
    const cmaps: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pdfjs/cmaps/')) cmaps.push(new URL(r.url()).origin);
    });
    await page.goto('/');
    await dropFile(page, cjkPaperPdf(), '中文论文.pdf', 'application/pdf');
    const list = page.getByTestId('section-list');
    for (const title of ['摘要', '引言', '方法', '结论', '参考文献']) await expect(list).toContainText(title);
    await expect(page.getByTestId('paper-title')).toHaveText('基于图排序的中文论文摘要方法');
    expect(cmaps.length).toBeGreaterThan(0);
    expect(new Set(cmaps)).toEqual(new Set([new URL(page.url()).origin]));
  });

  test('a real paper as ctex LaTeX (emcee, translated): counted, structured, summarized and asked in Chinese', async ({ page }) => {
    const tex = readFileSync(join(import.meta.dirname, '../test/data/papers-zh-translated/emcee-pasp.tex'));
    await page.goto('/');
    await dropFile(page, tex, 'emcee-pasp.tex', 'application/x-tex');
    await expect(page.getByTestId('paper-title')).toContainText('MCMC之锤');
    await expect(page.getByTestId('word-count')).toHaveText(/^[\d,]+ 字/);
    const list = page.getByTestId('section-list');
    for (const title of ['摘要', '引言', '算法', '检验', '讨论与建议', '参考文献']) await expect(list).toContainText(title);
    await expect(list.getByRole('checkbox', { name: /参考文献/ })).not.toBeChecked();
    await page.getByTestId('style').selectOption('key_points');
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('status')).toContainText('完成');
    const raw = (await page.getByTestId('summary-output').getAttribute('data-raw')) ?? '';
    expect(raw).toMatch(/\p{Script=Han}{8}/u);
    expect(raw).not.toMatch(/\\[a-zA-Z]+|\$/);
    await page.getByTestId('ask-input').fill('接受率应该在什么范围内？');
    await page.getByTestId('ask-submit').click();
    await expect(page.getByTestId('status')).toContainText('回答完成');
    await expect(page.getByTestId('answer').getByTestId('source').first()).toContainText('0.5');
  });

  test('an instruction model summarizes a Chinese paper, in the page language', async ({ page }, info) => {
    await page.goto('/?model=fixtures/tiny-qwen2&deltaMs=0');
    await waitForModel(page);
    await expect(page.getByTestId('backend')).toContainText(info.project.name);
    await page.getByTestId('paper-input').fill(ZH_PAPER);
    await expect(page.getByTestId('section-list')).toContainText('摘要');
    await expect(page.getByTestId('output-language')).toBeVisible();
    await useGreedy(page, 12);
    await page.getByTestId('summarize').click();
    await expect(page.getByTestId('status')).toContainText('完成', { timeout: 60_000 });
    await expect(page.getByTestId('summary-kind')).toContainText('生成式摘要');
  });
});
