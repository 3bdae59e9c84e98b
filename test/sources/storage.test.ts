// The storage panel's engine side: cached models listed from (fake) Cache Storage with their sizes
// on disk, the browser's estimate passed through, deletion, and plain words when Cache Storage is
// missing or throws.
import { describe, expect, it } from 'vitest';
import { CACHE_NAME, CacheStorageModelCache, INDEX_NAME } from '../../src/engine/sources/cache';
import { NO_CACHE_STORAGE, inspectStorage, openModelCacheStorage, removeCachedModel } from '../../src/engine/sources/storage';
import { FakeCacheStorage } from './support/fakeCacheStorage';

const HUB = 'https://huggingface.co/Xenova/distilbart-cnn-6-6/resolve/main/';
const LOCAL = 'http://localhost/models/local/flan-t5-small/';

async function seeded(): Promise<FakeCacheStorage> {
  const storage = new FakeCacheStorage();
  const cache = new CacheStorageModelCache(storage.asCacheStorage());
  const put = (key: string, n: number) => cache.put(key, new Uint8Array(n));
  const index = (base: string, id: string) =>
    cache.put(base + INDEX_NAME, new TextEncoder().encode(JSON.stringify({ version: 1, id, present: [], absent: [] })));
  await put(HUB + 'config.json', 1200);
  await put(HUB + 'onnx/encoder_model_quantized.onnx', 50_000);
  await put(HUB + 'onnx/decoder_model_merged_quantized.onnx', 80_000);
  await index(HUB, 'distilbart-cnn-6-6');
  await put(LOCAL + 'tokenizer.json', 3000);
  await index(LOCAL, 'models/local/flan-t5-small');
  return storage;
}

const estimate = { estimate: async () => ({ usage: 200_000, quota: 10_000_000 }) };

describe('inspectStorage', () => {
  it('lists every cached model folder with the sum of its file sizes, the total and the estimate', async () => {
    const storage = await seeded();
    const report = await inspectStorage(openModelCacheStorage({ caches: storage.asCacheStorage() }), estimate);
    expect(report.problem).toBeNull();
    expect(report.models.map((m) => [m.id, m.base, m.bytes])).toEqual([
      ['distilbart-cnn-6-6', HUB, 131_200],
      ['models/local/flan-t5-small', LOCAL, 3000],
    ]);
    expect(report.models[0].files.map((f) => f.path)).toEqual(['config.json', 'onnx/decoder_model_merged_quantized.onnx', 'onnx/encoder_model_quantized.onnx']);
    expect(report.modelBytes).toBe(134_200);
    expect(report.estimate).toEqual({ usage: 200_000, quota: 10_000_000 });
    expect([...storage.caches.keys()]).toEqual([CACHE_NAME]);
  });

  it('deletes one model: its files and index go, the other stays', async () => {
    const storage = await seeded();
    const cache = openModelCacheStorage({ caches: storage.asCacheStorage() });
    expect(await removeCachedModel(cache, HUB)).toEqual({ freed: 131_200 });
    const report = await inspectStorage(cache, estimate);
    expect(report.models.map((m) => m.id)).toEqual(['models/local/flan-t5-small']);
    expect([...storage.caches.get(CACHE_NAME)!.entries.keys()].filter((k) => k.startsWith(HUB))).toEqual([]);
  });

  it('says in words when Cache Storage is missing, and when it throws (private mode)', async () => {
    const missing = await inspectStorage(openModelCacheStorage({}), estimate);
    expect(missing).toMatchObject({ problem: NO_CACHE_STORAGE, models: [], modelBytes: 0, estimate: { quota: 10_000_000 } });

    const throwingGetter = openModelCacheStorage({
      get caches(): CacheStorage {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(throwingGetter).toEqual({ problem: expect.stringMatching(/refused access to Cache Storage \(SecurityError\)/) });

    const storage = await seeded();
    storage.failWith = new DOMException('denied', 'SecurityError');
    const cache = openModelCacheStorage({ caches: storage.asCacheStorage() });
    const report = await inspectStorage(cache, estimate);
    expect(report.problem).toMatch(/private browsing/);
    expect(report.models).toEqual([]);
    expect(await removeCachedModel(cache, HUB)).toEqual({ problem: expect.stringMatching(/could not be deleted/) });
  });

  it('has no estimate when the browser gives none or the call throws', async () => {
    const storage = await seeded();
    const cache = openModelCacheStorage({ caches: storage.asCacheStorage() });
    expect((await inspectStorage(cache, undefined)).estimate).toBeNull();
    expect((await inspectStorage(cache, { estimate: async () => ({}) })).estimate).toBeNull();
    const throwing = { estimate: () => Promise.reject(new Error('nope')) };
    const report = await inspectStorage(cache, throwing);
    expect(report.estimate).toBeNull();
    expect(report.models).toHaveLength(2);
  });
});
