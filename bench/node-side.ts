// Child process of bench/run.ts: one side on one model in a fresh process (clean wasm heap and
// RSS), result as JSON in the file named by --out.
import { writeFileSync } from 'node:fs';
import { runNodeSide } from './node';

const arg = (n: string) => {
  const i = process.argv.indexOf(n);
  if (i < 0) throw new Error(`node-side: missing ${n}`);
  return process.argv[i + 1];
};

const side = arg('--side');
if (side !== 'ours' && side !== 'peer') throw new Error(`node-side: --side must be ours or peer, got ${side}`);
const result = await runNodeSide({
  model: { folder: arg('--model'), size: 'bench', dtype: (process.argv.includes('--dtype') ? arg('--dtype') : 'fp32') as 'fp32' },
  side,
  text: arg('--text'),
  newTokens: Number(arg('--tokens')),
  runs: Number(arg('--runs')),
  log: (m) => console.log(`  [node] ${m}`),
});
writeFileSync(arg('--out'), JSON.stringify(result));
process.exit(0);
