// Our embedder against Python transformers: scripts/models/minilm.py embedded every sentence of
// embedding-cases.json with AutoModel on all-MiniLM-L6-v2's PyTorch weights (mean pooling over the
// mask, L2 normalisation, truncation at max_seq_length 256); our engine must give the same token
// ids and nearly the same vectors from the ONNX export of those weights, in every dtype, batched or
// one by one. Also what a trained embedder does and random weights would not: a paraphrase is
// closer than an unrelated sentence.
import { afterAll, describe, expect, it } from 'vitest';
import { cosine, loadEmbedder, type LoadedEmbedder } from '../../src/engine';
import type { Dtype } from '../../src/engine/types';
import { DensePassageIndex } from '../../src/pipeline/retrieval/dense';
import { ort } from '../support/engine';
import { DirSource } from '../support/dirSource';
import { EMBEDDING_REFERENCE, MINILM, embeddingCases, embeddingReference, havePrepared } from '../support/prepared';

const ready = havePrepared(EMBEDDING_REFERENCE, MINILM);
const cases = embeddingCases();
/**
 * Cosine with Python's fp32 vector each dtype must reach on every sentence (`min`) and on average
 * (`mean`), and between a text embedded in a batch and alone (`batch`). q8 is dynamically
 * quantized: measured 0.981-0.994 per sentence (mean 0.990) with transformers.js's recipe (per
 * channel, reduce range); its activation scale is taken over the whole batch, padding included, so
 * a batch's other texts move a vector slightly (cosine 0.990 at worst measured: 5 tokens padded to 256).
 */
const FLOOR: Record<string, { min: number; mean: number; batch: number }> = {
  fp32: { min: 0.999, mean: 0.9999, batch: 0.99999 },
  fp16: { min: 0.999, mean: 0.9999, batch: 0.99999 },
  q8: { min: 0.98, mean: 0.99, batch: 0.98 },
};

describe.skipIf(!ready).each(Object.keys(FLOOR))('all-MiniLM-L6-v2 %s (WASM) against Python transformers', (dtype) => {
  const ref = ready ? embeddingReference() : undefined;
  let loaded: Promise<LoadedEmbedder> | undefined;
  const load = () => (loaded ??= loadEmbedder(new DirSource(MINILM), { ort, backend: 'wasm', dtype: dtype as Dtype, gpu: null }));
  afterAll(async () => {
    if (loaded) await (await loaded).dispose();
  });

  it('reads the folder: 384 dimensions, mean pooling, 256 tokens, the dtype asked', async () => {
    const m = await load();
    expect([m.dimensions, m.pooling, m.maxInputTokens, m.dtype, m.backend]).toEqual([ref!.dimensions, 'mean', ref!.maxSeqLength, dtype, 'wasm']);
  });

  it('gives the reference token ids (the long case truncated to 256)', async () => {
    const m = await load();
    for (const c of cases) expect(m.tokenize(c.text), c.id).toEqual(ref!.results[c.id].input_ids);
    expect(ref!.results.long.tokens_untruncated).toBeGreaterThan(ref!.maxSeqLength);
    expect(ref!.results.long.input_ids.length).toBe(ref!.maxSeqLength);
  });

  it(`gives Python's vectors (cosine > ${FLOOR[dtype].min}, mean > ${FLOOR[dtype].mean}), batched and one by one alike`, async () => {
    const m = await load();
    const batched = await m.embed(cases.map((c) => c.text));
    const single: Float32Array[] = [];
    for (const c of cases) single.push((await m.embed([c.text]))[0]);
    const sims: Record<string, number> = {};
    cases.forEach((c, i) => {
      const want = Float32Array.from(ref!.results[c.id].embedding);
      sims[c.id] = cosine(batched[i], want);
      expect(batched[i].length).toBe(ref!.dimensions);
      // Unit length, as the contract says.
      expect(Math.hypot(...batched[i])).toBeCloseTo(1, 5);
      expect(sims[c.id], c.id).toBeGreaterThan(FLOOR[dtype].min);
      // Padding to the batch's longest text changes nothing (but q8's activation scale).
      expect(cosine(batched[i], single[i]), `${c.id} batched vs alone`).toBeGreaterThan(FLOOR[dtype].batch);
      expect(cosine(single[i], want), `${c.id} alone`).toBeGreaterThan(FLOOR[dtype].min);
    });
    const values = Object.values(sims);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeGreaterThan(FLOOR[dtype].mean);
    console.info(`embedding parity ${dtype}: min cosine ${Math.min(...values).toFixed(6)}, mean ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(6)} (${Object.entries(sims).map(([k, v]) => `${k} ${v.toFixed(6)}`).join(', ')})`);
  }, 120_000);

  it('truncates: words past the 256th token change nothing', async () => {
    const m = await load();
    const long = cases.find((c) => c.id === 'long')!.text;
    const [a, b] = await m.embed([long, `${long} Completely different closing words about cooking pasta and football.`]);
    expect(cosine(a, b)).toBeGreaterThan(0.99999);
  });

  it('puts a paraphrase closer than an unrelated sentence', async () => {
    const m = await load();
    const by = Object.fromEntries(cases.map((c) => [c.id, c.text]));
    const [method, paraphrase, unrelated] = await m.embed([by.method, by.paraphrase, by.unrelated]);
    const close = cosine(method, paraphrase);
    const far = cosine(method, unrelated);
    expect(close).toBeGreaterThan(0.5);
    expect(far).toBeLessThan(0.2);
    expect(close - far).toBeGreaterThan(0.3);
  });

  it('finds the passage a question paraphrases (DensePassageIndex)', async () => {
    const m = await load();
    const passages = [
      'We trained the network for ten epochs on four GPUs with a batch size of 64.',
      'The dataset contains 12,000 abstracts of open-access papers in computer science.',
      'Our method summarizes long scientific documents while using little memory.',
      'Limitations: the model was only evaluated on English text.',
    ].map((text, id) => ({ id, text }));
    const index = await DensePassageIndex.build(passages, m, { batchSize: 3 });
    const hits = await index.search('How large is the dataset?', 4);
    expect(hits.map((h) => h.id).sort()).toEqual([0, 1, 2, 3]);
    expect(hits[0].id).toBe(1);
    expect((await index.search('Which languages were tested?', 1))[0].id).toBe(3);
    expect((await index.search('what hardware did they train on', 1))[0].id).toBe(0);
  });

  it('measures sentences per second on one WASM thread', async () => {
    const m = await load();
    const sentences = Array.from({ length: 64 }, (_, i) => `${cases[i % 4].text} (${i})`);
    await m.embed(sentences.slice(0, 8)); // warm-up
    const t0 = performance.now();
    await m.embed(sentences);
    const s = (performance.now() - t0) / 1000;
    console.info(`embedding speed ${dtype}: ${(sentences.length / s).toFixed(1)} sentences/s (64 sentences of ~20 tokens, batches of 16, 1 thread)`);
    expect(s).toBeGreaterThan(0);
  }, 120_000);
});
