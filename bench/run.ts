// `npm run bench [-- --smoke] [-- --runs N] [-- --tokens N] [-- --no-browser] [-- --no-node]
//  [-- --webgpu-bench] [-- --only SUBSTRING] [-- --no-whole | --whole-only] [-- --whole-unbatched]`
// Ours vs transformers.js: in Node (onnxruntime-web wasm vs onnxruntime-node) and in Debian's
// headless Chromium (wasm with threads; webgpu on SwiftShader, which proves wiring, not speed).
// Exits non-zero when the sides disagree on tokens or any figure is not a positive finite number.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { BENCH_MODELS, BENCH_TEXT, REAL_MODELS, SMOKE_TEXT, TINY_MODELS, type ModelEntry } from '../src/bench/scenario';
import { compare } from '../src/bench/stats';
import type { BenchReport, Comparison, Side, SideResult } from '../src/bench/types';
import { BenchBrowser, CHROMIUM, type BrowserJob } from './browser';
import { MODELS_ROOT, nodeVersions } from './node';
import { printReport, saveReport } from './report';
import { serve } from './serve';
import { headline, printWhole, scoreWhole, wholeBrowser, wholeNode, writePaperJson, type WholeComparison, type WholeSetup } from './wholeRun';
import { WHOLE_PAPER } from './whole';
import { WHOLE_CONTEXT } from '../src/bench/wholePaper';

const ROOT = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const flag = (n: string) => argv.includes(n);
const value = (n: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : undefined);

const smoke = flag('--smoke');
const runs = Number(value('--runs') ?? (smoke ? 1 : 5));
const newTokens = Number(value('--tokens') ?? (smoke ? 8 : 16));
const only = value('--only');
const log = (m: string) => console.log(m);
/** Jobs that produced no result (crash, timeout); reported and counted as problems. */
const failures: string[] = [];
const wholeOnly = flag('--whole-only');
const perToken = !wholeOnly;
const whole = !flag('--no-whole');
const wholeResults: WholeComparison[] = [];
/** The whole-paper run: the real model (and the Qwen2.5-0.5B-size random one where made); tiny Qwen2 on a short paper for --smoke. */
function wholeSetup(): WholeSetup {
  if (smoke) return { models: [{ model: 'fixtures/tiny-qwen2', dtype: 'fp32', random: true }], paperPath: 'test/data/papers/manubot.body.md', context: 384, unbatched: flag('--whole-unbatched'), log };
  const models = [
    ...REAL_MODELS.filter((m) => !m.dtype && existsSync(join(MODELS_ROOT, m.folder, 'config.json'))).map((m) => ({ model: m.folder, dtype: 'fp32', random: false })),
    ...BENCH_MODELS.filter((m) => m.folder.includes('qwen') && existsSync(join(MODELS_ROOT, m.folder, 'config.json'))).map((m) => ({ model: m.folder, dtype: 'fp32', random: true })),
  ].filter((m) => !only || m.model.includes(only));
  return { models, paperPath: WHOLE_PAPER, context: WHOLE_CONTEXT, unbatched: flag('--whole-unbatched'), log };
}

