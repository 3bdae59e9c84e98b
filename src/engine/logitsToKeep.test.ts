// The num_logits_to_keep rewrite on real fixture graphs: the LM head then runs on the last K
// positions only, with the logits those positions had before; graphs it cannot rewrite safely
// come back byte for byte.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxAbsDiff, ort } from '../../test/support/engine';
import { addLogitsToKeep } from './logitsToKeep';

const file = (p: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../models/fixtures', p)));
const i64 = (v: number[], dims: number[]) => new ort.Tensor('int64', BigInt64Array.from(v.map(BigInt)), dims);

describe('addLogitsToKeep', () => {
  it('adds the input to a decoder-only graph and keeps the last K positions exactly', async () => {
    const original = file('tiny-qwen2/onnx/model.onnx');
    const rewritten = addLogitsToKeep(original);
    const before = await ort.InferenceSession.create(original);
    const after = await ort.InferenceSession.create(rewritten);
    expect(before.inputNames).not.toContain('num_logits_to_keep');
    expect(after.inputNames).toContain('num_logits_to_keep');

    const T = 12;
    const empty = new ort.Tensor('float32', new Float32Array(0), [1, 2, 0, 16]);
    const feeds: Record<string, ort.Tensor> = {
      input_ids: i64(Array.from({ length: T }, (_, i) => 10 + i * 7), [1, T]),
      attention_mask: i64(Array(T).fill(1), [1, T]),
      position_ids: i64(Array.from({ length: T }, (_, i) => i), [1, T]),
    };
    for (const n of before.inputNames.filter((n) => n.startsWith('past_key_values'))) feeds[n] = empty;
    const all = (await before.run(feeds)).logits;
    const V = all.dims[2];
    for (const K of [1, 3]) {
      const kept = (await after.run({ ...feeds, num_logits_to_keep: i64([K], []) })).logits;
      expect(kept.dims).toEqual([1, K, V]);
      const want = (all.data as Float32Array).slice((T - K) * V);
      expect(maxAbsDiff(kept.data as Float32Array, want)).toBeLessThan(1e-5);
    }
    // K beyond the sequence keeps every position.
    expect((await after.run({ ...feeds, num_logits_to_keep: i64([T + 5], []) })).logits.dims).toEqual([1, T, V]);
  });

  it('leaves graphs it cannot rewrite safely as they are', () => {
    // The merged seq2seq decoder: its LM head sits inside If branches.
    const merged = file('tiny-bart/onnx/decoder_model_merged.onnx');
    expect(addLogitsToKeep(merged)).toBe(merged);
    // An encoder has no logits; an already rewritten graph is not rewritten twice; nor is garbage.
    const encoder = file('tiny-bart/onnx/encoder_model.onnx');
    expect(addLogitsToKeep(encoder)).toBe(encoder);
    const once = addLogitsToKeep(file('tiny-qwen2/onnx/model.onnx'));
    expect(addLogitsToKeep(once)).toBe(once);
    const junk = new Uint8Array([0x0a, 0xff, 0xff, 0xff]);
    expect(addLogitsToKeep(junk)).toBe(junk);
  });
});
