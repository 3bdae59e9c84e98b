// The whole-paper part of `npm run bench`: each side in a fresh process (Node) or a fresh page
// (Chromium), ours first (the peer chunks by ours' prompt budget), then the table, the quality
// check and, printed last by run.ts, `whole-paper speedup: N.NNx`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { textTable } from '../src/bench/table';
import type { WholePaperRun } from '../src/bench/wholePaper';
import type { BenchBrowser } from './browser';
import { loadPaper, quality, wholeProblems, type QualityRow, type WholeJob } from './whole';

const ROOT = resolve(import.meta.dirname, '..');

export interface WholeModel {
  model: string;
  dtype: string;
  /** Random weights: speed only, ROUGE not compared (gibberish on both sides). */
  random: boolean;
}

export interface WholeSetup {
  models: WholeModel[];
  paperPath: string;
  context: number;
  /** Also ours one pass at a time (the batching lever's measured effect). */
  unbatched: boolean;
  log: (m: string) => void;
}

export interface WholeComparison {
  env: 'node' | 'browser';
  model: string;
  dtype: string;
  random: boolean;
  ours: WholePaperRun;
  peer: WholePaperRun;
  unbatched?: WholePaperRun;
  quality: QualityRow[];
  speedup: number;
  problems: string[];
  loadAverage: number[];
}

type Run = WholePaperRun & { maxInputTokens: number };

function compareWhole(env: 'node' | 'browser', m: WholeModel, ours: Run, peer: Run, reference: string, unbatched?: Run): WholeComparison {
  const q = quality(ours, peer, reference);
  const problems = wholeProblems(ours, peer, m.random ? [] : q);
  return { env, model: m.model, dtype: m.dtype, random: m.random, ours, peer, unbatched, quality: q, speedup: peer.wallMs / ours.wallMs, problems, loadAverage: loadavg() };
}

