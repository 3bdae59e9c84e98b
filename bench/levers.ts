// `npx tsx bench/levers.ts [--styles tldr] [--model ...]`: ours against ours with a lever off, in
// one Node process each (fresh wasm heap), on the whole paper: batched map/reduce with the shared
// prefix (ours) against one pass at a time (ours-unbatched, prompt lookup at its default on every
// pass), and against one pass at a time with prompt lookup off (ours-plain: what the engine did
// before issue #15). Prints wall times and the ratios; same summaries required.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const value = (n: string, d: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const styles = value('--styles', 'tldr').split(',');
const model = value('--model', 'local/smollm2-135m-instruct');
const dir = mkdtempSync(join(tmpdir(), 'paperlens-levers-'));
const runs: Record<string, { wallMs: number; tokens: number; passes: number; summaries: Record<string, string>; draftedTokens: number; acceptedTokens: number; maxBatchRows: number; prefixTokensReused: number }> = {};
for (const [name, job] of [
  ['ours', { side: 'ours' }],
  ['ours-unbatched', { side: 'ours-unbatched' }],
  ['ours-plain', { side: 'ours-unbatched', lookup: -1 }],
] as const) {
  const out = join(dir, `${name}.json`);
  console.log(`== ${name} (load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
  const r = spawnSync('npx', ['tsx', 'bench/whole-side.ts', JSON.stringify({ ...job, model, dtype: 'fp32', styles, out })], { cwd: resolve(import.meta.dirname, '..'), stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${name} failed`);
  runs[name] = JSON.parse(readFileSync(out, 'utf8'));
}
console.log(`\nload average at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('| run | wall s | tokens | passes | batch rows | prefix tokens reused | drafts accepted | wall vs ours-plain | same summaries as ours-plain |');
console.log('|---|---|---|---|---|---|---|---|---|');
const plain = runs['ours-plain'];
for (const [name, r] of Object.entries(runs)) {
  console.log(`| ${name} | ${(r.wallMs / 1000).toFixed(1)} | ${r.tokens} | ${r.passes} | ${r.maxBatchRows} | ${r.prefixTokensReused} | ${r.acceptedTokens}/${r.draftedTokens} | ${(plain.wallMs / r.wallMs).toFixed(2)}x | ${JSON.stringify(r.summaries) === JSON.stringify(plain.summaries) ? 'yes' : 'NO'} |`);
}
process.exit(0);
