// `npm run corpus`: the real-paper corpus report (test/corpus). `-- --write-baseline` records
// today's overall figures as the floor test/corpus/corpus.test.ts holds them to; `-- --details`
// lists each paper's title as read and its broken tokens.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, formatReport, measureCorpus } from '../test/corpus/measure';

const report = await measureCorpus();
console.log(formatReport(report));
if (process.argv.includes('--details')) {
  for (const p of report.papers) console.log(`\n${p.id}: title read "${p.titleRead}"; broken: ${p.broken.join(', ') || 'none'}`);
}
if (process.argv.includes('--write-baseline')) {
  writeFileSync(join(CORPUS_DIR, 'baseline.json'), `${JSON.stringify(report.overall, null, 2)}\n`);
  console.log('\nbaseline written to test/corpus/baseline.json');
}
