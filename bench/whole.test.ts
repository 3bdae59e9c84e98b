// CI smoke of the whole-paper benchmark (bench/whole.ts): a real paper summarized end to end
// (map-reduce, key points and TL;DR) by the tiny Qwen2 fixture, ours batched against
// transformers.js one pass at a time: same chunks and prompts, same summaries and so equal
// ROUGE, positive figures, and the batch, shared prefix and reused passes actually used. Speed is not asserted
// (random tiny weights); `npm run bench` measures it on the real model.
import { resolve } from 'node:path';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../src/engine';
import { ingest, summarizePaper } from '../src/pipeline';
import { wasmBytes } from '../src/bench/memory';
import { syntheticPaper } from '../test/pipeline/support/synthetic';
import { DirSource } from '../test/support/dirSource';
import { loadPaper, quality, runWholeNode, wholeProblems } from './whole';
import { MODELS_ROOT } from './node';

const JOB = { model: 'fixtures/tiny-qwen2', dtype: 'fp32', paperPath: 'test/data/papers/manubot.body.md', context: 384, threads: 1 };

describe('whole-paper smoke (Node): tiny Qwen2, ours batched vs transformers.js', () => {
  it('same map stage, equal quality, positive figures', async () => {
    const ours = await runWholeNode({ ...JOB, side: 'ours' });
    const peer = await runWholeNode({ ...JOB, side: 'peer', maxInputTokens: ours.maxInputTokens });
    const { reference } = await loadPaper(JOB.paperPath);
    expect(reference.split(' ').length).toBeGreaterThan(30);
    const q = quality(ours, peer, reference);
    expect(wholeProblems(ours, peer, q)).toEqual([]);
    expect(ours.mapPasses).toBeGreaterThan(2);
    expect(ours.maxBatchRows).toBeGreaterThan(1);
    // The batch's rows share the chat template and instruction, computed once.
    expect(ours.prefixTokensShared).toBeGreaterThan(10);
    expect(ours.summaries).toEqual(peer.summaries);
    // The TL;DR after the key points reuses the paper's map passes (the app's PassCache); the peer
    // makes every pass again, and still writes the same summaries.
    expect(ours.passesReused).toBeGreaterThanOrEqual(ours.mapPasses);
    expect(peer.passesReused).toBe(0);
    expect(ours.passes).toBeLessThan(peer.passes);
    expect(ours.wasmPeakBytes).toBeGreaterThan(0);
  }, 120_000);

  it('a 200-page paper: wasm memory bounded by the chunk, not the paper', async () => {
    // After the run above (same ORT module, same heap): a paper 100x longer must not grow it.
    const before = wasmBytes('ours')!;
    const paper = await ingest({ text: syntheticPaper(100_000) });
    expect(paper.wordCount).toBeGreaterThan(90_000);
    const m = await loadModel(new DirSource(resolve(MODELS_ROOT, JOB.model)), { ort, backend: 'wasm', dtype: 'fp32', contextTokens: JOB.context, gpu: null });
    try {
      const out = await summarizePaper(paper, { style: 'tldr', length: 'short' }, { generator: m });
      expect(out.text.length).toBeGreaterThan(0);
    } finally {
      await m.dispose();
    }
    const after = wasmBytes('ours')!;
    // Stated bound: 64 MB of wasm memory for the tiny model at any paper length (ORT's heap
    // only grows, so this is the peak), and at most 16 MB above what the 1.1k-word paper took.
    expect(after).toBeLessThan(64 * 2 ** 20);
    expect(after - before).toBeLessThanOrEqual(16 * 2 ** 20);
  }, 120_000);

  it('the checks catch different chunks, an empty summary and unequal quality', async () => {
    const base = { side: 'x', env: 'node' as const, model: 'm', dtype: 'fp32', backend: 'wasm', runtime: '', loadMs: 1, wallMs: 1, tokens: 1, tokensPerSecond: 1, passes: 1, mapPasses: 2, mapPromptsHash: 'a', maxBatchRows: 1, prefixTokensReused: 0, prefixTokensShared: 0, draftedTokens: 0, acceptedTokens: 0, styleMs: {}, passesReused: 0, notes: [] };
    const ours = { ...base, summaries: { tldr: 'gaussian processes scale linearly with celerite' } };
    const peer = { ...base, mapPromptsHash: 'b', summaries: { tldr: '' } };
    const problems = wholeProblems(ours, peer, quality(ours, peer, 'celerite gaussian processes scale linearly'));
    expect(problems.join('\n')).toMatch(/map stages differ/);
    expect(problems.join('\n')).toMatch(/empty tldr/);
    expect(problems.join('\n')).toMatch(/ROUGE differs/);
  });
});
