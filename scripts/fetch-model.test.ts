// fetch-model against a loopback mock hub: the folder it writes equals the served files, a
// `.part` left by an interrupted run is resumed with Range, and failures are one line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockHub, closedPort } from '../test/sources/support/mockHub';
import { fetchModel, type FetchIO } from './fetch-model';

const FIXTURE = join(import.meta.dirname, '..', 'models', 'fixtures', 'tiny-bart');
const REPO_PREFIX = '/paperlens/tiny-bart/resolve/main/';

let hub: MockHub;
let out: string;
beforeEach(async () => {
  hub = new MockHub();
  await hub.start();
  out = mkdtempSync(join(tmpdir(), 'fetch-model-'));
});
afterEach(async () => {
  await hub.close();
  rmSync(out, { recursive: true, force: true });
});

function capture(): FetchIO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (s) => lines.push(s), err: (s) => errors.push(s), tty: false, env: {}, backoffMs: 0 };
}

describe('fetch-model', () => {
  it('writes a folder whose files equal the served ones', async () => {
    hub.serveFolder(REPO_PREFIX, FIXTURE);
    const io = capture();
    const code = await fetchModel(['tiny-bart', '--dtype', 'fp32,q8', '--hub', hub.url, '--out', out], io);
    expect(io.errors).toEqual([]);
    expect(code).toBe(0);
    const written = listFiles(out);
    expect([...written.keys()].sort()).toEqual([...listFiles(FIXTURE).keys()].sort());
    for (const [path, bytes] of written) expect(bytes.equals(readFileSync(join(FIXTURE, path))), path).toBe(true);
    expect(io.lines.at(-1)).toMatch(/^Saved tiny-bart to .* \(2\.8 MB\)\.$/);
    expect(io.lines).toContain('saved onnx/encoder_model_quantized.onnx (231 kB)');
  });

  it('shows progress on a terminal as one rewritten line with totals', async () => {
    hub.serveFolder(REPO_PREFIX, FIXTURE);
    const io = { ...capture(), tty: true };
    expect(await fetchModel(['tiny-bart', '--hub', hub.url, '--out', out], io)).toBe(0);
    const progress = io.lines.filter((l) => l.startsWith('\r\x1b[K['));
    // Every catalogue size is known for the fixture, so the total shows from the first line.
    expect(progress[0]).toMatch(/^\r\x1b\[K\[1\/6\] config\.json {2}[\d.]+ (B|kB) \/ 2\.2 MB {2}/);
    expect(progress.at(-1)).toMatch(/\[6\/6\] onnx\/decoder_model_merged\.onnx {2}2\.2 MB \/ 2\.2 MB/);
  });

  it('only fetches the dtype asked for', async () => {
    hub.serveFolder(REPO_PREFIX, FIXTURE);
    expect(await fetchModel(['tiny-bart', '--hub', hub.url, '--out', out], capture())).toBe(0);
    expect([...listFiles(out).keys()].filter((p) => p.startsWith('onnx/')).sort()).toEqual(['onnx/decoder_model_merged.onnx', 'onnx/encoder_model.onnx']);
    expect(hub.requests.some((r) => r.path.includes('_quantized'))).toBe(false);
  });

  it('resumes a .part file left by an interrupted run with a Range request', async () => {
    hub.serveFolder(REPO_PREFIX, FIXTURE);
    const file = 'onnx/decoder_model_merged.onnx';
    const full = readFileSync(join(FIXTURE, file));
    mkdirSync(join(out, 'onnx'), { recursive: true });
    writeFileSync(join(out, `${file}.part`), full.subarray(0, 400_000));
    expect(await fetchModel(['tiny-bart', '--hub', hub.url, '--out', out], capture())).toBe(0);
    expect(hub.requests.find((r) => r.path === REPO_PREFIX + file)?.range).toBe('bytes=400000-');
    expect(readFileSync(join(out, file)).equals(full)).toBe(true);
    expect(existsSync(join(out, `${file}.part`))).toBe(false);
  });

  it('skips an optional file the repository lacks', async () => {
    hub.serveFolder(REPO_PREFIX, FIXTURE);
    hub.files.delete(`${REPO_PREFIX}generation_config.json`);
    const io = capture();
    expect(await fetchModel(['tiny-bart', '--hub', hub.url, '--out', out], io)).toBe(0);
    expect(io.lines).toContain('skipped generation_config.json: optional, and the repository does not have it');
    expect(existsSync(join(out, 'generation_config.json'))).toBe(false);
  });

  it('a missing required file fails with one line naming it', async () => {
    hub.serveFolder(REPO_PREFIX, FIXTURE);
    hub.files.delete(`${REPO_PREFIX}onnx/encoder_model.onnx`);
    const io = capture();
    expect(await fetchModel(['tiny-bart', '--hub', hub.url, '--out', out], io)).toBe(1);
    expect(io.errors).toEqual(['fetch-model: tiny-bart/onnx/encoder_model.onnx: not found on the server (HTTP 404 Not Found)']);
  });

  it('usage errors say what is wrong', async () => {
    const io = capture();
    expect(await fetchModel(['no-such-model'], io)).toBe(2);
    expect(io.errors[0]).toMatch(/^fetch-model: unknown model "no-such-model"; known: distilbart-cnn-6-6, /);
    expect(await fetchModel(['smollm2-360m-instruct', '--dtype', 'q8'], io)).toBe(2);
    expect(io.errors[1]).toBe('fetch-model: smollm2-360m-instruct has no q8 files in the catalogue (available: fp32, fp16, q4, q4f16)');
    expect(await fetchModel(['tiny-bart'], io)).toBe(2);
    expect(io.errors[2]).toMatch(/random-weight test fixture/);
  });

  it('against a closed port: one line on stderr, exit code 1, no stack trace', async () => {
    const port = await closedPort();
    const script = join(import.meta.dirname, 'fetch-model.ts');
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, 'tiny-bart', '--hub', `http://127.0.0.1:${port}`, '--out', out], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^fetch-model: tiny-bart/config\\.json: could not reach 127\\.0\\.0\\.1:${port}: you appear to be offline`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

function listFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p).split(sep).join('/'), readFileSync(p));
    }
  };
  walk(dir);
  return files;
}
