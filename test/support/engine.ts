// Shared setup for engine tests: the Node build of onnxruntime-web, fixture folders, and the
// engine's internal pieces assembled the way loadModel assembles them.
import { resolve } from 'node:path';
import * as ort from 'onnxruntime-web';
import { Backbone } from '../../src/engine/backbone';
import { parseModelSpec, type ModelSpec } from '../../src/engine/config';
import { readJson, readOptionalJson, resolveLayout } from '../../src/engine/modelFolder';
import { Runtime } from '../../src/engine/session';
import type { Dtype } from '../../src/engine/types';
import { DirSource } from './dirSource';

// Two cores are shared by every test worker: one ORT thread each.
ort.env.wasm.numThreads = 1;
export { ort };

export const FIXTURES = resolve(import.meta.dirname, '..', '..', 'models', 'fixtures');

export function fixture(name: string): DirSource {
  return new DirSource(resolve(FIXTURES, name));
}

export function fixtureBackbone(name: string): Promise<{ spec: ModelSpec; backbone: Backbone; source: DirSource }> {
  return folderBackbone(fixture(name));
}

/** The WASM backbone of any model folder in one dtype, assembled as loadModel does. */
export async function folderBackbone(source: DirSource, dtype: Dtype = 'fp32'): Promise<{ spec: ModelSpec; backbone: Backbone; source: DirSource }> {
  const spec = parseModelSpec(source.id, await readJson(source, 'config.json'), await readOptionalJson(source, 'generation_config.json'));
  const layout = await resolveLayout(source, spec.kind, dtype);
  const backbone = await Backbone.create(new Runtime({ ort, backend: 'wasm', source }), spec, layout, dtype);
  return { spec, backbone, source };
}

export function argmax(a: Float32Array): number {
  let best = 0;
  for (let i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
  return best;
}

export function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
