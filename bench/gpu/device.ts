// `npx tsx bench/gpu/device.ts [--model local/smollm2-135m-instruct] [--dtype fp32] [--tokens 64]`
// on a machine with an NVIDIA GPU, no browser: Dawn's Node binding (npm package `webgpu`, installed
// by run-device.sh, not a project dependency) gives onnxruntime-web's WebGPU EP a real adapter.
// Runs the per-token benchmark (ours on onnxruntime-web/webgpu vs transformers.js with device
// 'webgpu', which in Node is onnxruntime-node's WebGPU EP, also Dawn) and the whole-paper
// comparison on the GPU, and prints both. Not run in this project so far: no GPU was lent.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const argv = process.argv.slice(2);
const value = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const model = value('--model', 'local/smollm2-135m-instruct');
const dtype = value('--dtype', 'fp32') as 'fp32';
const tokens = Number(value('--tokens', '64'));
const out = value('--out', resolve(import.meta.dirname, '../out/gpu-device.json'));

// navigator.gpu before ORT loads: ORT's WebGPU EP asks navigator.gpu for its adapter.
const dawn = (await import('webgpu' as string)) as { create(flags: string[]): unknown; globals: Record<string, unknown> };
Object.assign(globalThis, dawn.globals);
const gpu = dawn.create([]) as { requestAdapter(): Promise<{ info?: Record<string, string> } | null> };
Object.defineProperty(globalThis, 'navigator', { value: { gpu, hardwareConcurrency: 1, userAgent: 'node' }, configurable: true });
const adapter = await gpu.requestAdapter();
if (!adapter) throw new Error('Dawn found no WebGPU adapter (driver? Vulkan ICD?)');
console.log(`adapter: ${JSON.stringify(adapter.info ?? {})}`);

const ort = await import('onnxruntime-web/webgpu');
const { DirSource } = await import('../../test/support/dirSource');
const { measure } = await import('../../src/bench/measure');
const { oursContender } = await import('../../src/bench/ours');
const { peerContender } = await import('../../src/bench/peer');
const { compare } = await import('../../src/bench/stats');
const { BENCH_TEXT } = await import('../../src/bench/scenario');
const { MODELS_ROOT } = await import('../node');
const { runWholeNode, quality, loadPaper, WHOLE_PAPER } = await import('../whole');
const tf = await import('@huggingface/transformers');
tf.env.allowRemoteModels = false;
tf.env.localModelPath = `${MODELS_ROOT}/`;

const common = { env: 'node' as const, model, backend: 'webgpu' as const, text: BENCH_TEXT, newTokens: tokens, dtype };
const readMemory = () => ({ jsHeapPeakBytes: process.memoryUsage().heapUsed, rssPeakBytes: process.memoryUsage().rss });
const ours = await measure(oursContender({ ...common, source: new DirSource(resolve(MODELS_ROOT, model)), ort: ort as never, gpu: gpu as never, runtime: 'onnxruntime-web (webgpu, Dawn in Node)' }), { runs: 5, readMemory });
const peer = await measure(peerContender({ ...common, tf, device: 'webgpu', runtime: 'onnxruntime-node (WebGPU EP)' }), { runs: 5, readMemory });
const perToken = compare(ours, peer, tokens);
console.log(`per token: ours ${ours.median.tokensPerSecond.toFixed(1)} tok/s, peer ${peer.median.tokensPerSecond.toFixed(1)} tok/s, same tokens ${perToken.sameTokens}`);

const job = { model, dtype, backend: 'webgpu' as const, ort: ort as never, log: console.log };
const wOurs = await runWholeNode({ ...job, side: 'ours' });
const wPeer = await runWholeNode({ ...job, side: 'peer', maxInputTokens: wOurs.maxInputTokens });
const q = quality(wOurs, wPeer, (await loadPaper(WHOLE_PAPER)).reference);
console.log(`whole paper on the GPU: ours ${(wOurs.wallMs / 1000).toFixed(1)} s, peer ${(wPeer.wallMs / 1000).toFixed(1)} s`);
for (const r of q) console.log(`  ${r.style}: ROUGE-L ours ${r.ours.rl.toFixed(3)} peer ${r.peer.rl.toFixed(3)}`);
writeFileSync(out, JSON.stringify({ adapter: adapter.info, perToken, whole: { ours: wOurs, peer: wPeer, quality: q } }, null, 2));
console.log(`whole-paper speedup (GPU): ${(wPeer.wallMs / wOurs.wallMs).toFixed(2)}x`);
process.exit(0);
