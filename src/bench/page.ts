// /bench.html: ours vs transformers.js in this browser, on this machine's GPU or CPU. Interactive
// (pick a model folder, backend, runs) and scriptable: `?auto=1&side=ours|peer|both&...` runs at
// once and leaves the results on window.__bench for bench/run.ts.
import { oursInPage, peerInPage, type PageSettings } from './browserSides';
import { measure } from './measure';
import { installWasmMemoryTracker, setMemoryLabel, wasmBytes } from './memory';
import { BENCH_MODELS, BENCH_TEXT, SMOKE_TEXT, TINY_MODELS } from './scenario';
import { compare } from './stats';
import { runWholeInPage } from './wholePage';
import { BEST_HEADER, CEILING_HEADER, MEMORY_HEADER, SPEED_HEADER, bestRows, ceilingRows, memoryRows, speedRows } from './table';
import type { BenchReport, BenchState, MemoryFigures, Side, SideResult } from './types';

installWasmMemoryTracker();

const bench: BenchState = { state: 'idle', results: [], comparisons: [], log: [] };
window.__bench = bench;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function log(msg: string): void {
  bench.log.push(msg);
  $('log').textContent = bench.log.slice(-12).join('\n');
}

const readMemory = (): MemoryFigures => {
  const m = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return m ? { jsHeapPeakBytes: m.usedJSHeapSize } : {};
};

