// The real model's rows of the eval (`npm run eval -- --model`): SmolLM2-135M-Instruct (as `npm run
// models` prepares it) through the app's own path, summarizePaper with a loaded generator, fp32 on
// WASM (the catalogue's WASM dtype) and the catalogue's decoding defaults, on the shortest papers
// of the set (CPU time), every style at one length. Per style: ROUGE against the withheld abstract
// (the paper without it), and abstract echo, redundancy and length accuracy on the paper as a
// reader gives it; wall time per summary. A variant overrides decoding settings, to tune them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { CATALOGUE } from '../../models/catalogue';
import { loadModel } from '../../src/engine';
import type { GenerationOptions, TextGenerator } from '../../src/engine/types';
import { summarizePaper, type Paper, type SummaryLength, type SummaryStyle } from '../../src/pipeline';
import { askedLength } from '../../src/pipeline/abstractive/prompts';
import { splitSentences } from '../../src/pipeline/sentences';
import { DirSource } from '../../test/support/dirSource';
import { STYLES, summarySentences, type Measured } from './evaluate';
import { lengthAccuracy, rougeJs, type Rouge } from './metrics';
import type { EvalPaper } from './papers';
import { echoBy, redundancyBy, type Similarity } from './similarity';

export const SMOLLM2_DIR = join(import.meta.dirname, '../../models/local/smollm2-135m-instruct');
const ENTRY = CATALOGUE.find((e) => e.id === 'smollm2-135m-instruct')!;
/** The decoding settings the app sends for this model (catalogue defaults). */
export const APP_GENERATION: GenerationOptions = { ...ENTRY.generation!.options };
/** The app's context option, capped to keep CPU time sane; map passes capped likewise. */
export const MODEL_CONTEXT = 2048;
const MAX_MAP_CHUNKS = 3;

export interface Variant {
  name: string;
  generation: GenerationOptions;
  /** false: the pipeline's output guard off (summarizePaper's mapReduce.outputGuard), to measure it. */
  outputGuard?: false;
}

export interface ModelStyleFigures {
  rouge: Rouge;
  echo: Measured;
  redundancy: Measured;
  /** Length accuracy against the length the prompt asks for (words for abstract and lay, sentences or points otherwise; sections not measured). */
  length?: number;
  seconds: number;
  /** The summary scored by ROUGE (abstract withheld); per paper only, for the matched-length table. */
  text?: string;
}

export const haveModel = () => existsSync(join(SMOLLM2_DIR, 'config.json'));

export async function loadSmolLM2(): Promise<TextGenerator & { dispose(): Promise<void> }> {
  ort.env.wasm.numThreads = 1;
  return loadModel(new DirSource(SMOLLM2_DIR), { ort, backend: 'wasm', dtype: 'fp32', gpu: null, contextTokens: MODEL_CONTEXT });
}

/** The `n` shortest papers (body words), the real model's subset. */
export function modelSubset(papers: EvalPaper[], n: number): EvalPaper[] {
  return [...papers].sort((a, b) => a.paper.wordCount - b.paper.wordCount).slice(0, n);
}

const wordList = (s: string) => s.split(/\s+/).filter(Boolean);
const words = (s: string) => wordList(s).length;

