// Constrained JSON decoding end to end, through loadModel + generate: on the Optimum fixtures
// (random weights: the worst case for staying valid, every token a fight with the mask) and on the
// real SmolLM2-135M-Instruct (a small extraction from a passage, read as a trained model would).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type LoadedModel } from '../../src/engine';
import { GenerationOptionError } from '../../src/engine/generation/contract';
import { validateJson } from '../../src/engine/generation/json';
import { FACTS, KITCHEN } from '../../src/engine/generation/json/testing';
import { createRng } from '../../src/engine/generation/rng';
import type { GenerateHooks, GenerationOptions, GenerationResult, JsonSchema, TokenEvent } from '../../src/engine/types';
import { ort } from '../support/engine';
import { havePrepared, preparedDir, preparedSource, SMOLLM2 } from '../support/prepared';

const FIXTURES = ['optimum/tiny-bart', 'optimum/tiny-qwen2', 'optimum/tiny-llama'];
const PASSAGE =
  'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding. Published in 2019. ' +
  'We evaluate on the GLUE benchmark, SQuAD and SWAG, and obtain new state-of-the-art results on eleven tasks.';

async function run(m: LoadedModel, input: string, options: GenerationOptions, schema: JsonSchema) {
  const events: TokenEvent[] = [];
  const hooks: GenerateHooks = { jsonSchema: schema, onToken: (e) => events.push(e) };
  const r = await m.generate(input, options, hooks);
  return { r, events };
}

/** Parses, validates and checks the stream: what every constrained run must satisfy. */
function expectValid(schema: JsonSchema, r: GenerationResult, events: TokenEvent[]): unknown {
  let value: unknown;
  expect(() => (value = JSON.parse(r.text)), r.text).not.toThrow();
  expect(validateJson(schema, value), r.text).toEqual([]);
  expect(events.map((e) => e.text).join('')).toBe(r.text);
  expect(events.flatMap((e) => e.ids)).toEqual(r.ids);
  expect(r.sequences[0].text).toBe(r.text);
  return value;
}

describe.each(FIXTURES)('%s (random weights)', (name) => {
  let m: LoadedModel;
  beforeAll(async () => {
    if (!havePrepared(preparedDir(name))) return;
    m = await loadModel(preparedSource(name), { ort, backend: 'wasm', dtype: 'fp32', gpu: null });
  });
  afterAll(() => m?.dispose());

  it('always parses and validates: greedy, sampling, prompt lookup, random lengths', async (ctx) => {
    if (!m) return ctx.skip();
    const rng = createRng(name.length);
    const reasons = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const schema = i % 2 ? FACTS : KITCHEN;
      const options: GenerationOptions = {
        max_new_tokens: 1 + Math.floor(rng() * 60),
        min_new_tokens: 0,
        min_length: 0,
        num_beams: 1,
        do_sample: i % 3 !== 0,
        seed: i,
        temperature: 0.7 + rng(),
        top_k: i % 4 === 0 ? 0 : 40,
        prompt_lookup_num_tokens: i % 3 === 0 ? 4 : 0,
      };
      const { r, events } = await run(m, PASSAGE, options, schema);
      expectValid(schema, r, events);
      reasons.add(r.stopReason);
    }
    expect(reasons.has('length')).toBe(true);
  });

  it('closes the JSON of an aborted run too', async (ctx) => {
    if (!m) return ctx.skip();
    const ctrl = new AbortController();
    const events: TokenEvent[] = [];
    const options = { max_new_tokens: 40, min_new_tokens: 40, num_beams: 1, do_sample: false };
    const r = await m.generate(PASSAGE, options, {
      jsonSchema: FACTS,
      signal: ctrl.signal,
      onToken: (e) => {
        events.push(e);
        if (e.step === 3) ctrl.abort();
      },
    });
    expect(r.stopReason).toBe('aborted');
    expectValid(FACTS, r, events);
    const before = await m.generate(PASSAGE, options, { jsonSchema: FACTS, signal: AbortSignal.abort() });
    expect(before.stopReason).toBe('aborted');
    expect(JSON.parse(before.text)).toEqual({ title: '', year: null, datasets: [] });
  });

  it('refuses beam search and schemas outside the subset before running', async (ctx) => {
    if (!m) return ctx.skip();
    await expect(m.generate(PASSAGE, { num_beams: 2, do_sample: false, max_new_tokens: 4 }, { jsonSchema: FACTS })).rejects.toThrow(GenerationOptionError);
    const bad = { type: 'string', format: 'date' } as unknown as JsonSchema;
    await expect(m.generate(PASSAGE, { max_new_tokens: 4 }, { jsonSchema: bad })).rejects.toThrow(/"format" is not supported/);
  });
});

