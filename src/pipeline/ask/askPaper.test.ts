import { describe, expect, it } from 'vitest';
import type { GenerateHooks, GenerationOptions, GenerationResult, TextGenerator } from '../../engine/types';
import { structureText } from '../structure';
import { PaperRetriever } from '../retrieval/retriever';
import { AskError, askPaper } from './askPaper';
import { NOT_ADDRESSED } from './prompt';
import type { AskEvent } from './types';

const TEXT = `A Study of Lakes

Abstract

We measure the temperature of forty alpine lakes over ten years.

1 Methods

Temperature loggers were placed at a depth of two metres in every lake. Readings were taken hourly and averaged per day. The loggers were calibrated against a reference thermometer each spring.

2 Results

The mean summer temperature rose by 0.8 degrees per decade. Lakes above 2000 metres warmed fastest. Ice cover ended eleven days earlier on average.
`;

const paper = structureText(TEXT, { source: 'paste' });

class FakeModel implements TextGenerator {
  readonly kind: 'causal' | 'seq2seq';
  readonly backend = 'wasm' as const;
  readonly maxInputTokens: number;
  readonly defaults = {};
  prompts: string[] = [];
  options: GenerationOptions[] = [];
  constructor(
    private readonly reply: string,
    opts: { kind?: 'causal' | 'seq2seq'; maxInputTokens?: number } = {},
  ) {
    this.kind = opts.kind ?? 'causal';
    this.maxInputTokens = opts.maxInputTokens ?? 2048;
  }
  countTokens(text: string) {
    return text.split(/\s+/).length;
  }
  async generate(input: string, options: GenerationOptions, hooks: GenerateHooks = {}): Promise<GenerationResult> {
    this.prompts.push(input);
    this.options.push(options);
    const words = this.reply.split(/(?<= )/);
    let text = '';
    for (const [i, w] of words.entries()) {
      if (hooks.signal?.aborted) break;
      text += w;
      hooks.onToken?.({ ids: [i], text: w, step: i + 1 });
    }
    const stopReason = hooks.signal?.aborted ? 'aborted' : 'eos';
    return { ids: [], text, sequences: [], stopReason, timings: { encodeMs: 0, firstTokenMs: 0, totalMs: 0, newTokens: words.length, tokensPerSecond: 0 }, backend: 'wasm' };
  }
  async dispose() {}
}

const retriever = () => new PaperRetriever(paper);

