// CI coverage of the benchmark harness (the --smoke Node part): our engine and transformers.js
// decode the tiny fixtures greedily to the same tokens, and every figure is a positive number.
// No speed is asserted here; speed lives in `npm run bench`.
import { describe, expect, it } from 'vitest';
import { SMOKE_TEXT, TINY_MODELS } from '../src/bench/scenario';
import { compare } from '../src/bench/stats';
import { runNodeBench } from './node';

const NEW_TOKENS = 10;

describe('bench smoke (Node): ours on onnxruntime-web vs transformers.js on onnxruntime-node', () => {
  it('same greedy tokens, positive finite figures, exact token counts', async () => {
    const comparisons = await runNodeBench({ models: TINY_MODELS, text: SMOKE_TEXT, newTokens: NEW_TOKENS, runs: 2, threads: 1 });
    expect(comparisons.map((c) => c.model)).toEqual(TINY_MODELS.map((m) => m.folder));
    for (const c of comparisons) {
      expect(c.problems).toEqual([]);
      expect(c.sameTokens).toBe(true);
      expect(c.ours.ids).toHaveLength(NEW_TOKENS);
      expect(c.ours.runs).toHaveLength(2);
      expect(c.ours.runtime).toMatch(/onnxruntime-web 1\.30/);
      expect(c.peer.runtime).toMatch(/onnxruntime-node/);
      expect(c.ours.memory.wasmBytes).toBeGreaterThan(0);
      // Both sides were timed inside session.run: at least the encoder/prefill plus one step per token.
      for (const s of [c.ours, c.peer]) expect(s.runs[0].sessionRuns).toBeGreaterThanOrEqual(NEW_TOKENS);
      // Ours reports its decoder runs (plain greedy here: one per token) and no drafts.
      expect(c.ours.runs[0]).toMatchObject({ decoderRuns: NEW_TOKENS, draftedTokens: 0, acceptedTokens: 0 });
    }
    // The three fixtures decode to different sequences, so "same tokens" compared real output.
    expect(new Set(comparisons.map((c) => c.ours.ids.join())).size).toBe(comparisons.length);
  });

  it('the checks catch a mismatch and a non-positive figure', async () => {
    const [c] = await runNodeBench({ models: TINY_MODELS.slice(0, 1), text: SMOKE_TEXT, newTokens: 4, runs: 1, threads: 1 });
    const peer = { ...c.peer, ids: [...c.peer.ids] };
    peer.ids[2] = peer.ids[2] + 1;
    const broken = compare(c.ours, peer, 4);
    expect(broken.sameTokens).toBe(false);
    expect(broken.problems.join('\n')).toMatch(/tokens differ .* position 2/);
    const slow = compare({ ...c.ours, median: { ...c.ours.median, tokensPerSecond: 0 } }, c.peer, 4);
    expect(slow.problems.join('\n')).toMatch(/median tokensPerSecond is 0/);
    expect(compare(c.ours, c.peer, 5).problems.join('\n')).toMatch(/expected 5/);
  });
});
