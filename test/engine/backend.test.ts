// Backend and dtype choice: WebGPU only with an adapter, float16 models only with shader-f16.
import { describe, expect, it } from 'vitest';
import { planBackend, type GpuLike } from '../../src/engine/backend';

const gpu = (features: string[] | null, fail = false): GpuLike => ({
  requestAdapter: async () => {
    if (fail) throw new Error('device lost');
    return features ? { features: new Set(features) } : null;
  },
});

describe('planBackend', () => {
  it('auto picks WebGPU when an adapter exists, else WASM with the reason', async () => {
    expect(await planBackend('auto', 'fp32', ['fp32'], gpu([]))).toEqual({ backend: 'webgpu', dtype: 'fp32', notes: [] });
    const none = await planBackend('auto', 'fp32', ['fp32'], undefined);
    expect(none.backend).toBe('wasm');
    expect(none.notes[0]).toMatch(/navigator\.gpu/);
    const noAdapter = await planBackend('webgpu', 'fp32', ['fp32'], gpu(null));
    expect(noAdapter.backend).toBe('wasm');
    expect(noAdapter.notes[0]).toMatch(/no WebGPU adapter/);
    const broken = await planBackend('auto', undefined, ['fp32'], gpu([], true));
    expect(broken.notes[0]).toMatch(/device lost/);
  });

  it('never asks the GPU when WASM is requested', async () => {
    const r = await planBackend('wasm', undefined, ['fp32', 'q8'], gpu(['shader-f16'], true));
    expect(r).toEqual({ backend: 'wasm', dtype: 'q8', notes: [] });
  });

  it('avoids float16 models on an adapter without shader-f16, saying why', async () => {
    const r = await planBackend('auto', 'q4f16', ['q4f16', 'q4', 'fp32'], gpu([]));
    expect(r.backend).toBe('webgpu');
    expect(r.dtype).toBe('q4');
    expect(r.notes[0]).toMatch(/shader-f16/);
    const onlyHalf = await planBackend('auto', 'fp16', ['fp16'], gpu([]));
    expect(onlyHalf).toMatchObject({ backend: 'wasm', dtype: 'fp16' });
    expect(onlyHalf.notes[0]).toMatch(/shader-f16/);
    // With no dtype asked, the default skips half types on such an adapter.
    expect((await planBackend('auto', undefined, ['q4f16', 'q8'], gpu([]))).dtype).toBe('q8');
  });

  it('uses float16 models when the adapter has shader-f16', async () => {
    expect(await planBackend('auto', undefined, ['fp32', 'q4f16', 'fp16'], gpu(['shader-f16']))).toEqual({
      backend: 'webgpu',
      dtype: 'q4f16',
      notes: [],
    });
  });

  it('says when the requested dtype is absent and takes one that is present', async () => {
    const r = await planBackend('wasm', 'q4', ['fp32'], undefined);
    expect(r.dtype).toBe('fp32');
    expect(r.notes.join(' ')).toMatch(/"q4" is not in the folder/);
  });

  it('runs dynamically quantized (q8) weights on WASM even with a GPU, saying why', async () => {
    const r = await planBackend('auto', 'q8', ['q8', 'fp32'], gpu(['shader-f16']));
    expect(r).toMatchObject({ backend: 'wasm', dtype: 'q8' });
    expect(r.notes.join(' ')).toMatch(/q8 weights run on WASM: WebGPU has no kernels.*MatMulInteger/);
    // With nothing else in the folder, the default lands there too.
    expect(await planBackend('auto', undefined, ['q8'], gpu([]))).toMatchObject({ backend: 'wasm', dtype: 'q8' });
  });

  it('takes the dtype named for the backend it chose', async () => {
    const perBackend = { wasm: 'fp32', webgpu: 'fp16' } as const;
    const all = ['fp32', 'fp16', 'q4', 'q8'] as const;
    expect(await planBackend('auto', perBackend, [...all], gpu(['shader-f16']))).toEqual({ backend: 'webgpu', dtype: 'fp16', notes: [] });
    expect(await planBackend('auto', perBackend, [...all], undefined)).toMatchObject({ backend: 'wasm', dtype: 'fp32' });
    // No shader-f16: the GPU's fp16 pick becomes fp32 on the GPU, as for a single dtype.
    expect(await planBackend('auto', perBackend, [...all], gpu([]))).toMatchObject({ backend: 'webgpu', dtype: 'fp32' });
    // A backend the request does not name gets the usual preference.
    expect(await planBackend('wasm', { webgpu: 'fp16' }, [...all], undefined)).toMatchObject({ backend: 'wasm', dtype: 'q8' });
  });
});
