// The two contenders as they run in the page: ours on onnxruntime-web/webgpu 1.30 (the app's
// build), transformers.js on its own bundled onnxruntime-web 1.31-dev. Both load same-origin only.
import type { Contender } from './measure';
import { oursContender } from './ours';
import { peerContender } from './peer';
import { HttpFolder } from './httpSource';
// transformers.js's own ORT runtime, emitted by Vite as same-origin assets (never its CDN default).
import peerOrtMjs from '../../node_modules/@huggingface/transformers/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.mjs?url';
import peerOrtWasm from '../../node_modules/@huggingface/transformers/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.wasm?url';

export interface PageSettings {
  model: string;
  backend: 'wasm' | 'webgpu';
  text: string;
  newTokens: number;
  threads: number;
  /** `?lookup=N`: prompt_lookup_num_tokens on our side (off by default, like the peer). */
  promptLookup?: number;
  dtype?: 'fp32' | 'q8' | 'q4';
}

export const modelsBase = () => new URL(`${import.meta.env.BASE_URL}models/`, location.href).href;

type OrtWebgpu = typeof import('onnxruntime-web/webgpu');
let ours: Promise<OrtWebgpu> | undefined;

export function loadOurOrt(threads: number): Promise<OrtWebgpu> {
  ours ??= import('onnxruntime-web/webgpu').then((ort) => {
    // As in src/worker/ortSetup.ts: production loads ORT's runtime from the app's /ort/ copy.
    if (import.meta.env.PROD) ort.env.wasm.wasmPaths = new URL(`${import.meta.env.BASE_URL}ort/`, location.href).href;
    return ort;
  });
  return ours.then((ort) => {
    ort.env.wasm.numThreads = threads;
    return ort;
  });
}

type Transformers = typeof import('@huggingface/transformers');
let peer: Promise<Transformers> | undefined;

export function loadTransformers(threads: number): Promise<Transformers> {
  peer ??= import('@huggingface/transformers').then((tf) => {
    tf.env.allowRemoteModels = false;
    tf.env.allowLocalModels = true;
    // A path, not a URL: transformers.js joins it with '/' and would mangle 'http://'.
    tf.env.localModelPath = `${import.meta.env.BASE_URL}models/`;
    // Model files straight from the server each time, like ours (no Cache Storage copy of 1 GB).
    tf.env.useBrowserCache = false;
    const wasm = tf.env.backends.onnx.wasm!;
    wasm.wasmPaths = { mjs: new URL(peerOrtMjs, location.href).href, wasm: new URL(peerOrtWasm, location.href).href };
    return tf;
  });
  return peer.then((tf) => {
    tf.env.backends.onnx.wasm!.numThreads = threads;
    return tf;
  });
}

export async function ourOrtVersion(threads: number): Promise<string> {
  return (await loadOurOrt(threads)).env.versions.web ?? '?';
}

export async function peerOrtVersion(threads: number): Promise<string> {
  const tf = await loadTransformers(threads);
  return `${(tf.env.backends.onnx as { versions?: { web?: string } }).versions?.web ?? '?'} (transformers.js ${tf.env.version})`;
}

function runtimeLabel(version: string, s: PageSettings): string {
  return `onnxruntime-web ${version} (${s.backend === 'wasm' ? `wasm, ${s.threads} threads` : 'webgpu'}, browser)`;
}

export async function oursInPage(s: PageSettings): Promise<Contender> {
  const ort = await loadOurOrt(s.threads);
  return oursContender({
    env: 'browser',
    model: s.model,
    source: new HttpFolder(modelsBase() + s.model),
    ort,
    backend: s.backend,
    text: s.text,
    newTokens: s.newTokens,
    promptLookup: s.promptLookup,
    dtype: s.dtype,
    runtime: runtimeLabel(ort.env.versions.web ?? '?', s),
  });
}

export async function peerInPage(s: PageSettings): Promise<Contender> {
  const tf = await loadTransformers(s.threads);
  const version = (tf.env.backends.onnx as { versions?: { web?: string } }).versions?.web ?? '?';
  return peerContender({
    env: 'browser',
    model: s.model,
    tf,
    backend: s.backend,
    device: s.backend,
    dtype: s.dtype,
    text: s.text,
    newTokens: s.newTokens,
    runtime: runtimeLabel(version, s),
  });
}
