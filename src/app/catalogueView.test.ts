// The dtype picker's logic: every dtype a catalogue entry publishes with its size, the default
// marked, which are downloaded (from the cached file paths), fp16/q4f16 disabled only when the
// WebGPU adapter is known to lack shader-f16; and the storage panel's rows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUE, downloadSize, type CatalogueEntry } from '../../models/catalogue';
import { hubFolderUrl } from '../engine/sources';
import { cachedFiles, choiceOf, defaultDtypeOn, dtypeChoices, dtypeOptions, forgetServedFolders, pickableModels, refreshCatalogue, servedFolders } from './catalogueView';
import { storedModels } from './storageView';

const entry = (id: string): CatalogueEntry => CATALOGUE.find((e) => e.id === id)!;
const qwen = entry('qwen2.5-0.5b-instruct');
const bart = entry('distilbart-cnn-6-6');

describe('dtypeChoices', () => {
  it('lists each published dtype with its download size', () => {
    const d = dtypeChoices(qwen);
    expect(d.map((x) => x.dtype)).toEqual(['fp32', 'fp16', 'q8', 'q4', 'q4f16']);
    for (const x of d) expect(x.bytes).toBe(downloadSize(qwen, x.dtype).bytes);
    expect(d.find((x) => x.dtype === 'q4f16')!.bytes).toBeLessThan(d.find((x) => x.dtype === 'fp32')!.bytes);
    expect(d.every((x) => !x.cached)).toBe(true);
  });

  it('marks a dtype downloaded only when all its graphs are cached', () => {
    const some = new Set(['config.json', 'onnx/encoder_model_quantized.onnx']);
    expect(dtypeChoices(bart, some).find((x) => x.dtype === 'q8')!.cached).toBe(false);
    some.add('onnx/decoder_model_merged_quantized.onnx');
    const d = dtypeChoices(bart, some);
    expect(d.filter((x) => x.cached).map((x) => x.dtype)).toEqual(['q8']);
  });
});

describe('dtypeOptions', () => {
  const choice = { dtype: qwen.defaultDtype, dtypes: dtypeChoices(qwen) };
  const disabled = (facts: Parameters<typeof dtypeOptions>[1]) => dtypeOptions(choice, facts).filter((o) => o.disabled).map((o) => o.dtype);

  it('labels each with its size, the default and whether it is confirmed', () => {
    const o = dtypeOptions(choice, null);
    // The Qwen root files' sizes were not read, so its sizes are lower bounds.
    expect(o.find((x) => x.dtype === 'q4f16')!.label).toBe('q4f16 · ≥ 483 MB · default');
    expect(o.find((x) => x.dtype === 'fp32')!.label).toBe('fp32 · ≥ 2.0 GB');
    const bartOpts = dtypeOptions({ dtype: bart.defaultDtype, dtypes: dtypeChoices(bart) }, null);
    expect(bartOpts.map((x) => x.dtype)).toEqual(['fp32', 'fp16', 'q8']);
    // Every DistilBART size was read from a listing, so the total is the rounded listing's.
    expect(bartOpts.find((x) => x.dtype === 'q8')!.label).toBe('q8 · ~286 MB · default');
    // A variant not confirmed: only the root files and the one graph seen have sizes, so the size is a lower bound.
    const t5 = entry('flan-t5-small');
    const t5Opts = dtypeOptions({ dtype: t5.defaultDtype, dtypes: dtypeChoices(t5) }, null);
    expect(t5Opts.find((x) => x.dtype === 'fp16')!.label).toBe('fp16 · ≥ 73 MB · not confirmed on the hub');
  });

  it('disables fp16 and q4f16 only on a WebGPU adapter known to lack shader-f16', () => {
    expect(disabled({ webgpuAvailable: true, webgpuShaderF16: false, backend: 'auto' })).toEqual(['fp16', 'q4f16']);
    expect(disabled({ webgpuAvailable: true, webgpuShaderF16: true, backend: 'auto' })).toEqual([]);
    expect(disabled({ webgpuAvailable: true, webgpuShaderF16: null, backend: 'auto' })).toEqual([]);
    expect(disabled({ webgpuAvailable: false, webgpuShaderF16: null, backend: 'auto' })).toEqual([]);
    // Forced WASM never uses the GPU, so its f16 support does not matter.
    expect(disabled({ webgpuAvailable: true, webgpuShaderF16: false, backend: 'wasm' })).toEqual([]);
    expect(disabled(null)).toEqual([]);
  });
});

