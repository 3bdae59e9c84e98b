// loadEmbedder on the prepared all-MiniLM-L6-v2 (npm run models): per-backend default dtypes, a
// WebGPU failure mid-run answered on WASM with the same vectors, cancellation, and folders it
// must refuse. Node has no WebGPU: "webgpu" is a wasm session behind a pretend adapter.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cosine, loadEmbedder, type EmbedderOptions } from '../../src/engine';
import { DirSource } from '../support/dirSource';
import { ort } from '../support/engine';
import { MINILM, havePrepared } from '../support/prepared';

const ready = havePrepared(MINILM);
const onWasm: EmbedderOptions['executionProviders'] = { webgpu: ['wasm'] };
const gpuWith = (f16: boolean) => ({ requestAdapter: async () => ({ features: new Set<string>(f16 ? ['shader-f16'] : []) }) });
const TEXTS = ['We propose a transformer for long documents.', 'The bakery sells bread.', 'Results improve over the baseline on three datasets.'];

describe.skipIf(!ready)('loadEmbedder (all-MiniLM-L6-v2)', () => {
  const temp: string[] = [];
  afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('picks q8 on WASM, fp16 on a GPU with shader-f16 and fp32 without', async () => {
    for (const [backend, gpu, want] of [
      ['wasm', null, 'q8'],
      ['webgpu', gpuWith(true), 'fp16'],
      ['webgpu', gpuWith(false), 'fp32'],
    ] as const) {
      const m = await loadEmbedder(new DirSource(MINILM), { ort, backend, gpu, executionProviders: onWasm });
      expect([m.backend, m.dtype], `${backend} ${gpu ? 'gpu' : ''}`).toEqual([backend, want]);
      await m.dispose();
    }
  });

  it('moves to WASM when a WebGPU run fails and gives the same vectors', async () => {
    const wasm = await loadEmbedder(new DirSource(MINILM), { ort, backend: 'wasm', dtype: 'fp32', gpu: null });
    const want = await wasm.embed(TEXTS);
    await wasm.dispose();
    const m = await loadEmbedder(new DirSource(MINILM), {
      ort,
      backend: 'webgpu',
      dtype: 'fp32',
      gpu: gpuWith(false),
      executionProviders: onWasm,
      batchSize: 2,
      fault: { failAtRun: 2, message: 'GPUDevice lost (injected)' },
    });
    expect(m.backend).toBe('webgpu');
    const got = await m.embed(TEXTS);
    expect(m.backend).toBe('wasm');
    expect(m.notes.join(' ')).toMatch(/WASM after a WebGPU failure: GPUDevice lost \(injected\)/);
    got.forEach((v, i) => expect(cosine(v, want[i])).toBeGreaterThan(0.99999));
    await m.dispose();
  });

  it('falls back to WASM when WebGPU cannot create the session', async () => {
    const m = await loadEmbedder(new DirSource(MINILM), { ort, backend: 'webgpu', dtype: 'fp32', gpu: gpuWith(false), executionProviders: { webgpu: ['no-such-execution-provider'] } });
    expect(m.backend).toBe('wasm');
    expect(m.notes.join(' ')).toMatch(/WebGPU could not load the embedding model/);
    await m.dispose();
  });

  it('stops between batches when aborted, and refuses to run after dispose', async () => {
    const m = await loadEmbedder(new DirSource(MINILM), { ort, backend: 'wasm', gpu: null, batchSize: 1 });
    const ctl = new AbortController();
    ctl.abort(new Error('stop'));
    await expect(m.embed(TEXTS, ctl.signal)).rejects.toThrow('stop');
    expect(await m.embed([])).toEqual([]);
    await m.dispose();
    await expect(m.embed(TEXTS)).rejects.toThrow(/disposed/);
  });

  it('honours a lower maxInputTokens', async () => {
    const m = await loadEmbedder(new DirSource(MINILM), { ort, backend: 'wasm', gpu: null, maxInputTokens: 8 });
    expect(m.maxInputTokens).toBe(8);
    expect(m.tokenize(TEXTS[2]).length).toBe(8);
    await m.dispose();
  });

  it('refuses pooling it does not do and a folder without the graph, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperlens-embed-'));
    temp.push(dir);
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'sentence_bert_config.json']) cpSync(join(MINILM, f), join(dir, f));
    await expect(loadEmbedder(new DirSource(dir), { ort, backend: 'wasm', gpu: null })).rejects.toThrow(/onnx\/model\.onnx: file is missing/);
    cpSync(join(MINILM, 'onnx', 'model_quantized.onnx'), join(dir, 'onnx', 'model_quantized.onnx'));
    mkdirSync(join(dir, '1_Pooling'));
    writeFileSync(join(dir, '1_Pooling', 'config.json'), JSON.stringify({ word_embedding_dimension: 384, pooling_mode_max_tokens: true }));
    await expect(loadEmbedder(new DirSource(dir), { ort, backend: 'wasm', gpu: null })).rejects.toThrow(/1_Pooling\/config.json: unsupported pooling \(max_tokens\)/);
  });
});
