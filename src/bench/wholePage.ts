// /bench.html?whole=1: one side of the whole-paper benchmark in this page. The paper comes as
// JSON from `paper=` (bench/run.ts writes it next to the build); ours loads the engine with the
// bench context, the peer runs transformers.js generate() one pass at a time with ours' budget.
import { loadModel } from '../engine';
import type { Paper } from '../pipeline';
import { HttpFolder } from './httpSource';
import { loadOurOrt, loadTransformers, modelsBase } from './browserSides';
import { setMemoryLabel, wasmBytes } from './memory';
import { peerGenerator } from './peerGenerator';
import { runWholeSide } from './wholeSide';
import { WHOLE_CONTEXT } from './wholePaper';

export async function runWholeInPage(q: URLSearchParams, log: (m: string) => void) {
  const side = q.get('side') ?? 'ours';
  const model = q.get('model') ?? 'local/smollm2-135m-instruct';
  const dtype = q.get('dtype') ?? 'fp32';
  const threads = Number(q.get('threads')) || navigator.hardwareConcurrency || 1;
  const contextTokens = Number(q.get('context')) || WHOLE_CONTEXT;
  const paper = (await (await fetch(q.get('paper') ?? 'whole-paper.json')).json()) as Paper;
  const readMemory = () => {
    const m = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return m ? { jsHeapPeakBytes: m.usedJSHeapSize } : {};
  };
  setMemoryLabel(side);
  const common = { env: 'browser' as const, model, dtype, paper, readMemory, wasmBytes: () => wasmBytes(side), log };
  if (side === 'peer') {
    const maxInputTokens = Number(q.get('maxInput'));
    if (!maxInputTokens) throw new Error('whole-paper peer: maxInput (ours prompt budget) is required');
    const tf = await loadTransformers(threads);
    return runWholeSide({
      ...common,
      side,
      load: async () => {
        const g = await peerGenerator({ tf, model, dtype, device: 'wasm', maxInputTokens, contextTokens });
        return Object.assign(g, { runtime: `${g.runtime} on its onnxruntime-web (wasm, ${threads} threads)` });
      },
    });
  }
  const ort = await loadOurOrt(threads);
  const lookup = Number(q.get('lookup')) || 0;
  return runWholeSide({
    ...common,
    side,
    batch: side === 'ours',
    reusePasses: side === 'ours',
    extra: lookup ? { prompt_lookup_num_tokens: lookup } : undefined,
    load: async () => {
      const m = await loadModel(new HttpFolder(modelsBase() + model), { ort, backend: 'wasm', dtype: dtype as 'fp32', contextTokens, gpu: null });
      return Object.assign(m, { runtime: `PaperLens engine on onnxruntime-web ${ort.env.versions.web ?? '?'} (wasm, ${threads} threads)` });
    },
  });
}
