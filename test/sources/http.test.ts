// HttpFileSource against a loopback server: progress, truncation, resume, retries, abort, 404,
// HEAD fallback and an unreachable host.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpFileSource } from '../../src/engine/sources/http';
import { DownloadTracker } from '../../src/engine/sources/progress';
import { HostUnreachableError, fallbackNotice } from '../../src/engine/sources/errors';
import { ModelFileError, type FileProgress } from '../../src/engine/types';
import { MockHub, closedPort, patternBytes } from './support/mockHub';

const FIXTURE = join(import.meta.dirname, '..', '..', 'models', 'fixtures', 'tiny-bart');
const noWait = async () => {};

let hub: MockHub;
beforeEach(async () => {
  hub = new MockHub();
  await hub.start();
});
afterEach(() => hub.close());

function source(prefix = '/m/', opts: ConstructorParameters<typeof HttpFileSource>[1] = {}) {
  return new HttpFileSource(hub.url + prefix, { cache: null, sleep: noWait, ...opts });
}

describe('HttpFileSource reads', () => {
  it('streams fixture files with per-file progress that adds up to their sizes', async () => {
    const paths = hub.serveFolder('/m/', FIXTURE);
    const src = source();
    const tracker = new DownloadTracker({ now: () => 0 });
    const events: FileProgress[] = [];
    for (const p of paths) {
      const bytes = await src.read(p, { onProgress: (e) => (events.push(e), tracker.update(e)) });
      expect(Buffer.from(bytes).equals(readFileSync(join(FIXTURE, p)))).toBe(true);
      const mine = events.filter((e) => e.path === p);
      const loaded = mine.map((e) => e.loaded);
      expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
      expect(mine.at(-1)).toMatchObject({ loaded: bytes.length, total: bytes.length });
    }
    const sizes = paths.reduce((s, p) => s + hub.files.get('/m/' + p)!.length, 0);
    const snap = tracker.snapshot();
    expect(snap.loaded).toBe(sizes);
    expect(snap.total).toBe(sizes);
    expect(snap.done).toBe(paths.length);
    // The biggest file arrives in more than one chunk, so progress is really streamed.
    expect(events.filter((e) => e.path === 'onnx/decoder_model_merged.onnx').length).toBeGreaterThan(2);
  });

  it('404 is a ModelFileError naming the file, without retries', async () => {
    const err = await source().read('onnx/missing.onnx').catch((e) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect(err.path).toBe('onnx/missing.onnx');
    expect(err.message).toContain('onnx/missing.onnx');
    expect(err.message).toMatch(/not found.*404/);
    expect(hub.count('/m/onnx/missing.onnx')).toBe(1);
  });

  it('retries server errors with backoff, then succeeds', async () => {
    const body = patternBytes(5000);
    hub.files.set('/m/w.bin', body);
    hub.misbehave.set('/m/w.bin', { fail: { status: 503, times: 2 } });
    const waits: number[] = [];
    const src = source('/m/', { sleep: async (ms) => void waits.push(ms), retry: { backoffMs: 100 } });
    expect(await src.read('w.bin')).toEqual(body);
    expect(hub.count('/m/w.bin')).toBe(3);
    expect(waits).toEqual([100, 200]);
  });

  it('gives up after the retry budget and names the file', async () => {
    hub.files.set('/m/w.bin', patternBytes(100));
    hub.misbehave.set('/m/w.bin', { fail: { status: 500, times: 99 } });
    const err = await source('/m/', { retry: { retries: 2 } }).read('w.bin').catch((e) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect(err.message).toMatch(/w\.bin: the server answered HTTP 500/);
    expect(hub.count('/m/w.bin')).toBe(3);
  });
});

describe('interrupted and truncated bodies', () => {
  it('resumes an interrupted download with a Range request', async () => {
    const body = patternBytes(300_000, 7);
    hub.files.set('/m/big.onnx', body);
    hub.misbehave.set('/m/big.onnx', { cut: { bytes: 120_000, times: 1 } });
    const bytes = await source().read('big.onnx');
    expect(bytes).toEqual(body);
    const gets = hub.requests.filter((r) => r.path === '/m/big.onnx');
    expect(gets).toHaveLength(2);
    expect(gets[0].range).toBeUndefined();
    // Resumed where the first body stopped, guarded by the ETag the server sent.
    expect(gets[1].range).toBe('bytes=120000-');
    expect(gets[1].ifRange).toBe('"v1"');
  });

  it('starts over when the server ignores the Range header', async () => {
    const body = patternBytes(200_000, 3);
    hub.files.set('/m/big.onnx', body);
    hub.misbehave.set('/m/big.onnx', { cut: { bytes: 50_000, times: 1 }, ignoreRange: true });
    const progress: number[] = [];
    expect(await source().read('big.onnx', { onProgress: (p) => progress.push(p.loaded) })).toEqual(body);
    expect(hub.requests.filter((r) => r.path === '/m/big.onnx')[1].range).toBe('bytes=50000-');
    expect(progress.at(-1)).toBe(body.length);
  });

  it('a file shorter than its Content-Length is detected and named', async () => {
    hub.files.set('/m/onnx/encoder_model.onnx', patternBytes(10_000));
    hub.misbehave.set('/m/onnx/encoder_model.onnx', { declaredLength: 15_000 });
    const err = await source().read('onnx/encoder_model.onnx').catch((e) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect(err.path).toBe('onnx/encoder_model.onnx');
    expect(err.message).toMatch(/encoder_model\.onnx: the download stopped at 10000 of 15000 bytes: .*truncated.*Content-Length/);
  });

  it('a connection that keeps dropping with no progress ends after the retry budget', async () => {
    hub.files.set('/m/t.onnx', patternBytes(10_000));
    hub.misbehave.set('/m/t.onnx', { cut: { bytes: 0, times: 99 } });
    const err = await source('/m/', { retry: { retries: 2 } }).read('t.onnx').catch((e) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect(err.message).toMatch(/t\.onnx: the download stopped at 0 of 10000 bytes/);
    expect(hub.count('/m/t.onnx')).toBe(3);
  });
});

describe('cancel', () => {
  it('abort stops a stalled download and closes the connection', async () => {
    hub.files.set('/m/slow.onnx', patternBytes(100_000));
    hub.misbehave.set('/m/slow.onnx', { stallAfter: 1000 });
    const ctl = new AbortController();
    const read = source().read('slow.onnx', {
      signal: ctl.signal,
      onProgress: (p) => p.loaded >= 1000 && ctl.abort(),
    });
    const err = await read.catch((e) => e);
    expect(err).toBeInstanceOf(DOMException);
    expect(err.name).toBe('AbortError');
    await expect.poll(() => hub.closed).toContain('/m/slow.onnx');
    expect(hub.count('/m/slow.onnx')).toBe(1);
  });

  it('an already aborted signal makes no request', async () => {
    hub.files.set('/m/a.json', new Uint8Array([1]));
    const ctl = new AbortController();
    ctl.abort();
    await expect(source().read('a.json', { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(hub.requests).toHaveLength(0);
  });
});

describe('has()', () => {
  it('asks with HEAD and never downloads', async () => {
    hub.files.set('/m/config.json', new Uint8Array([123, 125]));
    const src = source();
    expect(await src.has('config.json')).toBe(true);
    expect(await src.has('onnx/model_fp16.onnx')).toBe(false);
    expect(hub.requests.map((r) => r.method)).toEqual(['HEAD', 'HEAD']);
  });

  it('falls back to a one-byte GET where HEAD is refused', async () => {
    hub.files.set('/m/config.json', new Uint8Array(5000));
    hub.misbehave.set('/m/config.json', { noHead: true });
    expect(await source().has('config.json')).toBe(true);
    expect(hub.requests.map((r) => [r.method, r.range])).toEqual([
      ['HEAD', undefined],
      ['GET', 'bytes=0-0'],
    ]);
  });
});

describe('unreachable host', () => {
  it('is a HostUnreachableError in plain words, for read and has', async () => {
    const port = await closedPort();
    const src = new HttpFileSource(`http://127.0.0.1:${port}/m/`, { cache: null, sleep: noWait });
    const err = await src.read('config.json').catch((e) => e);
    expect(err).toBeInstanceOf(HostUnreachableError);
    expect(err).toBeInstanceOf(ModelFileError);
    expect(err.path).toBe('config.json');
    expect(err.plain).toBe(`Could not reach 127.0.0.1:${port}: you appear to be offline, or 127.0.0.1:${port} is down or blocked.`);
    expect(fallbackNotice(err)).toMatch(/^Could not reach 127\.0\.0\.1:\d+: .*; using the extractive summarizer instead\.$/);
    await expect(src.has('config.json')).rejects.toBeInstanceOf(HostUnreachableError);
  });
});
