// `npm run eval [-- --subset] [-- --write-baseline] [-- --model[=variant,...]] [-- --model-only]
// [-- --model-papers=N] [-- --model-length=short|medium]`: prints the evaluation table and writes
// eval-out/eval.json (git-ignored). --subset scores only test/data/papers, the set eval.test.ts
// checks; --write-baseline (with --subset) stores its figures as the committed baseline.json.
// --model adds the real model's rows (model.ts: SmolLM2-135M-Instruct, the app's settings, or the
// named decoding variants below), on the N shortest papers (default 3, short length); minutes of
// CPU per paper, so never in CI (eval.test.ts runs a one-summary smoke of it instead).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluatePaper, overall, type PaperFigures } from './evaluate';
import { evalPapers } from './papers';
import { baselineOf, formatTable } from './report';
import { disposeSimilarities, similarities } from './similarity';
import {
  APP_GENERATION,
  evaluateModelPaper,
  formatMatchedTable,
  formatModelTable,
  haveModel,
  loadSmolLM2,
  matchedLength,
  modelOverall,
  modelSubset,
  type ModelStyleFigures,
  type Variant,
} from './model';

const VARIANTS: Record<string, Variant> = {
  app: { name: 'app (catalogue defaults)', generation: APP_GENERATION },
  ngram4: { name: 'no_repeat_ngram_size 4', generation: { ...APP_GENERATION, no_repeat_ngram_size: 4 } },
  penalty: { name: 'repetition_penalty 1.1', generation: { ...APP_GENERATION, repetition_penalty: 1.1 } },
  noguard: { name: 'app without the output guard', generation: APP_GENERATION, outputGuard: false },
};
const arg = (name: string) => process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`))?.split('=')[1];

const subset = process.argv.includes('--subset');
if (process.argv.includes('--write-baseline') && !subset) throw new Error('--write-baseline goes with --subset (the set the test checks)');
const papers = await evalPapers(subset ? 'data' : undefined);
const sims = await similarities();
const rows: PaperFigures[] = [];
const modelOnly = process.argv.includes('--model-only');
const t0 = performance.now();
if (!modelOnly) for (const p of papers) rows.push(await evaluatePaper(p, sims));
const o = overall(rows, sims);
if (!modelOnly) console.log(`${formatTable(o)}\n\n(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const model: Record<string, unknown> = {};
if (process.argv.some((a) => a.startsWith('--model'))) {
  if (!haveModel()) throw new Error('--model needs models/local/smollm2-135m-instruct: run `npm run models`');
  const g = await loadSmolLM2();
  const subset = modelSubset(papers, Number(arg('model-papers') ?? 3));
  const length = (arg('model-length') ?? 'short') as 'short' | 'medium';
  const runs: [string, Record<string, ModelStyleFigures>[]][] = [];
  for (const name of (arg('model') ?? 'app').split(',')) {
    const variant = VARIANTS[name];
    if (!variant) throw new Error(`no variant ${name} (${Object.keys(VARIANTS).join(', ')})`);
    const perPaper = [];
    for (const p of subset) perPaper.push(await evaluateModelPaper(g, p, sims, variant, length));
    const mo = modelOverall(perPaper);
    model[name] = { variant, papers: subset.map((p) => p.id), overall: mo, perPaper };
    runs.push([name, perPaper]);
    console.log(`\n${formatModelTable(variant, subset.map((p) => p.id), length, mo)}`);
  }
  // Each later variant against the first, at the same length.
  for (const [name, perPaper] of runs.slice(1)) {
    const m = matchedLength(runs[0][1], perPaper, subset.map((p) => p.reference));
    model[`${runs[0][0]}~${name}`] = m;
    console.log(`\n${formatMatchedTable(runs[0][0], name, m)}`);
  }
  await g.dispose();
}
const out = join(import.meta.dirname, '../../eval-out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, modelOnly ? 'eval-model.json' : 'eval.json'), `${JSON.stringify({ overall: o, papers: rows, model }, null, 2)}\n`);
console.log(`\nwrote eval-out (${rows.length} papers)`);
if (process.argv.includes('--write-baseline')) {
  if (!o.measures.embedding) throw new Error('--write-baseline needs all-MiniLM-L6-v2 (npm run models): the baseline holds the embedding figures too');
  writeFileSync(join(import.meta.dirname, 'baseline.json'), `${JSON.stringify(baselineOf(o), null, 2)}\n`);
  console.log('wrote scripts/eval/baseline.json');
}
await disposeSimilarities();
