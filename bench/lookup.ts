// `npx tsx bench/lookup.ts [--chunks N] [--paper PATH]...`: prompt-lookup decoding on the real
// model over real papers' map passes. Each pass is decoded with prompt_lookup_num_tokens 0 (plain
// greedy) and each draft length asked, one after another in this process; prints the acceptance
// rate (accepted / drafted), decoder runs saved and the wall-time ratio, and checks the tokens are
// plain greedy's. Chunks and prompts are the pipeline's own (a recording generator captures them).
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import * as ort from 'onnxruntime-web';
import { loadModel } from '../src/engine';
import type { GenerationOptions, GenerationResult, TextGenerator } from '../src/engine/types';
import { summarizePaper } from '../src/pipeline';
import { WHOLE_CONTEXT } from '../src/bench/wholePaper';
import { DirSource } from '../test/support/dirSource';
import { loadPaper, WHOLE_PAPER } from './whole';
import { MODELS_ROOT } from './node';

const argv = process.argv.slice(2);
const value = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const chunksPerPaper = Number(value('--chunks', '3'));
const papers = argv.flatMap((a, i) => (a === '--paper' ? [argv[i + 1]] : []));
const drafts = value('--drafts', '4,8').split(',').map(Number);
ort.env.wasm.numThreads = availableParallelism();
const model = await loadModel(new DirSource(resolve(MODELS_ROOT, value('--model', 'local/smollm2-135m-instruct'))), { ort, backend: 'wasm', dtype: value('--dtype', 'fp32') as 'fp32', contextTokens: Number(value('--context', String(WHOLE_CONTEXT))), gpu: null });

/** Captures the map-stage inputs the pipeline would send, answering with a stub. */
async function mapInputs(path: string): Promise<{ input: string; options: GenerationOptions }[]> {
  const { paper } = await loadPaper(path);
  const seen: { input: string; options: GenerationOptions }[] = [];
  const stub: TextGenerator = {
    kind: model.kind, backend: 'wasm', maxInputTokens: model.maxInputTokens, defaults: {},
    countTokens: (t) => model.countTokens(t),
    async generate(input, options): Promise<GenerationResult> {
      seen.push({ input, options });
      const text = 'A summary sentence.';
      return { ids: [1], text, sequences: [{ ids: [1], text }], stopReason: 'eos', timings: { encodeMs: 0, firstTokenMs: 0, totalMs: 0, newTokens: 1, tokensPerSecond: 0 }, backend: 'wasm' };
    },
    dispose: async () => {},
  };
  await summarizePaper(paper, { style: 'tldr', length: 'short' }, { generator: stub });
  return seen.filter((s) => /Summarize the following part/.test(s.input)).slice(0, chunksPerPaper);
}

const totals = new Map<number, { ms: number; runs: number; drafted: number; accepted: number; tokens: number; same: boolean }>();
for (const path of papers.length ? papers : [WHOLE_PAPER, 'test/corpus/papers/mob/mob.Rnw']) {
  for (const { input, options } of await mapInputs(path)) {
    let plain: number[] | undefined;
    for (const n of [0, ...drafts]) {
      const r = await model.generate(input, { ...options, prompt_lookup_num_tokens: n });
      const decodeMs = r.timings.totalMs - r.timings.encodeMs;
      const t = totals.get(n) ?? { ms: 0, runs: 0, drafted: 0, accepted: 0, tokens: 0, same: true };
      plain ??= r.ids;
      Object.assign(t, { ms: t.ms + decodeMs, runs: t.runs + (r.timings.decoderRuns ?? 0), drafted: t.drafted + (r.timings.draftedTokens ?? 0), accepted: t.accepted + (r.timings.acceptedTokens ?? 0), tokens: t.tokens + r.ids.length, same: t.same && r.ids.join() === plain.join() });
      totals.set(n, t);
      console.log(`${path.split('/').at(-2)} lookup ${n}: ${r.ids.length} tokens, ${r.timings.decoderRuns} runs, accepted ${r.timings.acceptedTokens ?? 0}/${r.timings.draftedTokens ?? 0}, decode ${(decodeMs / 1000).toFixed(1)} s`);
    }
  }
}
const base = totals.get(0)!;
console.log(`\nload average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('| drafts | tokens | decoder runs | accepted / drafted | acceptance | decode time vs plain | same tokens |');
console.log('|---|---|---|---|---|---|---|');
for (const [n, t] of totals) {
  console.log(`| ${n} | ${t.tokens} | ${t.runs} | ${t.accepted} / ${t.drafted} | ${t.drafted ? ((100 * t.accepted) / t.drafted).toFixed(1) : '-'}% | ${(t.ms / base.ms).toFixed(2)}x | ${t.same ? 'yes' : 'NO'} |`);
}
await model.dispose();
process.exit(0);
