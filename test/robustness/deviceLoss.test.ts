// A lost WebGPU device (driver reset, GPU process crash) makes the next run fail at once with the
// reason, which the engine's WASM fallback then reports to the user.
import { describe, expect, it } from 'vitest';
import type { OrtModule } from '../../src/engine/ort';
import { Runtime } from '../../src/engine/session';
import type { FileSource } from '../../src/engine/types';

function fakeOrt(lost: Promise<unknown>): OrtModule {
  const session = { inputNames: ['x'], outputNames: ['y'], run: async () => ({ y: 1 }), release: async () => {} };
  return { env: { webgpu: { device: Promise.resolve({ lost }) } }, InferenceSession: { create: async () => session } } as unknown as OrtModule;
}

const source: FileSource = {
  id: 'models/fake',
  has: async (p) => p.endsWith('.onnx'),
  read: async () => Uint8Array.from([0x08, 0x07]),
};

describe('WebGPU device loss', () => {
  it('later runs fail naming the loss; earlier ones ran', async () => {
    let lose!: (info: unknown) => void;
    const runtime = new Runtime({ ort: fakeOrt(new Promise((r) => (lose = r))), backend: 'webgpu', source });
    const session = await runtime.create('onnx/model.onnx');
    await expect(session.run({ x: {} as never })).resolves.toBeTruthy();
    lose({ reason: 'unknown', message: 'GPU process exited' });
    await new Promise((r) => setTimeout(r, 0));
    await expect(session.run({ x: {} as never })).rejects.toThrow('WebGPU stopped working: the GPU device was lost (no reason given: GPU process exited)');
  });

  it('a device destroyed on purpose (unload) is reported as such, and WASM runtimes never watch', async () => {
    let lose!: (info: unknown) => void;
    const gpu = new Runtime({ ort: fakeOrt(new Promise((r) => (lose = r))), backend: 'webgpu', source });
    const wasm = new Runtime({ ort: fakeOrt(Promise.resolve({ reason: 'destroyed' })), backend: 'wasm', source });
    const [g, w] = await Promise.all([gpu.create('onnx/model.onnx'), wasm.create('onnx/model.onnx')]);
    lose({ reason: 'destroyed' });
    await new Promise((r) => setTimeout(r, 0));
    await expect(g.run({ x: {} as never })).rejects.toThrow('(destroyed)');
    await expect(w.run({ x: {} as never })).resolves.toBeTruthy();
  });
});
