// The token level: masks equal a brute-force check of every token, and decoding with a toy model
// of random logits (greedy, sampling, prompt lookup, any max_new_tokens) always ends in a
// document that parses and validates, streamed token by token.
import { describe, expect, it } from 'vitest';
import type { GenerationOptions, JsonSchema } from '../../types';
import { GenerationOptionError } from '../contract';
import { decode } from '../decode';
import { createRng } from '../rng';
import { ToyModel, VerifyingToyModel } from '../testing/toy-model';
import { initialState, stepText } from './automaton';
import { JsonGrammar } from './constraint';
import { FACTS, KITCHEN, randomDocument } from './testing';
import { validateJson } from './validate';
import { TokenVocabulary } from './vocab';

const EOS = 0;
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const MULTI = ['{"', '":', '",', '"}', '"]', '["', ' "', '", "', 'title', '"title":', 'year', 'datasets', 'null', 'nu', 'll', 'true', 'false',
  '12', '2019', '.5', '-1', '\\u00', 'e9', '\\n', 'ab', 'abc', 'The ', ' data', 'é', '中', '中文', '😀', '\n', '\t', '  ', '}\n', '},', '}]', ']}', 'id', 'note', 'tags', 'pair', 'short', 'either', 'kind', 'paper'];
/** id 0 EOS, id 1 a partial UTF-8 piece, id 2 a special token: never allowed. */
const PIECES: (string | null)[] = [null, null, null, ...PRINTABLE, ...MULTI];
const vocab = new TokenVocabulary(PIECES, [EOS]);

function bruteForce(state: ReturnType<typeof initialState>): number[] {
  return PIECES.flatMap((p, id) => (p && stepText(state, p).length ? [id] : []));
}

describe('JSON token mask', () => {
  it('equals a brute-force check of every token, at random states', () => {
    const rng = createRng(3);
    for (const schema of [FACTS, KITCHEN]) {
      const g = new JsonGrammar(vocab, schema);
      for (let d = 0; d < 25; d++) {
        const doc = randomDocument(schema, rng);
        const { ids, encoded } = vocab.encode(doc);
        expect(encoded).toBe(doc.length);
        expect(vocab.textOf(ids)).toBe(doc);
        const c = g.start();
        for (const id of ids) {
          const state = stepText(initialState(g.root), c.text);
          expect(g.allowed(state).flatMap((c) => Array.from(c)).sort((a, b) => a - b)).toEqual(bruteForce(state));
          expect(c.allowedIds()).toContain(id);
          expect(c.allowedIds()).not.toContain(EOS);
          c.advance(id);
        }
        expect(c.complete).toBe(true);
        expect(c.allowedIds()).toContain(EOS);
      }
    }
  });

  it('allows only EOS once nothing may follow', () => {
    const c = new JsonGrammar(vocab, FACTS).start();
    for (const id of vocab.encode('{"title":"a","year":1,"datasets":[]}').ids) c.advance(id);
    expect(c.allowedIds()).toEqual([EOS]);
    const scores = new Float32Array(PIECES.length).fill(1);
    scores[EOS] = -5;
    expect(c.mask(scores)).toBe(true);
    expect(Array.from(scores).filter((v) => v > -Infinity)).toEqual([-5]);
  });

  it('refuses a schema whose punctuation the vocabulary cannot write', () => {
    const noBrace = new TokenVocabulary(PIECES.map((p) => (p === '{' ? null : p)), [EOS]);
    expect(() => new JsonGrammar(noBrace, FACTS)).toThrow(GenerationOptionError);
    expect(() => new JsonGrammar(noBrace, FACTS)).toThrow(/no token for "\{"/);
    expect(() => new JsonGrammar(noBrace, { type: 'array', items: { type: 'string' } })).not.toThrow();
  });

  it('lets the schema win when the processors banned every allowed token', () => {
    const c = new JsonGrammar(vocab, FACTS).start();
    const scores = new Float32Array(PIECES.length);
    scores[vocab.encode('{').ids[0]] = -Infinity;
    scores[vocab.encode('{"').ids[0]] = -Infinity;
    c.mask(scores);
    const finite = Array.from(scores.keys()).filter((i) => scores[i] > -Infinity);
    expect(finite).toEqual([vocab.encode('{"title":').ids[0]]);
  });
});

interface Outcome {
  text: string;
  ids: number[];
  streamed: number[];
  stopReason: string;
}