export async function evaluateModelPaper(
  g: TextGenerator,
  p: EvalPaper,
  sims: Similarity[],
  variant: Variant,
  length: SummaryLength,
  styles: SummaryStyle[] = STYLES,
): Promise<Record<string, ModelStyleFigures>> {
  const abstractSentences = splitSentences(p.reference);
  const run = async (paper: Paper, style: SummaryStyle) => {
    const t0 = performance.now();
    const out = await summarizePaper(paper, { style, length, generation: variant.generation }, {
      generator: g,
      mapReduce: { maxMapChunks: MAX_MAP_CHUNKS, outputGuard: variant.outputGuard },
    });
    if (process.env.EVAL_PROGRESS) console.error(`  ${p.id} ${style}${paper === p.full ? ' (with abstract)' : ''}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { text: out.text, seconds: (performance.now() - t0) / 1000 };
  };
  const out: Record<string, ModelStyleFigures> = {};
  for (const style of styles) {
    const withheld = await run(p.paper, style);
    const full = await run(p.full, style);
    const ss = summarySentences(full.text);
    const measured = async (f: (s: Similarity) => Promise<number>) => {
      const m: Measured = {};
      for (const s of sims) m[s.key] = await f(s);
      return m;
    };
    // Held to what the prompt asked the model for (askedLength), not the extractive presets.
    const asked = askedLength(style, length);
    const unit = asked.unit === 'words' ? words(full.text) : ss.length;
    out[style] = {
      rouge: rougeJs(withheld.text, p.reference),
      echo: await measured((s) => echoBy(s, ss, abstractSentences)),
      redundancy: await measured((s) => redundancyBy(s, ss)),
      length: style === 'sections' ? undefined : lengthAccuracy(unit, asked.count),
      seconds: (withheld.seconds + full.seconds) / 2,
      text: withheld.text,
    };
  }
  return out;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Means over papers, per style. */
export function modelOverall(rows: Record<string, ModelStyleFigures>[]): Record<string, ModelStyleFigures> {
  const out: Record<string, ModelStyleFigures> = {};
  for (const style of Object.keys(rows[0] ?? {})) {
    const f = rows.map((r) => r[style]);
    const m = (g: (x: ModelStyleFigures) => Measured) => {
      const o: Measured = {};
      for (const k of ['words', 'embedding'] as const) if (f.every((x) => g(x)[k] !== undefined)) o[k] = mean(f.map((x) => g(x)[k]!));
      return o;
    };
    out[style] = {
      rouge: { r1: mean(f.map((x) => x.rouge.r1)), r2: mean(f.map((x) => x.rouge.r2)), rl: mean(f.map((x) => x.rouge.rl)) },
      echo: m((x) => x.echo),
      redundancy: m((x) => x.redundancy),
      length: f[0].length === undefined ? undefined : mean(f.map((x) => x.length!)),
      seconds: mean(f.map((x) => x.seconds)),
    };
  }
  return out;
}

const f3 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(3));

export function formatModelTable(variant: Variant, papers: string[], length: SummaryLength, o: Record<string, ModelStyleFigures>): string {
  return [
    `SmolLM2-135M-Instruct (fp32, WASM, context ${MODEL_CONTEXT}), variant "${variant.name}" ${JSON.stringify(variant.generation)}, ${length}, on ${papers.length} papers (${papers.join(', ')})`,
    '',
    '| style | ROUGE-1 | ROUGE-2 | ROUGE-L | abstract echo (words / embedding) | redundancy (words / embedding) | length accuracy | s per summary |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(o).map(
      ([st, f]) =>
        `| ${st} | ${f3(f.rouge.r1)} | ${f3(f.rouge.r2)} | ${f3(f.rouge.rl)} | ${f3(f.echo.words)} / ${f3(f.echo.embedding)} | ${f3(f.redundancy.words)} / ${f3(f.redundancy.embedding)} | ${f3(f.length)} | ${f.seconds.toFixed(1)} |`,
    ),
  ].join('\n');
}

export interface MatchedRouge {
  /** Mean words both summaries were cut to (the shorter one's length, per paper). */
  words: number;
  a: Rouge;
  b: Rouge;
}

/**
 * ROUGE F rewards length against a 150-300-word abstract, so two variants whose summaries differ in
 * length are compared here with both cut to the shorter one's words, per paper and style.
 */
export function matchedLength(a: Record<string, ModelStyleFigures>[], b: Record<string, ModelStyleFigures>[], references: string[]): Record<string, MatchedRouge> {
  const out: Record<string, MatchedRouge> = {};
  for (const style of Object.keys(a[0] ?? {})) {
    const rows = a.map((ra, i) => {
      const [ta, tb] = [wordList(ra[style].text ?? ''), wordList(b[i][style].text ?? '')];
      const n = Math.min(ta.length, tb.length);
      return { n, a: rougeJs(ta.slice(0, n).join(' '), references[i]), b: rougeJs(tb.slice(0, n).join(' '), references[i]) };
    });
    const avg = (f: (r: (typeof rows)[number]) => Rouge): Rouge => ({
      r1: mean(rows.map((r) => f(r).r1)),
      r2: mean(rows.map((r) => f(r).r2)),
      rl: mean(rows.map((r) => f(r).rl)),
    });
    out[style] = { words: mean(rows.map((r) => r.n)), a: avg((r) => r.a), b: avg((r) => r.b) };
  }
  return out;
}

export function formatMatchedTable(a: string, b: string, m: Record<string, MatchedRouge>): string {
  return [
    `ROUGE at matched length: "${a}" and "${b}", each paper's two summaries cut to the shorter one's words`,
    '',
    `| style | words | ${a} R1 / R2 / RL | ${b} R1 / R2 / RL |`,
    '| --- | --- | --- | --- |',
    ...Object.entries(m).map(
      ([st, x]) => `| ${st} | ${x.words.toFixed(0)} | ${f3(x.a.r1)} / ${f3(x.a.r2)} / ${f3(x.a.rl)} | ${f3(x.b.r1)} / ${f3(x.b.r2)} / ${f3(x.b.rl)} |`,
    ),
  ].join('\n');
}
