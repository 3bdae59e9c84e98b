// Grounding and model-based extraction, with a fake TextGenerator returning canned JSON.
import { describe, expect, it } from 'vitest';
import type { GenerateHooks, GenerationOptions, GenerationResult, TextGenerator } from '../../src/engine/types';
import { buildFactsPrompt, emptyFacts, extractFacts, extractFactsWithModel, FACTS_JSON_SCHEMA, groundFacts, parseModelFacts, withoutUnsupported } from '../../src/pipeline/facts';
import { supportsNumber, supportsText } from '../../src/pipeline/facts/ground';
import { makePaper } from './helpers';

const paper = makePaper([
  { title: 'Abstract', kind: 'abstract', text: 'We propose FastSampler, a sampler for large models. It is evaluated on the ImageNet dataset.' },
  { title: 'Results', text: 'FastSampler achieves 92.1% accuracy on ImageNet. It is 3 times faster than Metropolis sampling.' },
  { title: 'Discussion', text: 'A limitation is that it needs gradients. In future work we plan to remove this need.' },
]);

describe('grounding', () => {
  it('text: normalised containment or token overlap; numbers: exact', () => {
    expect(supportsText('the ImageNet dataset', 'It is evaluated on the ImageNet  Dataset.')).toBe(true);
    expect(supportsText('CIFAR-10', 'It is evaluated on the ImageNet dataset.')).toBe(false);
    expect(supportsNumber('92.1', 'achieves 92.1% accuracy')).toBe(true);
    expect(supportsNumber('92', 'achieves 92.1% accuracy')).toBe(false);
    expect(supportsNumber('2.1', 'achieves 92.1% accuracy')).toBe(false);
    expect(supportsNumber('47031', 'contains 47,031 nodes')).toBe(true);
  });

  it('flags a model value no cited sentence supports, repairs refs to an exact sentence elsewhere', () => {
    const facts = {
      ...emptyFacts(),
      datasets: [
        { value: 'ImageNet', refs: [{ section: 2, position: 0 }], source: 'model' as const },
        { value: 'CIFAR-10', refs: [{ section: 1, position: 0 }], source: 'model' as const },
      ],
      results: [
        { value: '92.1', refs: [{ section: 1, position: 0 }], source: 'model' as const, unit: '%' },
        { value: '95.0', refs: [{ section: 1, position: 0 }], source: 'model' as const, unit: '%' },
      ],
    };
    const g = groundFacts(facts, paper);
    expect(g.datasets[0]).toMatchObject({ value: 'ImageNet', refs: [{ section: 0, position: 1 }] });
    expect(g.datasets[0].unsupported).toBeFalsy();
    expect(g.datasets[1]).toMatchObject({ value: 'CIFAR-10', unsupported: true });
    expect(g.results[0].unsupported).toBeFalsy();
    expect(g.results[1].unsupported).toBe(true);
    const kept = withoutUnsupported(g);
    expect(kept.datasets.map((d) => d.value)).toEqual(['ImageNet']);
    expect(kept.results.map((r) => r.value)).toEqual(['92.1']);
    expect(kept.droppedUnsupported).toBe(2);
    expect(withoutUnsupported(kept)).toEqual(kept);
  });

  it('leaves rule values alone and is pure', () => {
    const rules = extractFacts(paper);
    const copy = structuredClone(rules);
    expect(groundFacts(rules, paper)).toEqual(rules);
    expect(rules).toEqual(copy);
  });
});

function fakeGenerator(answer: (prompt: string) => string, maxInputTokens = 512): TextGenerator & { calls: { prompt: string; options: GenerationOptions; hooks?: GenerateHooks }[] } {
  const calls: { prompt: string; options: GenerationOptions; hooks?: GenerateHooks }[] = [];
  return {
    kind: 'causal',
    backend: 'wasm',
    maxInputTokens,
    defaults: {},
    calls,
    countTokens: (s: string) => Math.ceil(s.split(/\s+/).length * 1.3),
    async generate(prompt, options, hooks): Promise<GenerationResult> {
      calls.push({ prompt, options, hooks });
      if (hooks?.signal?.aborted) throw hooks.signal.reason;
      const text = answer(prompt);
      hooks?.onToken?.({ ids: [1], text, step: 1 });
      return { ids: [1], text, sequences: [{ ids: [1], text }], stopReason: 'eos', backend: 'wasm', timings: { encodeMs: 0, firstTokenMs: 0, totalMs: 0, newTokens: 1, tokensPerSecond: 0 } };
    },
    async dispose() {},
  };
}