it('refuses a schema a vocabulary cannot write (Flan-T5 has no "{")', async (ctx) => {
  if (!havePrepared(preparedDir('optimum/tiny-flan-t5'))) return ctx.skip();
  const m = await loadModel(preparedSource('optimum/tiny-flan-t5'), { ort, backend: 'wasm', dtype: 'fp32', gpu: null });
  try {
    await expect(m.generate(PASSAGE, { max_new_tokens: 4 }, { jsonSchema: FACTS })).rejects.toThrow(/no token for "\{", "\}"/);
    // A schema of characters it has still works.
    const { r, events } = await run(m, PASSAGE, { max_new_tokens: 6, num_beams: 1, do_sample: false }, { type: 'array', items: { type: 'integer' } });
    expectValid({ type: 'array', items: { type: 'integer' } }, r, events);
  } finally {
    await m.dispose();
  }
});

describe('SmolLM2-135M-Instruct (real weights)', () => {
  let m: LoadedModel;
  beforeAll(async () => {
    if (!havePrepared(SMOLLM2)) return;
    m = await loadModel(preparedSource('local/smollm2-135m-instruct'), { ort, backend: 'wasm', dtype: 'fp32', gpu: null });
  });
  afterAll(() => m?.dispose());

  const prompt = `Passage: ${PASSAGE}\n\nFrom the passage, give the paper's title, its publication year and the names of the datasets it evaluates on, as JSON.`;
  const schema: JsonSchema = {
    type: 'object',
    properties: {
      title: { type: 'string', maxLength: 120 },
      year: { type: ['integer', 'null'] },
      datasets: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 5 },
    },
    required: ['title', 'year', 'datasets'],
  };

  it('extracts a small object from a passage, greedy', async (ctx) => {
    if (!m) return ctx.skip();
    const plain = await m.generate(prompt, { max_new_tokens: 120, do_sample: false, num_beams: 1 });
    const { r, events } = await run(m, prompt, { max_new_tokens: 120, do_sample: false, num_beams: 1 }, schema);
    const value = expectValid(schema, r, events) as { title: string; year: number | null; datasets: string[] };
    const maskMs = r.timings.constraintMs! / r.timings.decoderRuns!;
    const ms = (t: GenerationResult['timings']) => (t.totalMs / t.newTokens).toFixed(1);
    console.log(`SmolLM2 constrained: ${r.text}\n  stop ${r.stopReason}, ${r.ids.length} tokens, ${ms(r.timings)} ms/token, ` +
      `mask ${maskMs.toFixed(2)} ms/step (unconstrained ${ms(plain.timings)} ms/token; it wrote ${JSON.stringify(plain.text.slice(0, 200))})`);
    // The model closes the document itself, and the constraint costs little next to a step.
    expect(r.stopReason).toBe('eos');
    expect(maskMs).toBeLessThan(5);
    // What a trained model gets and random weights do not.
    expect(value.title).toMatch(/^BERT: Pre-training/);
    expect(value.year).toBe(2019);
    expect(value.datasets.filter((d) => /^(GLUE|SQuAD|SWAG)$/i.test(d)).length).toBeGreaterThanOrEqual(2);
  });

  it('closes the JSON when max_new_tokens cuts it short', async (ctx) => {
    if (!m) return ctx.skip();
    for (const max of [1, 3, 9, 17]) {
      const { r, events } = await run(m, prompt, { max_new_tokens: max, do_sample: false, num_beams: 1 }, schema);
      expectValid(schema, r, events);
      expect(r.stopReason).toBe('length');
      console.log(`SmolLM2 cut at ${max}: ${r.text}`);
    }
  });

  it('stays valid when sampling', async (ctx) => {
    if (!m) return ctx.skip();
    for (const seed of [1, 2]) {
      const { r, events } = await run(m, prompt, { max_new_tokens: 40, do_sample: true, temperature: 1.2, top_p: 0.95, seed, num_beams: 1 }, schema);
      expectValid(schema, r, events);
    }
  });
});