function settingsFromForm(): PageSettings & { runs: number; sides: Side[] } {
  const q = new URLSearchParams(location.search);
  const form = {
    model: $<HTMLInputElement>('model').value.trim().replace(/^\/?models\//, '').replace(/\/$/, ''),
    backend: $<HTMLSelectElement>('backend').value as 'wasm' | 'webgpu',
    runs: Math.max(1, Number($<HTMLInputElement>('runs').value) || 3),
    newTokens: Math.max(2, Number($<HTMLInputElement>('tokens').value) || 16),
    threads: Math.max(1, Number($<HTMLInputElement>('threads').value) || navigator.hardwareConcurrency || 1),
  };
  const side = q.get('side');
  const sides: Side[] = side === 'ours' || side === 'peer' ? [side] : ['ours', 'peer'];
  const lookup = Math.max(0, Math.min(64, Math.floor(Number(q.get('lookup')) || 0)));
  const dtype = (['q8', 'q4'] as const).find((d) => d === q.get('dtype')) ?? 'fp32';
  return { ...form, text: q.get('text') === 'smoke' ? SMOKE_TEXT : BENCH_TEXT, sides, promptLookup: lookup, dtype };
}

async function run(): Promise<void> {
  const s = settingsFromForm();
  if (!s.model) throw new Error('Pick a model folder under /models/ first.');
  bench.state = 'running';
  $<HTMLButtonElement>('go').disabled = true;
  const results: SideResult[] = [];
  for (const side of s.sides) {
    setMemoryLabel(side);
    const contender = side === 'ours' ? await oursInPage(s) : await peerInPage(s);
    const r = await measure(contender, { runs: s.runs, readMemory, wasmBytes: () => wasmBytes(side), onProgress: log });
    if (r.actualBackend !== s.backend) r.notes.push(`asked for ${s.backend}, ran on ${r.actualBackend}`);
    results.push(r);
    bench.results.push(r);
    log(`${side}: ${r.median.tokensPerSecond.toFixed(2)} tok/s, TTFT ${r.median.firstTokenMs.toFixed(0)} ms`);
  }
  const ours = results.find((r) => r.side === 'ours');
  const peer = results.find((r) => r.side === 'peer');
  if (ours && peer) bench.comparisons.push(compare(ours, peer, s.newTokens));
  render();
}

function htmlTable(header: string[], rows: string[][]): HTMLTableElement {
  const t = document.createElement('table');
  const tr = (cells: string[], tag: 'th' | 'td') => {
    const r = t.insertRow();
    for (const c of cells) {
      const cell = document.createElement(tag);
      cell.textContent = c;
      r.appendChild(cell);
    }
  };
  tr(header, 'th');
  for (const r of rows) tr(r, 'td');
  return t;
}

function render(): void {
  const out = $('results');
  out.replaceChildren();
  const cs = bench.comparisons;
  if (!cs.length) return;
  out.append(htmlTable(SPEED_HEADER, speedRows(cs)), htmlTable(BEST_HEADER, bestRows(cs)), htmlTable(MEMORY_HEADER, memoryRows(cs)));
  const ceiling = ceilingRows(cs);
  if (ceiling.length) out.append(htmlTable(CEILING_HEADER, ceiling));
  const problems = cs.flatMap((c) => c.problems);
  if (problems.length) {
    const p = document.createElement('pre');
    p.className = 'problems';
    p.textContent = problems.join('\n');
    out.append(p);
  }
  $<HTMLButtonElement>('download').disabled = false;
}

function report(): BenchReport {
  const s = settingsFromForm();
  const gpuNote = $('gpu').textContent ?? '';
  return {
    createdAt: new Date().toISOString(),
    machine: { userAgent: navigator.userAgent, hardwareConcurrency: navigator.hardwareConcurrency, crossOriginIsolated, gpu: gpuNote },
    settings: { newTokens: s.newTokens, runs: s.runs, text: s.text, ...(s.promptLookup ? { promptLookup: s.promptLookup } : {}) },
    versions: Object.fromEntries(bench.results.map((r) => [`${r.side} runtime`, r.runtime])),
    comparisons: bench.comparisons,
    caveats: ['Random-weight benchmark models: speed only, their text is gibberish.'],
  };
}

function download(): void {
  const blob = new Blob([JSON.stringify(report(), null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `paperlens-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

async function describeGpu(): Promise<string> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: Record<string, string> } | null> } }).gpu;
  if (!gpu) return 'no WebGPU in this browser';
  const a = await gpu.requestAdapter().catch(() => null);
  if (!a) return 'WebGPU: no adapter';
  const i = a.info ?? {};
  const soft = i.architecture === 'swiftshader' || i.vendor === 'google';
  return `WebGPU adapter: ${i.vendor ?? '?'} ${i.architecture ?? ''} ${i.description ?? ''}${soft ? ' (software: WebGPU numbers prove wiring only, not speed)' : ''}`;
}

function init(): void {
  const q = new URLSearchParams(location.search);
  const list = $<HTMLDataListElement>('models');
  for (const m of [...BENCH_MODELS, ...TINY_MODELS]) {
    const o = document.createElement('option');
    o.value = m.folder;
    list.append(o);
  }
  $<HTMLInputElement>('model').value = q.get('model') ?? BENCH_MODELS[0].folder;
  $<HTMLSelectElement>('backend').value = q.get('backend') === 'webgpu' ? 'webgpu' : 'wasm';
  $<HTMLInputElement>('runs').value = q.get('runs') ?? '3';
  $<HTMLInputElement>('tokens').value = q.get('tokens') ?? '16';
  $<HTMLInputElement>('threads').value = q.get('threads') ?? String(navigator.hardwareConcurrency || 1);
  $('isolation').textContent = crossOriginIsolated
    ? `cross-origin isolated: multi-threaded wasm available (${navigator.hardwareConcurrency} logical cores)`
    : 'NOT cross-origin isolated: wasm runs single-threaded (serve with COOP/COEP)';
  void describeGpu().then((d) => ($('gpu').textContent = d));
  const go = () =>
    (q.get('whole') === '1' ? runWholeInPage(q, log).then((r) => void (bench.whole = r)) : run())
      .then(() => (bench.state = 'done'))
      .catch((e: unknown) => {
        bench.state = 'error';
        bench.error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
        log(`error: ${bench.error}`);
      })
      .finally(() => ($<HTMLButtonElement>('go').disabled = false));
  $('go').addEventListener('click', () => void go());
  $('download').addEventListener('click', download);
  if (q.get('auto') === '1') void go();
}

init();