describe('per-backend defaults and files too big for a tab', () => {
  const llama = entry('llama-3.2-1b-instruct');
  const smol = choiceOf(entry('smollm2-135m-instruct'), false, new Map());
  const gpu = { webgpuAvailable: true, webgpuShaderF16: true, backend: 'auto' as const };
  const cpu = { webgpuAvailable: false, webgpuShaderF16: null, backend: 'auto' as const };

  it('marks as default the dtype the likely backend loads', () => {
    expect(defaultDtypeOn(smol, gpu)).toBe('fp16');
    expect(defaultDtypeOn(smol, cpu)).toBe('fp32');
    expect(defaultDtypeOn(smol, { ...gpu, backend: 'wasm' })).toBe('fp32');
    expect(defaultDtypeOn(smol, null)).toBe('fp32');
    expect(dtypeOptions(smol, gpu).filter((o) => o.label.endsWith('default')).map((o) => o.dtype)).toEqual(['fp16']);
    expect(dtypeOptions(smol, cpu).filter((o) => o.label.endsWith('default')).map((o) => o.dtype)).toEqual(['fp32']);
  });

  it('disables a dtype with a file over 2 GB, saying how big it is', () => {
    const o = dtypeOptions(choiceOf(llama, false, new Map()), cpu);
    expect(o.find((x) => x.dtype === 'fp32')!.disabled).toBe('one file is 4.9 GB, more than a browser tab can hold');
    expect(o.find((x) => x.dtype === 'q8')!.disabled).toBeNull();
  });
});

describe('choiceOf and the storage rows', () => {
  const base = hubFolderUrl(bart.repo, { revision: bart.revision });
  const cached = cachedFiles([
    { base, id: bart.id, bytes: 3, files: ['config.json', 'onnx/encoder_model.onnx', 'onnx/decoder_model_merged.onnx'].map((path) => ({ path, bytes: 1 })) },
  ]);

  it('a cached hub folder marks the choice and its complete dtypes downloaded', () => {
    const c = choiceOf(bart, false, cached);
    expect(c.cached).toBe(true);
    expect(c.dtypes.filter((d) => d.cached).map((d) => d.dtype)).toEqual(['fp32']);
    expect(choiceOf(bart, false, new Map()).cached).toBe(false);
  });

  it('rows carry the catalogue label and downloaded dtypes, or the source id for other folders', () => {
    const c = choiceOf(bart, false, cached);
    const rows = storedModels(
      {
        problem: null,
        modelBytes: 10,
        estimate: null,
        models: [
          { base, id: bart.id, bytes: 3, files: [{ path: 'config.json', bytes: 3 }] },
          { base: 'http://localhost/models/x/', id: 'models/x', bytes: 7, files: [] },
        ],
      },
      (b) => (b === base ? c : undefined),
    );
    expect(rows).toEqual([
      { base, label: 'DistilBART-CNN-6-6', catalogueId: bart.id, bytes: 3, files: 1, dtypes: ['fp32'] },
      { base: 'http://localhost/models/x/', label: 'models/x', catalogueId: null, bytes: 7, files: 0, dtypes: [] },
    ]);
  });
});

describe('finding self-hosted models from the site index', () => {
  const index = (folders: string[]) => ({ format: 'paperlens-model-index', version: 1, folders });
  const respond = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  afterEach(() => {
    forgetServedFolders();
    vi.unstubAllGlobals();
  });

  it('asks for /models/index.json once, under the base URL, whatever the number of models', async () => {
    const calls: string[] = [];
    const fake = (async (url: string) => {
      calls.push(url);
      return respond(200, index(['fixtures/tiny-bart', 'local/smollm2-135m-instruct']));
    }) as typeof fetch;
    const first = await servedFolders(fake, '/paperlens');
    await servedFolders(fake, '/paperlens');
    expect(calls).toEqual(['/paperlens/models/index.json']);
    expect(first).toEqual(new Set(['fixtures/tiny-bart', 'local/smollm2-135m-instruct']));
  });

  it('marks the models the index lists as served by this site, and only those', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      return respond(200, index(['local/smollm2-135m-instruct', 'fixtures/tiny-bart']));
    });
    await refreshCatalogue();
    const where = Object.fromEntries(pickableModels().map((c) => [c.id, c.location.kind]));
    expect(where['smollm2-135m-instruct']).toBe('same-origin');
    expect(pickableModels().find((c) => c.id === 'smollm2-135m-instruct')!.location).toEqual({ kind: 'same-origin', path: 'local/smollm2-135m-instruct' });
    expect(Object.entries(where).filter(([, k]) => k === 'same-origin').map(([id]) => id)).toEqual(['smollm2-135m-instruct']);
    // No request per model: the index is the only thing asked for.
    expect(calls).toEqual(['/models/index.json']);
  });

  it('reads every model from its hub when the index is missing, broken or unreachable', async () => {
    for (const answer of [() => respond(404, 'not found'), () => new Response('<html>', { status: 200 }), () => Promise.reject(new TypeError('Failed to fetch'))]) {
      forgetServedFolders();
      vi.stubGlobal('fetch', async () => answer());
      await refreshCatalogue();
      expect(pickableModels().every((c) => c.location.kind === 'url')).toBe(true);
    }
  });
});
