// The whole-paper benchmark in Node: the paper (test/corpus, abstract withheld as the reference),
// ours (the engine on onnxruntime-web wasm) and the peer (transformers.js on onnxruntime-node),
// and the quality check (ROUGE of each side's summaries against the abstract).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import * as ort from 'onnxruntime-web';
import { loadModel } from '../src/engine';
import { ingest, type Paper } from '../src/pipeline';
import { installWasmMemoryTracker, setMemoryLabel, wasmBytes } from '../src/bench/memory';
import { peerGenerator } from '../src/bench/peerGenerator';
import { runWholeSide } from '../src/bench/wholeSide';
import { WHOLE_CONTEXT, type WholePaperRun } from '../src/bench/wholePaper';
import { rougeJs, type Rouge } from '../scripts/eval/metrics';
import { withoutAbstract } from '../scripts/eval/papers';
import { DirSource } from '../test/support/dirSource';
import { MODELS_ROOT } from './node';

const ROOT = resolve(import.meta.dirname, '..');
/** Fast and scalable Gaussian process modeling (celerite, AJ 2017; MIT): 11.3k words, 240-word abstract. */
export const WHOLE_PAPER = 'test/corpus/papers/celerite/ms.tex';
/** Largest ROUGE-1/2/L F difference (absolute) between the sides' summaries that counts as equal quality. */
export const ROUGE_MARGIN = 0.02;

export interface WholeJob {
  side: 'ours' | 'ours-unbatched' | 'peer';
  model: string;
  dtype: string;
  paperPath?: string;
  context?: number;
  /** The peer chunks by ours' prompt budget (from ours' run of the same model and context). */
  maxInputTokens?: number;
  lookup?: number;
  styles?: string[];
  threads?: number;
  /** 'webgpu': ours on onnxruntime-web's WebGPU EP (needs navigator.gpu: bench/gpu), the peer on device 'webgpu'. */
  backend?: 'wasm' | 'webgpu';
  /** The ORT module ours runs on (default: onnxruntime-web's Node build, wasm). */
  ort?: typeof ort;
  log?: (m: string) => void;
}

export async function loadPaper(path = WHOLE_PAPER): Promise<{ paper: Paper; reference: string }> {
  const full = await ingest({ name: basename(path).replace(/\.body\.md$/, '.md'), bytes: readFileSync(resolve(ROOT, path)) });
  // test/data/papers ships the abstract apart from the body (SOURCES.md there).
  const abstract = path.endsWith('.body.md') ? readFileSync(resolve(ROOT, path.replace(/\.body\.md$/, '.abstract.txt')), 'utf8') : full.abstract;
  return { paper: withoutAbstract(full), reference: (abstract ?? '').replace(/\s+/g, ' ').trim() };
}

const readMemory = () => ({ jsHeapPeakBytes: process.memoryUsage().heapUsed, rssPeakBytes: process.memoryUsage().rss });

export async function runWholeNode(j: WholeJob): Promise<WholePaperRun & { maxInputTokens: number }> {
  installWasmMemoryTracker();
  setMemoryLabel(j.side);
  const threads = j.threads ?? availableParallelism();
  const rt = j.ort ?? ort;
  rt.env.wasm.numThreads = threads;
  const backend = j.backend ?? 'wasm';
  const { paper } = await loadPaper(j.paperPath);
  const contextTokens = j.context ?? WHOLE_CONTEXT;
  const common = { env: 'node' as const, model: j.model, dtype: j.dtype, paper, readMemory, log: j.log, styles: j.styles as never };
  if (j.side === 'peer') {
    const tf = await import('@huggingface/transformers');
    tf.env.allowRemoteModels = false;
    tf.env.allowLocalModels = true;
    tf.env.localModelPath = `${MODELS_ROOT}/`;
    if (!j.maxInputTokens) throw new Error('peer: maxInputTokens (from ours) is required');
    return runWholeSide({
      ...common,
      side: 'peer',
      wasmBytes: () => undefined,
      load: async () => {
        const g = await peerGenerator({ tf, model: j.model, dtype: j.dtype, device: backend === 'webgpu' ? 'webgpu' : 'cpu', maxInputTokens: j.maxInputTokens!, contextTokens });
        return Object.assign(g, { runtime: `${g.runtime} on onnxruntime-node (${backend === 'webgpu' ? 'WebGPU EP' : 'native CPU'})` });
      },
    });
  }
  return runWholeSide({
    ...common,
    side: j.side,
    batch: j.side === 'ours',
    reusePasses: j.side === 'ours',
    // lookup -1: prompt lookup off (the default before issue #15), N > 0: N drafts, unset: the engine's default.
    extra: j.lookup ? { prompt_lookup_num_tokens: Math.max(0, j.lookup) } : undefined,
    wasmBytes: () => wasmBytes(j.side),
    load: async () => {
      const m = await loadModel(new DirSource(resolve(MODELS_ROOT, j.model)), { ort: rt, backend, dtype: j.dtype as 'fp32', contextTokens, gpu: backend === 'webgpu' ? undefined : null });
      return Object.assign(m, { runtime: `PaperLens engine on onnxruntime-web (${backend === 'webgpu' ? 'WebGPU' : `wasm, ${threads} threads`}, Node)` });
    },
  });
}

export interface QualityRow {
  style: string;
  ours: Rouge;
  peer: Rouge;
  equal: boolean;
}

/** ROUGE of both sides' summaries per style against the reference, and whether they are within the margin. */
export function quality(ours: WholePaperRun, peer: WholePaperRun, reference: string): QualityRow[] {
  return Object.keys(ours.summaries).map((style) => {
    const a = rougeJs(ours.summaries[style], reference);
    const b = rougeJs(peer.summaries[style] ?? '', reference);
    const equal = (['r1', 'r2', 'rl'] as const).every((k) => Math.abs(a[k] - b[k]) <= ROUGE_MARGIN);
    return { style, ours: a, peer: b, equal };
  });
}

/** Problems that fail the run: figures that are not positive, different chunks, unequal quality. */
export function wholeProblems(ours: WholePaperRun, peer: WholePaperRun, q: QualityRow[]): string[] {
  const out: string[] = [];
  for (const r of [ours, peer]) {
    for (const k of ['wallMs', 'tokens', 'tokensPerSecond', 'passes'] as const) {
      if (!(Number.isFinite(r[k]) && r[k] > 0)) out.push(`${r.side} ${r.env} ${r.model}: ${k} is ${r[k]}`);
    }
    for (const [s, t] of Object.entries(r.summaries)) if (!t.trim()) out.push(`${r.side} ${r.env} ${r.model}: empty ${s} summary`);
  }
  if (ours.mapPromptsHash !== peer.mapPromptsHash || ours.mapPasses !== peer.mapPasses) {
    out.push(`${ours.env} ${ours.model}: the sides' map stages differ (${ours.mapPasses} vs ${peer.mapPasses} chunks, prompts ${ours.mapPromptsHash} vs ${peer.mapPromptsHash})`);
  }
  for (const row of q) if (!row.equal) out.push(`${ours.env} ${ours.model}: ${row.style} ROUGE differs by more than ${ROUGE_MARGIN}`);
  return out;
}
