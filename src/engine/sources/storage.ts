// What the model cache holds, for the storage panel: every cached model folder with its size on
// disk, their total, and the browser's estimate of this site's usage and quota. Cache Storage can
// be missing (insecure origin) or throw (some private modes, a revoked permission); then the
// report says so in a sentence instead of failing.
import { CacheStorageModelCache, deleteCachedModel, listCachedModels, type CachedModel, type ModelCache } from './cache';
import type { StorageLike } from './quota';

export interface StorageEstimate {
  /** Bytes this site uses in all its storage (IndexedDB, caches, ...), as the browser estimates. */
  usage: number | null;
  /** Bytes the browser lets this site use. */
  quota: number | null;
}

export interface StorageReport {
  /** Why the cached models cannot be listed, in words; null when they could. */
  problem: string | null;
  models: CachedModel[];
  /** Sum of the cached models' file sizes. */
  modelBytes: number;
  /** null when the browser gives no estimate. */
  estimate: StorageEstimate | null;
}

export const NO_CACHE_STORAGE =
  'This browser window has no Cache Storage (private browsing, or a page not served over HTTPS), so models are not kept between visits and there is nothing to manage.';

/** Cache Storage of this context, or the reason it cannot be used. Reading `caches` itself can throw. */
export function openModelCacheStorage(scope: { caches?: CacheStorage } = globalThis as { caches?: CacheStorage }): ModelCache | { problem: string } {
  try {
    const storage = scope.caches;
    return storage ? new CacheStorageModelCache(storage) : { problem: NO_CACHE_STORAGE };
  } catch (e) {
    return { problem: blocked(e) };
  }
}

function blocked(e: unknown): string {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  return `The browser refused access to Cache Storage${name && name !== 'Error' ? ` (${name})` : ''}, as it does in some private browsing modes, so downloaded models cannot be listed or kept between visits.`;
}

async function estimateOf(storage: StorageLike | undefined): Promise<StorageEstimate | null> {
  if (!storage?.estimate) return null;
  try {
    const e = await storage.estimate();
    const usage = typeof e.usage === 'number' ? e.usage : null;
    const quota = typeof e.quota === 'number' ? e.quota : null;
    return usage === null && quota === null ? null : { usage, quota };
  } catch {
    return null;
  }
}

/** Lists the cached models and the browser's estimate; never throws. */
export async function inspectStorage(cache: ModelCache | { problem: string }, storage: StorageLike | undefined = platformStorage()): Promise<StorageReport> {
  const estimate = await estimateOf(storage);
  if ('problem' in cache) return { problem: cache.problem, models: [], modelBytes: 0, estimate };
  try {
    const models = await listCachedModels(cache);
    return { problem: null, models, modelBytes: models.reduce((s, m) => s + m.bytes, 0), estimate };
  } catch (e) {
    return { problem: blocked(e), models: [], modelBytes: 0, estimate };
  }
}

/** Deletes one cached model folder; the bytes freed, or the reason it failed in words. */
export async function removeCachedModel(cache: ModelCache | { problem: string }, base: string): Promise<{ freed: number } | { problem: string }> {
  if ('problem' in cache) return { problem: cache.problem };
  try {
    return { freed: await deleteCachedModel(cache, base) };
  } catch (e) {
    return { problem: `The model could not be deleted: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function platformStorage(): StorageLike | undefined {
  try {
    return (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage;
  } catch {
    return undefined;
  }
}
