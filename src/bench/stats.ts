// Medians, sanity checks and the ours/peer comparison. Pure functions: unit-tested in Node and
// reused by the page.
import type { Comparison, RunSample, SideResult } from './types';

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function bestOf(runs: readonly RunSample[]): SideResult['best'] {
  const min = (k: keyof RunSample) => Math.min(...runs.map((r) => r[k] as number));
  return {
    encodeMs: min('encodeMs'),
    firstTokenMs: min('firstTokenMs'),
    tokensPerSecond: Math.max(...runs.map((r) => r.tokensPerSecond)),
    totalMs: min('totalMs'),
  };
}

/** Wall time per new token spent outside session.run() (median over runs). */
export function overheadPerToken(runs: readonly RunSample[]): number {
  return median(runs.map((r) => (r.sessionMs === undefined ? NaN : (r.totalMs - r.sessionMs) / r.newTokens)));
}

export function medianOf(runs: readonly RunSample[]): SideResult['median'] {
  return {
    encodeMs: median(runs.map((r) => r.encodeMs)),
    firstTokenMs: median(runs.map((r) => r.firstTokenMs)),
    tokensPerSecond: median(runs.map((r) => r.tokensPerSecond)),
    totalMs: median(runs.map((r) => r.totalMs)),
  };
}

const positive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/** Every figure a side reports must be a positive finite number; returns what is wrong, if anything. */
export function sideProblems(r: SideResult, expectedTokens: number): string[] {
  const where = `${r.side} ${r.env}/${r.backend} ${r.model}`;
  const out: string[] = [];
  const check = (name: string, x: unknown) => {
    if (!positive(x)) out.push(`${where}: ${name} is ${String(x)}, not a positive finite number`);
  };
  check('loadMs', r.loadMs);
  check('inputTokens', r.inputTokens);
  if (!r.runs.length) out.push(`${where}: no timed runs`);
  for (const [i, run] of [r.warmup, ...r.runs].entries()) {
    const label = i === 0 ? 'warm-up' : `run ${i}`;
    for (const k of ['encodeMs', 'firstTokenMs', 'tokensPerSecond', 'totalMs'] as const) check(`${label} ${k}`, run[k]);
    if (run.sessionMs !== undefined) {
      check(`${label} sessionMs`, run.sessionMs);
      if (run.sessionMs > run.totalMs) out.push(`${where}: ${label} spent longer in session.run than in total`);
    }
    if (run.newTokens !== expectedTokens) out.push(`${where}: ${label} made ${run.newTokens} tokens, expected ${expectedTokens}`);
  }
  for (const [k, v] of Object.entries(r.median)) check(`median ${k}`, v);
  for (const [k, v] of Object.entries(r.best)) check(`best ${k}`, v);
  for (const [k, v] of Object.entries(r.memory)) if (v !== undefined) check(`memory ${k}`, v);
  if (r.ids.length !== expectedTokens) out.push(`${where}: ${r.ids.length} ids, expected ${expectedTokens}`);
  if (!r.stable) out.push(`${where}: greedy runs did not all produce the same tokens`);
  return out;
}

export function compare(ours: SideResult, peer: SideResult, expectedTokens: number): Comparison {
  const sameTokens = ours.ids.length === peer.ids.length && ours.ids.every((t, i) => t === peer.ids[i]);
  const problems = [...sideProblems(ours, expectedTokens), ...sideProblems(peer, expectedTokens)];
  if (!sameTokens) {
    const at = ours.ids.findIndex((t, i) => t !== peer.ids[i]);
    problems.push(
      `${ours.model} ${ours.env}/${ours.backend}: tokens differ from transformers.js at position ${at} ` +
        `(ours ${ours.ids.slice(0, 12).join(' ')} ..., peer ${peer.ids.slice(0, 12).join(' ')} ...)`,
    );
  }
  const decodeRatio = ours.median.tokensPerSecond / peer.median.tokensPerSecond;
  const ttftRatio = ours.median.firstTokenMs / peer.median.firstTokenMs;
  const encodeRatio = ours.median.encodeMs / peer.median.encodeMs;
  for (const [name, v] of [['decode ratio', decodeRatio], ['TTFT ratio', ttftRatio], ['encode ratio', encodeRatio]] as const) {
    if (!positive(v)) problems.push(`${ours.model} ${ours.env}/${ours.backend}: ${name} is ${v}`);
  }
  const bestRatios = {
    decode: ours.best.tokensPerSecond / peer.best.tokensPerSecond,
    ttft: ours.best.firstTokenMs / peer.best.firstTokenMs,
    encode: ours.best.encodeMs / peer.best.encodeMs,
  };
  return { model: ours.model, backend: ours.backend, env: ours.env, ours, peer, sameTokens, decodeRatio, ttftRatio, encodeRatio, bestRatios, problems };
}
