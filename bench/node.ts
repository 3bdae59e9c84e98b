// The Node half of the benchmark: our engine on onnxruntime-web's wasm build against
// transformers.js on onnxruntime-node (native CPU, the ceiling for a CPU) on the same folders.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import * as ort from 'onnxruntime-web';
import { DirSource } from '../test/support/dirSource';
import { measure } from '../src/bench/measure';
import { installWasmMemoryTracker, setMemoryLabel, wasmBytes } from '../src/bench/memory';
import { oursContender } from '../src/bench/ours';
import { peerContender } from '../src/bench/peer';
import type { ModelEntry } from '../src/bench/scenario';
import { compare } from '../src/bench/stats';
import type { Comparison, MemoryFigures, Side, SideResult } from '../src/bench/types';

const ROOT = resolve(import.meta.dirname, '..');
export const MODELS_ROOT = resolve(ROOT, 'models');

export interface NodeBenchOptions {
  models: ModelEntry[];
  text: string;
  newTokens: number;
  runs: number;
  /** ORT wasm threads for ours (onnxruntime-node uses its own default: all cores). */
  threads?: number;
  log?: (msg: string) => void;
}

const readMemory = (): MemoryFigures => {
  const m = process.memoryUsage();
  return { jsHeapPeakBytes: m.heapUsed, rssPeakBytes: m.rss };
};

/** Version of an installed package, read from its package.json (exports maps may hide it). */
export function installedVersion(pkgDir: string): string {
  return (JSON.parse(readFileSync(resolve(ROOT, 'node_modules', pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
}

export function nodeVersions(): Record<string, string> {
  return {
    node: process.version,
    'onnxruntime-web (ours)': installedVersion('onnxruntime-web'),
    // transformers.js requires onnxruntime-node from its own folder first, then the top level.
    'onnxruntime-node (transformers.js in Node)': existsSync(resolve(ROOT, 'node_modules/@huggingface/transformers/node_modules/onnxruntime-node'))
      ? installedVersion('@huggingface/transformers/node_modules/onnxruntime-node')
      : installedVersion('onnxruntime-node'),
    '@huggingface/transformers': installedVersion('@huggingface/transformers'),
    'onnxruntime-web (transformers.js in the browser)': installedVersion('@huggingface/transformers/node_modules/onnxruntime-web'),
  };
}

async function setup(threads: number) {
  installWasmMemoryTracker();
  ort.env.wasm.numThreads = threads;
  const tf = await import('@huggingface/transformers');
  tf.env.allowRemoteModels = false;
  tf.env.allowLocalModels = true;
  tf.env.localModelPath = `${MODELS_ROOT}/`;
  return tf;
}

export interface SideOptions extends Omit<NodeBenchOptions, 'models'> {
  model: ModelEntry;
  side: Side;
}

/** One side on one model. The bench-size models each take most of a wasm32 heap, so the runner
 * gives every side its own process (bench/node-side.ts); tests call this in-process. */
export async function runNodeSide(o: SideOptions): Promise<SideResult> {
  const threads = o.threads ?? availableParallelism();
  const tf = await setup(threads);
  const versions = nodeVersions();
  const common = { env: 'node' as const, model: o.model.folder, dtype: o.model.dtype, backend: 'wasm' as const, text: o.text, newTokens: o.newTokens };
  setMemoryLabel(o.side);
  if (o.side === 'ours') {
    return measure(
      oursContender({
        ...common,
        source: new DirSource(resolve(MODELS_ROOT, o.model.folder)),
        ort,
        runtime: `onnxruntime-web ${versions['onnxruntime-web (ours)']} (wasm in Node, ${threads} threads)`,
      }),
      { runs: o.runs, readMemory, wasmBytes: () => wasmBytes('ours'), onProgress: o.log },
    );
  }
  return measure(
    peerContender({
      ...common,
      tf,
      device: 'cpu',
      runtime: `onnxruntime-node ${versions['onnxruntime-node (transformers.js in Node)']} (native CPU, its default threads)`,
    }),
    { runs: o.runs, readMemory, onProgress: o.log },
  );
}

/** Both sides on every model, in this process (fine for the tiny fixtures). */
export async function runNodeBench(o: NodeBenchOptions): Promise<Comparison[]> {
  const out: Comparison[] = [];
  for (const model of o.models) {
    const ours = await runNodeSide({ ...o, model, side: 'ours' });
    const peer = await runNodeSide({ ...o, model, side: 'peer' });
    out.push(compare(ours, peer, o.newTokens));
  }
  return out;
}