describe('askPaper', () => {
  it('quotes the best passages with their section names when no model is loaded', async () => {
    const events: AskEvent[] = [];
    const a = await askPaper(paper, 'How much did the summer temperature rise?', { retriever: retriever(), onEvent: (e) => events.push(e) });
    expect(a.kind).toBe('quoted');
    expect(a.citations[0].sectionTitle).toMatch(/Results/);
    expect(a.citations[0].text).toContain('0.8 degrees per decade');
    expect(a.text).toContain('[1] (Results) “The mean summer temperature');
    expect(a.citations[0].refs[0]).toEqual({ section: paper.sections.findIndex((s) => /Results/.test(s.title)), position: 0 });
    expect(events.some((e) => e.type === 'delta' && e.text === a.text)).toBe(true);
  });

  it('says the paper does not address a question it does not answer, with the closest passages apart', async () => {
    const model = new FakeModel('should not be called');
    const a = await askPaper(paper, 'Which fish species live in the lakes?', { retriever: retriever(), generator: model });
    expect(a.kind).toBe('not-found');
    expect(a.text).toBe(NOT_ADDRESSED.en);
    expect(a.citations).toEqual([]);
    expect(a.closest?.length).toBeGreaterThan(0);
    expect(model.prompts).toEqual([]);
  });

  it('lets an instruction model answer from numbered passages and keeps only markers it was shown', async () => {
    const model = new FakeModel('The mean summer temperature rose by 0.8 degrees per decade [1]. Nothing else [9].');
    const a = await askPaper(paper, 'How much did the summer temperature rise?', { retriever: retriever(), generator: model, modelId: 'm' });
    expect(a.kind).toBe('generated');
    expect(a.text).toBe('The mean summer temperature rose by 0.8 degrees per decade [1]. Nothing else.');
    expect(a.citations.map((c) => c.n)).toEqual([1]);
    expect(a.citations[0].text).toContain('0.8 degrees');
    expect(model.prompts[0]).toMatch(/\[1\] \(Results\) The mean summer temperature/);
    expect(model.prompts[0]).toMatch(/^Question about the paper "A Study of Lakes": How much did the summer temperature rise\?\n/);
    expect(model.options[0].max_new_tokens).toBe(96);
  });

  it('matches uncited sentences to the passage they repeat, and marks those citations as matched', async () => {
    const model = new FakeModel('Lakes above 2000 metres warmed fastest.');
    const a = await askPaper(paper, 'Which lakes warmed fastest?', { retriever: retriever(), generator: model });
    expect(a.text).toMatch(/fastest\. \[\d\]$/);
    expect(a.citations).toHaveLength(1);
    expect(a.citations[0].matched).toBe(true);
  });

  it('turns a model that says the passages lack the answer into a not-found answer', async () => {
    const model = new FakeModel(NOT_ADDRESSED.en);
    const a = await askPaper(paper, 'How were the loggers calibrated each spring?', { retriever: retriever(), generator: model });
    expect(a.kind).toBe('not-found');
  });

  it('puts the previous turn in the prompt and borrows its terms for a follow-up', async () => {
    const model = new FakeModel('Hourly [1].');
    const first = { question: 'Where were the temperature loggers placed?', answer: { text: 'At two metres [1].', kind: 'generated' as const, citations: [] }, askedAt: '' };
    const a = await askPaper(paper, 'And how often?', { retriever: retriever(), generator: model, history: [first] });
    expect(model.prompts[0]).toContain('Q: Where were the temperature loggers placed?\nA: At two metres.');
    expect(a.citations[0].text).toContain('Readings were taken hourly');
  });

  it('fits the passages into a small prompt budget', async () => {
    const model = new FakeModel('x [1].', { maxInputTokens: 260 });
    await askPaper(paper, 'How much did the summer temperature rise?', { retriever: retriever(), generator: model });
    expect(model.countTokens(model.prompts[0])).toBeLessThanOrEqual(260 - 96);
    expect(model.prompts[0]).toContain('[1]');
  });

  it('quotes with a seq2seq summarizer, which cannot take a question', async () => {
    const model = new FakeModel('unused', { kind: 'seq2seq' });
    const a = await askPaper(paper, 'How much did the summer temperature rise?', { retriever: retriever(), generator: model });
    expect(a.kind).toBe('quoted');
    expect(model.prompts).toEqual([]);
  });

  it('keeps a stopped answer as partial', async () => {
    const ac = new AbortController();
    const model = new FakeModel('The mean summer temperature rose by 0.8 degrees per decade [1].');
    const a = await askPaper(paper, 'How much did the summer temperature rise?', {
      retriever: retriever(),
      generator: model,
      signal: ac.signal,
      onEvent: (e) => e.type === 'delta' && e.text.startsWith('summer') && ac.abort(),
    });
    expect(a.partial).toBe(true);
    expect(a.text).toMatch(/^The mean summer( \[1\])?$/);
  });

  it('refuses an empty question', async () => {
    await expect(askPaper(paper, '   ', { retriever: retriever() })).rejects.toBeInstanceOf(AskError);
  });
});

describe('an answer that only points at a passage', () => {
  it('becomes the sentence of that passage nearest the question, quoted and flagged', async () => {
    const model = new FakeModel('The answer to the question is: [1]');
    const a = await askPaper(paper, 'How much did the mean summer temperature rise?', { retriever: retriever(), generator: model });
    expect(a.pointed).toBe(true);
    expect(a.text).toBe('“The mean summer temperature rose by 0.8 degrees per decade.” [1]');
    expect(a.citations.map((c) => c.n)).toEqual([1]);
  });
});

describe('numbers in a model answer', () => {
  it('are flagged when the cited passages do not hold them as written', async () => {
    const model = new FakeModel('The mean summer temperature rose by 0.9 degrees per decade, over 1,000 lakes [1].');
    const a = await askPaper(paper, 'How much did the mean summer temperature rise?', { retriever: retriever(), generator: model });
    expect(a.uncheckedNumbers).toEqual(['0.9', '1,000']);
    const right = await askPaper(paper, 'How much did the mean summer temperature rise?', { retriever: retriever(), generator: new FakeModel('It rose by 0.8 degrees per decade [1].') });
    expect(right.uncheckedNumbers).toBeUndefined();
  });
});