function sh(cmd: string, args: string[], quiet = false): void {
  if (!quiet) log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

function ensureFixtures(): void {
  const tinyMissing = TINY_MODELS.some((m) => !existsSync(join(MODELS_ROOT, m.folder, 'config.json')));
  // Only the models this run benchmarks: `--only smollm2` needs none of the 3 GB random ones.
  const benchMissing = !smoke && pick(BENCH_MODELS).some((m) => !existsSync(join(MODELS_ROOT, m.folder, 'config.json')));
  if (tinyMissing || benchMissing) sh('npx', ['tsx', 'scripts/fixtures/generate.ts', ...(benchMissing ? ['--bench'] : [])]);
}

const pick = (ms: ModelEntry[]) => (only ? ms.filter((m) => m.folder.includes(only)) : ms);
/** The full run's models: bench-size random ones, and the real model where `npm run models` made it. */
const fullModels = (): ModelEntry[] => {
  const real = REAL_MODELS.filter((m) => existsSync(join(MODELS_ROOT, m.folder, 'config.json')));
  if (real.length < REAL_MODELS.length) log('(real model missing: run `npm run models` to benchmark SmolLM2-135M-Instruct too)');
  return [...BENCH_MODELS, ...real];
};

/** Each side on each model in its own process: a bench-size model fills most of a wasm32 heap. */
function nodePart(models: ModelEntry[], text: string): Comparison[] {
  const dir = mkdtempSync(join(tmpdir(), 'paperlens-bench-'));
  try {
    return models.flatMap((m) => {
      try {
        return [nodeModel(m)];
      } catch (e) {
        failures.push(`node ${m.folder}: ${(e as Error).message.split('\n')[0]}`);
        return [];
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  function nodeModel(m: ModelEntry): Comparison {
    const sides = (['ours', 'peer'] as const).map((side) => {
      log(`node ${m.folder}: ${side}`);
      const out = join(dir, `${side}.json`);
      const args = ['--model', m.folder, '--dtype', m.dtype ?? 'fp32', '--side', side, '--text', text, '--tokens', String(newTokens), '--runs', String(runs), '--out', out];
      sh('npx', ['tsx', 'bench/node-side.ts', ...args], true);
      return JSON.parse(readFileSync(out, 'utf8')) as SideResult;
    });
    return compare(sides[0], sides[1], newTokens);
  }
}

async function browserPart(textKind: 'bench' | 'smoke'): Promise<{ comparisons: Comparison[]; info: Record<string, string | number | boolean> }> {
  // Its own outDir: other jobs (e2e) rebuild dist/ and would pull assets from under the bench.
  const outDir = join(ROOT, 'bench', 'out', 'dist');
  sh('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir']);
  if (whole) await writePaperJson(outDir, wholeSetup().paperPath);
  const server = await serve(outDir, MODELS_ROOT);
  const comparisons: Comparison[] = [];
  const info: Record<string, string | number | boolean> = {};
  try {
    const plans: { backend: 'wasm' | 'webgpu'; models: ModelEntry[] }[] = [
      { backend: 'wasm', models: pick(smoke ? TINY_MODELS : fullModels()) },
      // SwiftShader runs a bench-size model's decoder step in tens of seconds: tiny ones unless asked.
      { backend: 'webgpu', models: pick(smoke || !flag('--webgpu-bench') ? TINY_MODELS : fullModels()) },
    ];
    if (whole) {
      const browser = await BenchBrowser.launch(server.origin, false, log);
      try {
        wholeResults.push(...(await wholeBrowser(wholeSetup(), browser, 90 * 60_000)));
      } catch (e) {
        failures.push(`browser whole-paper: ${(e as Error).message.split('\n')[0]}`);
        log(String(e));
      } finally {
        await browser.close();
      }
    }
    for (const plan of perToken ? plans : []) {
      const browser = await BenchBrowser.launch(server.origin, plan.backend === 'webgpu', log);
      try {
        const facts = await browser.info();
        info['chromium'] = facts.version;
        info['browser hardwareConcurrency'] = facts.hardwareConcurrency;
        info['browser crossOriginIsolated'] = facts.crossOriginIsolated;
        if (plan.backend === 'webgpu') info['browser WebGPU'] = facts.gpu;
        for (const m of plan.models) {
          const sides: Partial<Record<Side, SideResult>> = {};
          try {
            for (const side of ['ours', 'peer'] as const) {
              log(`browser/${plan.backend} ${m.folder}: ${side}`);
              const job: BrowserJob = { model: m.folder, dtype: m.dtype ?? 'fp32', backend: plan.backend, side, runs, newTokens, text: textKind };
              sides[side] = await browser.run(job, m.size === 'bench' ? 30 * 60_000 : 3 * 60_000);
            }
          } catch (e) {
            failures.push(`browser/${plan.backend} ${m.folder}: ${(e as Error).message.split('\n')[0]}`);
            log(String(e));
            continue;
          }
          const c = compare(sides.ours!, sides.peer!, newTokens);
          for (const s of [c.ours, c.peer]) {
            if (s.actualBackend !== plan.backend) c.problems.push(`${s.side} browser/${plan.backend} ${m.folder}: ran on ${s.actualBackend}`);
          }
          comparisons.push(c);
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return { comparisons, info };
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM) && !flag('--no-browser')) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or pass --no-browser)`);
  ensureFixtures();
  const text = smoke ? SMOKE_TEXT : BENCH_TEXT;
  const comparisons: Comparison[] = [];
  const machine: BenchReport['machine'] = {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    mode: smoke ? 'smoke (tiny fixtures)' : 'full (bench-size random models)',
  };
  if (!flag('--no-node') && perToken) {
    log(`== Node: ours on onnxruntime-web (wasm) vs transformers.js on onnxruntime-node`);
    comparisons.push(...nodePart(pick(smoke ? TINY_MODELS : fullModels()), text));
  }
  if (!flag('--no-node') && whole) {
    log(`== Node whole-paper: ours on onnxruntime-web (wasm) vs transformers.js on onnxruntime-node`);
    try {
      wholeResults.push(...wholeNode(wholeSetup()));
    } catch (e) {
      failures.push(`node whole-paper: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  if (!flag('--no-browser')) {
    log(`== Browser: ${CHROMIUM} headless`);
    const b = await browserPart(smoke ? 'smoke' : 'bench');
    comparisons.push(...b.comparisons);
    Object.assign(machine, b.info);
  }
  const versions = nodeVersions();
  const report: BenchReport = {
    createdAt: new Date().toISOString(),
    machine,
    settings: { newTokens, runs, text },
    versions: {
      ...versions,
      'ours in the browser': `onnxruntime-web ${versions['onnxruntime-web (ours)']} (onnxruntime-web/webgpu build)`,
      'transformers.js in the browser': `its bundled onnxruntime-web ${versions['onnxruntime-web (transformers.js in the browser)']}`,
    },
    comparisons,
    failures,
    caveats: [
      'WebGPU here is SwiftShader (software, no GPU): webgpu rows prove the wiring and token parity only, not speed. Run /bench.html on a real GPU for speed.',
      'The bench/* models have random weights (real shapes): speed only, never quality; local/smollm2-135m-instruct is the real trained model (npm run models).',
      'The two sides run different ORT builds in the browser (1.30.0 vs 1.31.0-dev); in Node the peer runs native onnxruntime-node.',
      `Encode/prefill: ours from the engine's timings, the peer from timing its encoder (or, decoder-only, the first) session run.`,
    ],
  };
  await scoreWhole(wholeResults, wholeSetup().paperPath);
  report.whole = wholeResults;
  printReport(report);
  printWhole(wholeResults, log);
  const file = saveReport(report, join(ROOT, 'bench', 'out'), `bench-${smoke ? 'smoke-' : ''}${report.createdAt.replace(/[:.]/g, '-')}.json`);
  log(`\nJSON: ${file}`);
  const problems = [...comparisons.flatMap((c) => c.problems), ...wholeResults.flatMap((c) => c.problems)];
  for (const p of wholeResults.flatMap((c) => c.problems)) log(`  - PROBLEM ${p}`);
  const line = headline(wholeResults);
  if (line) log(line);
  return problems.length || failures.length || (!comparisons.length && !wholeResults.length) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
