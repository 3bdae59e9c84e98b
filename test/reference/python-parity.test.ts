// Our engine against the seed's library: Python transformers ran every case in cases.json on the
// PyTorch weights (scripts/models/reference.py) and our engine must give the same token ids from the
// ONNX export of those weights, greedy and beam search (num_beams, length_penalty, early_stopping,
// no_repeat_ngram_size, min/max length, forced BOS/EOS), on the Optimum fixtures and on the real
// SmolLM2-135M-Instruct in fp32. The prompt ids are compared first, so a tokenizer or chat-template
// difference is named as such.
import { afterAll, describe, expect, it } from 'vitest';
import { loadModel, type LoadedModel } from '../../src/engine';
import type { TextTokenizer } from '../../src/engine/tokenizer';
import type { GenerationOptions } from '../../src/engine/types';
import { ort } from '../support/engine';
import { REFERENCE, folderTokenizer, havePrepared, preparedDir, preparedSource, referenceCases, referenceResults } from '../support/prepared';

const cases = referenceCases();
const models = [...new Set(cases.map((c) => c.model))];
const ready = havePrepared(REFERENCE, ...models.map(preparedDir));

describe.skipIf(!ready).each(models)('%s (fp32, WASM) gives Python transformers\' tokens', (model) => {
  const results = ready ? referenceResults() : {};
  let loaded: Promise<{ m: LoadedModel; tok: TextTokenizer }> | undefined;
  const load = () =>
    (loaded ??= (async () => {
      const source = preparedSource(model);
      const m = await loadModel(source, { ort, backend: 'wasm', dtype: 'fp32', gpu: null });
      return { m, tok: await folderTokenizer(source) };
    })());
  afterAll(async () => {
    if (loaded) await (await loaded).m.dispose();
  });

  it.each(cases.filter((c) => c.model === model).map((c) => [c.id, c] as const))('%s', async (id, c) => {
    const want = results[id];
    expect(want, `no reference for ${id}: rerun npm run models`).toBeDefined();
    const { m, tok } = await load();
    const prompt = m.promptText(c.input);
    expect(tok.encode(prompt, m.kind === 'seq2seq'), 'prompt ids').toEqual(want.input_ids);
    const got = await m.generate(c.input, c.options as GenerationOptions);
    expect(got.ids).toEqual(want.output_ids);
    // Something was generated, and not just an end token: equal empty outputs would prove nothing.
    expect(got.ids.length).toBeGreaterThan(2);
  }, 240_000);
});
