// `npm run eval [-- --subset] [-- --write-baseline]`: prints the evaluation table and writes
// eval-out/eval.json (git-ignored). --subset scores only test/data/papers, the set eval.test.ts
// checks; --write-baseline (with --subset) stores its figures as the committed baseline.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluatePaper, overall, type PaperFigures } from './evaluate';
import { evalPapers } from './papers';
import { baselineOf, formatTable } from './report';
import { disposeSimilarities, similarities } from './similarity';

const subset = process.argv.includes('--subset');
if (process.argv.includes('--write-baseline') && !subset) throw new Error('--write-baseline goes with --subset (the set the test checks)');
const papers = await evalPapers(subset ? 'data' : undefined);
const sims = await similarities();
const rows: PaperFigures[] = [];
const t0 = performance.now();
for (const p of papers) rows.push(await evaluatePaper(p, sims));
const o = overall(rows, sims);
console.log(formatTable(o));
console.log(`\n(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const out = join(import.meta.dirname, '../../eval-out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'eval.json'), `${JSON.stringify({ overall: o, papers: rows }, null, 2)}\n`);
console.log(`\nwrote ${join('eval-out', 'eval.json')} (${rows.length} papers)`);
if (process.argv.includes('--write-baseline')) {
  if (!o.measures.embedding) throw new Error('--write-baseline needs all-MiniLM-L6-v2 (npm run models): the baseline holds the embedding figures too');
  writeFileSync(join(import.meta.dirname, 'baseline.json'), `${JSON.stringify(baselineOf(o), null, 2)}\n`);
  console.log('wrote scripts/eval/baseline.json');
}
await disposeSimilarities();