async function constrained(schema: JsonSchema, options: GenerationOptions, model = new ToyModel({ vocabSize: PIECES.length, seed: 1 }), source?: number[]): Promise<Outcome> {
  const constraint = new JsonGrammar(vocab, schema).start();
  const streamed: number[] = [];
  const res = await decode({
    model,
    start: [3],
    countedStartLength: 1,
    options,
    special: { eosTokenIds: [EOS] },
    constraint,
    lookupSource: source,
    onToken: (e) => streamed.push(...e.ids),
  });
  return { text: constraint.text, ids: res.sequences[0].ids, streamed, stopReason: res.stopReason };
}

function expectValid(schema: JsonSchema, o: Outcome): void {
  let value: unknown;
  expect(() => (value = JSON.parse(o.text)), o.text).not.toThrow();
  expect(validateJson(schema, value), o.text).toEqual([]);
  expect(vocab.textOf(o.ids)).toBe(o.text);
  expect(o.streamed).toEqual(o.ids);
}

describe('constrained decoding with random logits', () => {
  it('always ends in a valid document: greedy and sampling, random seeds and lengths', async () => {
    const rng = createRng(99);
    const reasons = new Set<string>();
    for (let run = 0; run < 300; run++) {
      const schema = run % 2 ? FACTS : KITCHEN;
      const model = new ToyModel({ vocabSize: PIECES.length, seed: run, scale: 2 + 6 * rng(), bias: { [EOS]: 2 } });
      const options: GenerationOptions = {
        max_new_tokens: 1 + Math.floor(rng() * 80),
        do_sample: run % 3 !== 0,
        num_beams: 1,
        seed: run,
        top_k: run % 5 === 0 ? 5 : 0,
        top_p: run % 7 === 0 ? 0.8 : 1,
        temperature: 0.5 + rng(),
        repetition_penalty: run % 4 === 0 ? 1.3 : 1,
        no_repeat_ngram_size: run % 6 === 0 ? 2 : 0,
      };
      const o = await constrained(schema, options, model);
      expectValid(schema, o);
      reasons.add(o.stopReason);
    }
    expect([...reasons].sort()).toEqual(['eos', 'length']);
  });

  it('closes a run cut at one token, and counts the closing tokens as generated', async () => {
    const o = await constrained(FACTS, { max_new_tokens: 1, do_sample: false, num_beams: 1 });
    expectValid(FACTS, o);
    expect(o.stopReason).toBe('length');
    expect(o.ids.length).toBeGreaterThan(1);
  });

  it('keeps min_new_tokens from holding a finished document open', async () => {
    const o = await constrained({ type: 'boolean' }, { max_new_tokens: 20, min_new_tokens: 10, do_sample: false, num_beams: 1 });
    expectValid({ type: 'boolean' }, o);
    expect(o.stopReason).toBe('eos');
  });

  it('gives plain constrained greedy tokens with prompt lookup on', async () => {
    // Logits from the last token only: a bigram model that repeats itself, so drafts often match.
    const bigram = (seq: readonly number[]) => new ToyModel({ vocabSize: PIECES.length, seed: seq[seq.length - 1] }).logitsFor([1]);
    const source = vocab.encode('{"title":"The data","year":2019,"datasets":["ab", "abc"]}').ids;
    let verifies = 0;
    for (const max of [5, 17, 40, 80]) {
      const plain = await constrained(FACTS, { max_new_tokens: max, do_sample: false, num_beams: 1 }, new ToyModel({ vocabSize: PIECES.length, logits: bigram }), source);
      const model = new VerifyingToyModel({ vocabSize: PIECES.length, logits: bigram });
      const fast = await constrained(FACTS, { max_new_tokens: max, do_sample: false, num_beams: 1, prompt_lookup_num_tokens: 4 }, model, source);
      expect(fast.ids).toEqual(plain.ids);
      expect(fast.text).toBe(plain.text);
      expectValid(FACTS, fast);
      verifies += model.stepAllCalls;
    }
    expect(verifies).toBeGreaterThan(0);
  });

  it('refuses beam search with a schema', async () => {
    await expect(constrained(FACTS, { num_beams: 3, do_sample: false, max_new_tokens: 5 })).rejects.toThrow(GenerationOptionError);
    await expect(constrained(FACTS, { num_beams: 3, do_sample: false, max_new_tokens: 5 })).rejects.toThrow(/num_beams to 1/);
  });
});
