// The cache layer: a model loaded twice through HttpFileSource with the same cache makes no
// request the second time; cached models are listed with sizes and can be deleted.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/engine/load';
import { HttpFileSource } from '../../src/engine/sources/http';
import { MemoryModelCache, deleteCachedModel, listCachedModels, type ModelCache } from '../../src/engine/sources/cache';
import type { FileProgress } from '../../src/engine/types';
import { ort } from '../support/engine';
import { MockHub } from './support/mockHub';

const FIXTURES = join(import.meta.dirname, '..', '..', 'models', 'fixtures');

let hub: MockHub;
beforeEach(async () => {
  hub = new MockHub();
  await hub.start();
});
afterEach(() => hub.close());

const load = (cache: ModelCache, prefix: string, onProgress?: (p: FileProgress) => void) =>
  loadModel(new HttpFileSource(hub.url + prefix, { cache }), { ort, backend: 'wasm', gpu: null, onProgress });

describe('model cache', () => {
  it('a second load of a cached model makes no network request and generates the same text', async () => {
    hub.serveFolder('/tiny-bart/', join(FIXTURES, 'tiny-bart'));
    const cache = new MemoryModelCache();

    const first = await load(cache, '/tiny-bart/');
    const firstOut = await first.generate('the cat sat on the mat', { max_new_tokens: 8 });
    await first.dispose();
    const firstRequests = hub.requests.length;
    expect(firstRequests).toBeGreaterThan(0);
    expect(hub.requests.some((r) => r.method === 'GET' && r.path.endsWith('.onnx'))).toBe(true);

    const events: FileProgress[] = [];
    const second = await load(cache, '/tiny-bart/', (p) => events.push(p));
    const secondOut = await second.generate('the cat sat on the mat', { max_new_tokens: 8 });
    await second.dispose();

    expect(hub.requests.length).toBe(firstRequests);
    expect(secondOut.text).toBe(firstOut.text);
    expect(second.dtype).toBe(first.dtype);
    // Progress still reports every file, marked as coming from the cache.
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.cached && e.loaded === e.total)).toBe(true);
  });

  it('lists cached models with sizes and deletes one', async () => {
    hub.serveFolder('/a/', join(FIXTURES, 'tiny-t5'));
    hub.serveFolder('/b/', join(FIXTURES, 'tiny-qwen2'));
    const cache = new MemoryModelCache();
    const a = new HttpFileSource(hub.url + '/a/', { cache, id: 'tiny-t5' });
    const b = new HttpFileSource(hub.url + '/b/', { cache, id: 'tiny-qwen2' });
    const aBytes = (await a.read('config.json')).length + (await a.read('onnx/encoder_model.onnx')).length;
    await a.has('onnx/model_fp16.onnx');
    const bBytes = (await b.read('tokenizer.json')).length;

    const listed = await listCachedModels(cache);
    expect(listed.map((m) => [m.id, m.bytes])).toEqual([
      ['tiny-qwen2', bBytes],
      ['tiny-t5', aBytes],
    ]);
    expect(listed[1].files.map((f) => f.path)).toEqual(['config.json', 'onnx/encoder_model.onnx']);
    expect(listed[1].base).toBe(`${hub.url}/a/`);

    expect(await deleteCachedModel(cache, listed[1].base)).toBe(aBytes);
    expect((await listCachedModels(cache)).map((m) => m.id)).toEqual(['tiny-qwen2']);
    // Deleted means deleted: the next read goes to the server again.
    const before = hub.count('/a/config.json');
    await new HttpFileSource(hub.url + '/a/', { cache }).read('config.json');
    expect(hub.count('/a/config.json')).toBe(before + 1);
  });

  it('a failing cache write loses only the caching, not the file', async () => {
    hub.serveFolder('/a/', join(FIXTURES, 'tiny-t5'));
    const failing: ModelCache = Object.assign(new MemoryModelCache(), {
      put: async () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    });
    const errors: string[] = [];
    const src = new HttpFileSource(hub.url + '/a/', { cache: failing, onCacheError: (p) => errors.push(p) });
    const bytes = await src.read('config.json');
    expect(JSON.parse(new TextDecoder().decode(bytes)).model_type).toBe('t5');
    expect(errors).toEqual(['config.json']);
  });

  it('a truncated download is never cached', async () => {
    hub.files.set('/a/x.onnx', new Uint8Array(1000));
    hub.misbehave.set('/a/x.onnx', { declaredLength: 2000 });
    const cache = new MemoryModelCache();
    const src = new HttpFileSource(hub.url + '/a/', { cache, sleep: async () => {} });
    await expect(src.read('x.onnx')).rejects.toThrow(/x\.onnx/);
    expect(await cache.keys()).not.toContain(`${hub.url}/a/x.onnx`);
  });
});