export function wholeNode(s: WholeSetup): WholeComparison[] {
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-whole-'));
  const side = (job: WholeJob): Run => {
    const out = join(dir, `${job.side}.json`);
    s.log(`node whole-paper ${job.model} (${job.dtype}): ${job.side}`);
    const r = spawnSync('npx', ['tsx', 'bench/whole-side.ts', JSON.stringify({ ...job, out })], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`whole-paper ${job.side} ${job.model} failed (exit ${r.status})`);
    return JSON.parse(readFileSync(out, 'utf8')) as Run;
  };
  try {
    return s.models.map((m) => {
      const base = { model: m.model, dtype: m.dtype, paperPath: s.paperPath, context: s.context };
      const ours = side({ ...base, side: 'ours' });
      const unbatched = s.unbatched ? side({ ...base, side: 'ours-unbatched' }) : undefined;
      const peer = side({ ...base, side: 'peer', maxInputTokens: ours.maxInputTokens });
      return compareWhole('node', m, ours, peer, '', unbatched);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The paper as JSON next to the build, for the page to fetch. */
export async function writePaperJson(dist: string, paperPath: string): Promise<string> {
  const { paper } = await loadPaper(paperPath);
  writeFileSync(join(dist, 'whole-paper.json'), JSON.stringify(paper));
  return 'whole-paper.json';
}

export async function wholeBrowser(s: WholeSetup, browser: BenchBrowser, timeoutMs: number): Promise<WholeComparison[]> {
  const out: WholeComparison[] = [];
  for (const m of s.models) {
    const q = { whole: '1', model: m.model, dtype: m.dtype, context: String(s.context), paper: 'whole-paper.json' };
    s.log(`browser/wasm whole-paper ${m.model} (${m.dtype}): ours`);
    const ours = (await browser.runWhole({ ...q, side: 'ours' }, timeoutMs)) as Run;
    let unbatched: Run | undefined;
    if (s.unbatched) {
      s.log(`browser/wasm whole-paper ${m.model} (${m.dtype}): ours-unbatched`);
      unbatched = (await browser.runWhole({ ...q, side: 'ours-unbatched' }, timeoutMs)) as Run;
    }
    s.log(`browser/wasm whole-paper ${m.model} (${m.dtype}): peer`);
    const peer = (await browser.runWhole({ ...q, side: 'peer', maxInput: String(ours.maxInputTokens) }, timeoutMs)) as Run;
    out.push(compareWhole('browser', m, ours, peer, '', unbatched));
  }
  return out;
}

/** Fills in the quality rows (the reference stays in Node: the page never sees the abstract). */
export async function scoreWhole(cs: WholeComparison[], paperPath: string): Promise<void> {
  const { reference } = await loadPaper(paperPath);
  for (const c of cs) {
    c.quality = quality(c.ours, c.peer, reference);
    c.problems = wholeProblems(c.ours, c.peer, c.random ? [] : c.quality);
  }
}

const mb = (b?: number) => (b ? (b / 2 ** 20).toFixed(0) : '-');
const r3 = (x: number) => x.toFixed(3);

export function printWhole(cs: WholeComparison[], out: (s: string) => void): void {
  if (!cs.length) return;
  out('');
  out('Whole paper, end to end (map-reduce, key points + TL;DR), summarizing only (model loaded):');
  const rows = cs.flatMap((c) =>
    [c.ours, ...(c.unbatched ? [c.unbatched] : []), c.peer].map((r) => [
      `${c.env}/wasm`,
      `${c.model} (${c.dtype})`,
      r.side,
      (r.wallMs / 1000).toFixed(1),
      String(r.tokens),
      r.tokensPerSecond.toFixed(2),
      `${r.passes} (${r.mapPasses} map)${r.passesReused ? `, ${r.passesReused} reused` : ''}`,
      Object.entries(r.styleMs ?? {})
        .map(([st, ms]) => `${st} ${(ms / 1000).toFixed(0)}`)
        .join(', '),
      String(r.maxBatchRows),
      `${r.prefixTokensShared ?? 0} / ${r.prefixTokensReused}`,
      mb(r.wasmPeakBytes),
      mb(r.jsHeapPeakBytes),
      mb(r.rssPeakBytes),
      (c.peer.wallMs / r.wallMs).toFixed(2) + 'x',
    ]),
  );
  out(textTable(['where', 'model', 'side', 'wall s', 'tokens', 'tok/s', 'passes', 's per style', 'batch rows', 'prefix tokens shared / reused', 'wasm MB', 'JS heap MB', 'RSS MB', 'peer wall / this'], rows));
  out('');
  out('Quality: ROUGE-1/2/L F against the paper\'s abstract (withheld from the input), ours | peer:');
  const qrows = cs.flatMap((c) => c.quality.map((q) => [`${c.env}`, c.model, q.style, `${r3(q.ours.r1)} / ${r3(q.ours.r2)} / ${r3(q.ours.rl)}`, `${r3(q.peer.r1)} / ${r3(q.peer.r2)} / ${r3(q.peer.rl)}`, c.random ? 'n/a (random weights)' : q.equal ? 'yes' : 'NO', c.ours.summaries[q.style] === c.peer.summaries[q.style] ? 'yes' : 'no']));
  out(textTable(['where', 'model', 'style', 'ours R1/R2/RL', 'peer R1/R2/RL', 'within margin', 'identical text'], qrows));
  for (const c of cs) out(`  ${c.env} ${c.model}: load average during the run ${c.loadAverage.map((x) => x.toFixed(2)).join(' ')}`);
}

/** The headline: real model, WASM, browser when it ran, else Node. */
export function headline(cs: WholeComparison[]): string | undefined {
  const real = cs.filter((c) => !c.random);
  const c = real.find((x) => x.env === 'browser') ?? real[0];
  if (!c) return undefined;
  return `whole-paper speedup: ${c.speedup.toFixed(2)}x`;
}