/** The [n] of the prompt line holding `needle`. */
const lineNo = (prompt: string, needle: string) => Number(/^\[(\d+)\]/.exec(prompt.split('\n').find((l) => l.includes(needle)) ?? '')?.[1]);

describe('model-based extraction', () => {
  it('numbers sentences in the prompt within the token budget', () => {
    const g = fakeGenerator(() => '{}', 130);
    const { prompt, cited } = buildFactsPrompt(paper, g);
    expect(g.countTokens(prompt)).toBeLessThanOrEqual(130);
    expect(cited.length).toBeGreaterThan(0);
    expect(prompt).toMatch(/^\[1\] /m);
  });

  it('asks for the schema, maps cited numbers to refs, merges with the rules and grounds', async () => {
    const g = fakeGenerator((p) =>
      JSON.stringify({
        contributions: [{ text: 'FastSampler, a sampler for large models', sentences: [lineNo(p, 'We propose')] }],
        methods: [],
        datasets: [{ name: 'ImageNet', sentences: [lineNo(p, 'achieves')] }],
        metrics: [{ name: 'accuracy', sentences: [lineNo(p, 'achieves')] }],
        // Cites the "3 times faster" sentence for a number it does not hold: flagged.
        results: [
          { value: '92.1', unit: '%', measured: 'accuracy', compared_with: null, sentences: [lineNo(p, 'achieves')] },
          { value: '7.5', unit: '×', measured: 'speed-up', compared_with: 'Metropolis', sentences: [lineNo(p, 'faster')] },
        ],
        limitations: [{ text: 'it needs gradients', sentences: [lineNo(p, 'limitation')] }],
        future_work: [{ text: 'remove the need for gradients', sentences: [99] }],
      }),
    );
    const steps: string[] = [];
    const facts = await extractFactsWithModel(paper, g, { onProgress: (s) => steps.push(s) });
    expect(g.calls[0].hooks?.jsonSchema).toBe(FACTS_JSON_SCHEMA);
    expect(g.calls[0].options.max_new_tokens).toBeGreaterThan(0);
    expect(steps).toEqual(['rules', 'prompt', 'generate', 'ground', 'done']);
    expect(facts.title?.value).toBe('A Test Paper');
    expect(facts.contributions).toEqual([{ value: 'FastSampler, a sampler for large models', refs: [{ section: 0, position: 0 }], source: 'model' }]);
    expect(facts.limitations[0]).toMatchObject({ source: 'model', refs: [{ section: 2, position: 0 }] });
    expect(facts.limitations[0].unsupported).toBeFalsy();
    // Out-of-range citation: no refs, and the paraphrase is in no sentence exactly.
    expect(facts.futureWork[0]).toMatchObject({ source: 'model', refs: [], unsupported: true });
    const fake = facts.results.find((r) => r.value === '7.5');
    expect(fake).toMatchObject({ source: 'model', unsupported: true, refs: [{ section: 1, position: 1 }] });
    // The rules already had 92.1 from the same sentence: kept once.
    expect(facts.results.filter((r) => r.value === '92.1')).toHaveLength(1);
  });

  it('stops on an aborted signal', async () => {
    const g = fakeGenerator(() => '{}');
    const ctl = new AbortController();
    ctl.abort();
    await expect(extractFactsWithModel(paper, g, { signal: ctl.signal })).rejects.toThrow();
    expect(g.calls).toHaveLength(0);
  });

  it('unreadable model output leaves the rule-based card', async () => {
    const g = fakeGenerator(() => 'not json');
    expect(await extractFactsWithModel(paper, g)).toEqual(extractFacts(paper));
    expect(parseModelFacts('{"results":[{"value":3,"sentences":[1,"x"]}]}').results).toEqual([{ value: '3', unit: null, measured: null, compared_with: null, sentences: [1] }]);
  });
});
