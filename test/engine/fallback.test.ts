// WebGPU -> WASM fallback mid-generation. Node has no WebGPU, so the "webgpu" backend here is a
// wasm session behind a pretend adapter; the injected fault makes its Nth run() throw, as a real
// WebGPU failure would. The generation must continue on WASM with the same tokens.
import { describe, expect, it } from 'vitest';
import { loadModel, type LoadOptions } from '../../src/engine';
import type { GenerationOptions, TokenEvent } from '../../src/engine/types';
import { fixture, ort } from '../support/engine';

const TEXT = 'We propose a transformer model for summarizing long scientific documents — résumé 😀.';
const pretendGpu = { requestAdapter: async () => ({ features: new Set<string>() }) };
const onWasm: LoadOptions['executionProviders'] = { webgpu: ['wasm'] };

async function baseline(name: string, opts: GenerationOptions) {
  const m = await loadModel(fixture(name), { ort, backend: 'wasm', dtype: 'fp32' });
  try {
    return await m.generate(TEXT, opts);
  } finally {
    await m.dispose();
  }
}

describe.each([
  // run 1 is the encoder (seq2seq) or the prefill (decoder-only).
  ['tiny-bart', 1, { max_new_tokens: 16, num_beams: 1, do_sample: false }],
  ['tiny-bart', 6, { max_new_tokens: 16, num_beams: 1, do_sample: false }],
  ['tiny-bart', 6, { max_new_tokens: 16, num_beams: 3, do_sample: false }],
  ['tiny-bart-split', 4, { max_new_tokens: 16, num_beams: 1, do_sample: false }],
  ['tiny-t5', 5, { max_new_tokens: 16, num_beams: 2, do_sample: false }],
  ['tiny-qwen2', 1, { max_new_tokens: 16, num_beams: 1, do_sample: false }],
  ['tiny-qwen2', 5, { max_new_tokens: 16, num_beams: 1, do_sample: false }],
  ['tiny-qwen2', 5, { max_new_tokens: 16, num_beams: 3, do_sample: false }],
] as const)('%s failing at webgpu run %i', (name, failAtRun, opts: GenerationOptions) => {
  it(`continues on WASM with the same output (beams: ${opts.num_beams})`, async () => {
    const want = await baseline(name, opts);
    const m = await loadModel(fixture(name), {
      ort,
      backend: 'webgpu',
      dtype: 'fp32',
      gpu: pretendGpu,
      executionProviders: onWasm,
      fault: { failAtRun, message: 'GPUDevice lost (injected)' },
    });
    try {
      expect(m.backend).toBe('webgpu');
      const events: TokenEvent[] = [];
      const r = await m.generate(TEXT, opts, { onToken: (e) => events.push(e) });
      expect(r.fellBack).toEqual({ from: 'webgpu', reason: expect.stringContaining('GPUDevice lost (injected)') });
      expect(r.backend).toBe('wasm');
      expect(r.ids).toEqual(want.ids);
      expect(r.text).toBe(want.text);
      expect(events.map((e) => e.text).join('')).toBe(r.text);
      expect(m.backend).toBe('wasm');
      expect(m.notes.join('\n')).toMatch(/Switched to WASM/);
      // Later generations stay on WASM and report no new fallback.
      const again = await m.generate(TEXT, opts);
      expect(again.fellBack).toBeUndefined();
      expect(again.ids).toEqual(want.ids);
    } finally {
      await m.dispose();
    }
  });
});

describe('fallback limits', () => {
  it('does not fall back from WASM: the failure surfaces', async () => {
    const m = await loadModel(fixture('tiny-bart'), {
      ort,
      backend: 'wasm',
      dtype: 'fp32',
      fault: { backend: 'wasm', failAtRun: 3, message: 'wasm broke (injected)' },
    });
    try {
      await expect(m.generate(TEXT, { max_new_tokens: 8, num_beams: 1 })).rejects.toThrow('wasm broke (injected)');
    } finally {
      await m.dispose();
    }
  });

  it('loads on WASM, with a note, when WebGPU cannot create the sessions', async () => {
    const m = await loadModel(fixture('tiny-qwen2'), {
      ort,
      backend: 'webgpu',
      gpu: pretendGpu,
      executionProviders: { webgpu: ['no-such-execution-provider'] },
    });
    try {
      expect(m.backend).toBe('wasm');
      expect(m.notes.join(' ')).toMatch(/WebGPU could not load the model .*; using WASM/);
      const r = await m.generate(TEXT, { max_new_tokens: 4 });
      expect(r.backend).toBe('wasm');
    } finally {
      await m.dispose();
    }
  });

  it('runs without falling back when nothing fails on the pretend GPU', async () => {
    const m = await loadModel(fixture('tiny-t5'), { ort, backend: 'auto', gpu: pretendGpu, executionProviders: onWasm });
    try {
      const r = await m.generate(TEXT, { max_new_tokens: 6, min_length: 0, num_beams: 1 });
      expect(r.backend).toBe('webgpu');
      expect(r.fellBack).toBeUndefined();
    } finally {
      await m.dispose();
    }
  });
});
