// The results table, as rows of strings, for the page (HTML) and the Node runner (text).
import { overheadPerToken } from './stats';
import type { Comparison, SideResult } from './types';

const f = (x: number | undefined, digits = 1) => (x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(digits));
const mb = (x: number | undefined) => (x === undefined ? '-' : (x / 2 ** 20).toFixed(0));
const pair = (a: number, b: number, digits = 1) => `${f(a, digits)} / ${f(b, digits)}`;

export const SPEED_HEADER = [
  'where',
  'model',
  'encode/prefill ms (ours / peer)',
  'TTFT ms (ours / peer)',
  'decode tok/s (ours / peer)',
  'non-ORT ms/token (ours / peer)',
  'decode ratio',
  'TTFT ratio',
  'same tokens',
];

export const BEST_HEADER = ['where', 'model', 'encode/prefill ms', 'TTFT ms', 'decode tok/s', 'decode ratio', 'TTFT ratio'];

/** Best-of-N figures (ours / peer): on a shared, busy machine the medians carry other jobs' noise. */
export function bestRows(cs: readonly Comparison[]): string[][] {
  return cs.map((c) => [
    `${c.env}/${c.backend}`,
    c.model,
    pair(c.ours.best.encodeMs, c.peer.best.encodeMs),
    pair(c.ours.best.firstTokenMs, c.peer.best.firstTokenMs),
    pair(c.ours.best.tokensPerSecond, c.peer.best.tokensPerSecond, 2),
    `${f(c.bestRatios.decode, 2)}x`,
    `${f(c.bestRatios.ttft, 2)}x`,
  ]);
}

export function speedRows(cs: readonly Comparison[]): string[][] {
  return cs.map((c) => [
    `${c.env}/${c.backend}`,
    c.model,
    pair(c.ours.median.encodeMs, c.peer.median.encodeMs),
    pair(c.ours.median.firstTokenMs, c.peer.median.firstTokenMs),
    pair(c.ours.median.tokensPerSecond, c.peer.median.tokensPerSecond, 2),
    pair(overheadPerToken(c.ours.runs), overheadPerToken(c.peer.runs), 2),
    `${f(c.decodeRatio, 2)}x`,
    `${f(c.ttftRatio, 2)}x`,
    c.sameTokens ? 'yes' : 'NO',
  ]);
}

export const MEMORY_HEADER = ['where', 'model', 'side', 'load s', 'input tokens', 'JS heap peak MB', 'wasm MB', 'RSS peak MB', 'runtime'];

export function memoryRows(cs: readonly Comparison[]): string[][] {
  const row = (c: Comparison, s: SideResult) => [
    `${c.env}/${c.backend}`,
    c.model,
    s.side,
    f(s.loadMs / 1000, 1),
    String(s.inputTokens),
    mb(s.memory.jsHeapPeakBytes),
    mb(s.memory.wasmBytes),
    mb(s.memory.rssPeakBytes),
    s.runtime,
  ];
  return cs.flatMap((c) => [row(c, c.ours), row(c, c.peer)]);
}

/** Our wasm decode rate (browser and Node) against transformers.js on onnxruntime-node, per model. */
export const CEILING_HEADER = ['model', 'ours wasm where', 'ours tok/s', 'onnxruntime-node tok/s', 'ours / ort-node'];

export function ceilingRows(cs: readonly Comparison[]): string[][] {
  const out: string[][] = [];
  for (const native of cs.filter((c) => c.env === 'node')) {
    for (const c of cs.filter((x) => x.model === native.model && x.backend === 'wasm')) {
      const ratio = c.ours.median.tokensPerSecond / native.peer.median.tokensPerSecond;
      out.push([c.model, `${c.env}/wasm`, f(c.ours.median.tokensPerSecond, 2), f(native.peer.median.tokensPerSecond, 2), `${f(ratio, 2)}x`]);
    }
  }
  return out;
}

export function textTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
