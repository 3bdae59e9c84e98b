// Child process of bench/run.ts: one whole-paper side in a fresh process (clean wasm heap).
import { writeFileSync } from 'node:fs';
import { runWholeNode, type WholeJob } from './whole';

const job = JSON.parse(process.argv[2]) as WholeJob & { out: string };
const r = await runWholeNode({ ...job, log: (m) => console.log(`  [node] ${m}`) });
writeFileSync(job.out, JSON.stringify(r));
process.exit(0);
