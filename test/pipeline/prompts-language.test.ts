// Instructions in the paper's language, and a summary language of the reader's choice, for
// instruction (causal) models; seq2seq summarizers still get the bare text.
import { describe, expect, it } from 'vitest';
import { summarizePaper } from '../../src/pipeline';
import { buildInput } from '../../src/pipeline/abstractive/prompts';
import { structureText } from '../../src/pipeline/structure';
import { FakeGenerator } from './support/fakeGenerator';
import { ZH_PAPER } from './support/zhPaper';

const EN_PAPER = 'A Title\n\nIntroduction\nWe study sparse routing. It is cheap. Results are good.\n\nConclusion\nSparse routing works.';

describe('prompts and languages', () => {
  it('asks a causal model in Chinese for a Chinese paper, at every stage', () => {
    for (const stage of ['map', 'reduce', 'final', 'section'] as const) {
      const input = buildInput(stage, '正文。', { kind: 'causal', style: 'abstract', length: 'medium', title: '标题', language: 'zh' });
      expect(input).toMatch(/^论文：《标题》/);
      expect(input).not.toMatch(/Summarize|Write|paper/);
    }
    expect(buildInput('final', 'x', { kind: 'causal', style: 'abstract', length: 'short', language: 'zh' })).toContain('约 100 字');
  });

  it('asks for another language only in the passes the reader sees', () => {
    const c = { kind: 'causal' as const, style: 'tldr' as const, length: 'short' as const, language: 'zh' as const, output: 'en' as const };
    expect(buildInput('final', 'x', c)).toContain('Write the answer in English');
    expect(buildInput('section', 'x', { ...c, style: 'sections' })).toContain('Write the answer in English');
    expect(buildInput('map', 'x', c)).not.toContain('English');
    expect(buildInput('final', 'x', { ...c, language: 'en', output: 'zh' })).toContain('Simplified Chinese');
    expect(buildInput('final', 'x', { ...c, language: 'en', output: 'en' })).not.toContain('Chinese');
    expect(buildInput('final', '正文', { ...c, kind: 'seq2seq' })).toBe('正文');
  });

  it('passes the paper language and the chosen output language through the summarizer', async () => {
    const zh = structureText(ZH_PAPER, { source: 'paste' });
    const gen = new FakeGenerator(4000, 'causal');
    await summarizePaper(zh, { style: 'tldr', length: 'short', outputLanguage: 'en' }, { generator: gen });
    expect(gen.calls.at(-1)!.input).toContain('用 1 句话概括这篇科学论文');
    expect(gen.calls.at(-1)!.input).toContain('Write the answer in English');

    const en = structureText(EN_PAPER, { source: 'paste' });
    const gen2 = new FakeGenerator(4000, 'causal');
    await summarizePaper(en, { style: 'tldr', length: 'short' }, { generator: gen2 });
    expect(gen2.calls.at(-1)!.input).toContain('Write a TL;DR of this scientific paper in 1 sentence.');
    expect(gen2.calls.at(-1)!.input).not.toContain('Chinese');
  });
});
