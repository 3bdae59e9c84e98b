// Printing and saving a benchmark report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BEST_HEADER, CEILING_HEADER, bestRows, MEMORY_HEADER, SPEED_HEADER, ceilingRows, memoryRows, speedRows, textTable } from '../src/bench/table';
import type { BenchReport } from '../src/bench/types';

export function printReport(r: BenchReport, out: (s: string) => void = console.log): void {
  out('');
  out(`PaperLens speed benchmark, ${r.createdAt}`);
  for (const [k, v] of Object.entries(r.machine)) out(`  ${k}: ${v}`);
  out(`  settings: greedy, ${r.settings.newTokens} new tokens forced (min_new_tokens = max_new_tokens), median of ${r.settings.runs} runs after 1 warm-up`);
  out('Runtimes:');
  for (const [k, v] of Object.entries(r.versions)) out(`  ${k}: ${v}`);
  out('');
  out('Speed (decode ratio = ours/peer tok/s, > 1 is ours faster; TTFT ratio = ours/peer, < 1 is ours faster):');
  out(textTable(SPEED_HEADER, speedRows(r.comparisons)));
  out('');
  out('Best of the runs (ours / peer), less sensitive to other load on the machine:');
  out(textTable(BEST_HEADER, bestRows(r.comparisons)));
  out('');
  out('CPU ceiling: our wasm decode vs transformers.js on onnxruntime-node (native) in Node:');
  out(textTable(CEILING_HEADER, ceilingRows(r.comparisons)));
  out('');
  out('Load and memory:');
  out(textTable(MEMORY_HEADER, memoryRows(r.comparisons)));
  for (const c of r.caveats) out(`NOTE: ${c}`);
  const problems = [...(r.failures ?? []).map((f) => `FAILED ${f}`), ...r.comparisons.flatMap((c) => c.problems)];
  if (problems.length) {
    out('');
    out(`PROBLEMS (${problems.length}):`);
    for (const p of problems) out(`  - ${p}`);
  }
}

export function saveReport(r: BenchReport, dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(join(dir, name.includes('smoke') ? 'latest-smoke.json' : 'latest.json'), `${JSON.stringify(r, null, 2)}\n`);
  return file;
}
