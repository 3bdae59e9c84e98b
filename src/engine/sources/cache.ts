// Where downloaded model files are kept between visits: Cache Storage in browsers and workers, or
// any ModelCache a test or a tool injects. Keys are absolute file URLs. Next to the files of each
// model folder lives an index of what `has()` found there, so a second load of a cached model
// needs no request at all, not even the dtype probes.

export interface ModelCache {
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
  delete(key: string): Promise<boolean>;
  keys(): Promise<string[]>;
  /** Byte size of an entry without reading it into memory, when the store can tell. */
  size(key: string): Promise<number | undefined>;
}

export const CACHE_NAME = 'paperlens-models-v1';
/** Name of the per-folder index entry; no model file is called this. */
export const INDEX_NAME = '.paperlens-index.json';
const SIZE_HEADER = 'x-paperlens-bytes';

/** Cache Storage (`caches`), available in windows and workers on secure origins. */
export class CacheStorageModelCache implements ModelCache {
  private cache?: Promise<Cache>;

  constructor(
    private readonly storage: CacheStorage,
    private readonly name = CACHE_NAME,
  ) {}

  private open(): Promise<Cache> {
    this.cache ??= this.storage.open(this.name);
    return this.cache;
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const r = await (await this.open()).match(key);
    return r ? new Uint8Array(await r.arrayBuffer()) : undefined;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const headers = { 'content-type': 'application/octet-stream', [SIZE_HEADER]: String(bytes.length) };
    await (await this.open()).put(key, new Response(bytes as Uint8Array<ArrayBuffer>, { headers }));
  }

  async delete(key: string): Promise<boolean> {
    return (await this.open()).delete(key);
  }

  async keys(): Promise<string[]> {
    return (await (await this.open()).keys()).map((r) => r.url);
  }

  async size(key: string): Promise<number | undefined> {
    const r = await (await this.open()).match(key);
    const n = Number(r?.headers.get(SIZE_HEADER));
    void r?.body?.cancel();
    return r && Number.isFinite(n) ? n : undefined;
  }
}

/** In-memory cache: Node tests, and browsers without Cache Storage (lost on reload). */
export class MemoryModelCache implements ModelCache {
  readonly entries = new Map<string, Uint8Array>();

  async get(key: string) {
    return this.entries.get(key);
  }
  async put(key: string, bytes: Uint8Array) {
    this.entries.set(key, bytes);
  }
  async delete(key: string) {
    return this.entries.delete(key);
  }
  async keys() {
    return [...this.entries.keys()];
  }
  async size(key: string) {
    return this.entries.get(key)?.length;
  }
}

/** Cache Storage when this context has it (secure origin), else none; reading `caches` can throw (private modes). */
export function defaultModelCache(): ModelCache | undefined {
  try {
    const storage = (globalThis as { caches?: CacheStorage }).caches;
    return storage ? new CacheStorageModelCache(storage) : undefined;
  } catch {
    return undefined;
  }
}

/** What `has()` learnt about a folder: files seen present, and probes that found nothing. */
export interface FolderIndex {
  version: 1;
  /** The source id shown to users when the model is listed. */
  id: string;
  present: string[];
  absent: string[];
}

export function parseIndex(bytes: Uint8Array | undefined): FolderIndex | undefined {
  if (!bytes) return undefined;
  try {
    const v = JSON.parse(new TextDecoder().decode(bytes)) as Partial<FolderIndex>;
    if (v.version !== 1 || !Array.isArray(v.present) || !Array.isArray(v.absent) || typeof v.id !== 'string') return undefined;
    return v as FolderIndex;
  } catch {
    return undefined;
  }
}

export interface CachedModel {
  /** Folder base URL (ends with `/`): the key prefix of its files. */
  base: string;
  id: string;
  files: { path: string; bytes: number }[];
  bytes: number;
}

/** Every model folder with files in the cache, with sizes. */
export async function listCachedModels(cache: ModelCache): Promise<CachedModel[]> {
  const keys = await cache.keys();
  const bases = keys.filter((k) => k.endsWith(INDEX_NAME)).map((k) => k.slice(0, -INDEX_NAME.length));
  const models: CachedModel[] = [];
  // Longest base first, so a folder nested under another is not counted twice.
  const taken = new Set<string>();
  for (const base of [...bases].sort((a, b) => b.length - a.length)) {
    const index = parseIndex(await cache.get(base + INDEX_NAME));
    const files: CachedModel['files'] = [];
    for (const k of keys) {
      if (!k.startsWith(base) || k.endsWith(INDEX_NAME) || taken.has(k)) continue;
      taken.add(k);
      files.push({ path: k.slice(base.length), bytes: (await cache.size(k)) ?? (await cache.get(k))?.length ?? 0 });
    }
    files.sort((a, b) => a.path.localeCompare(b.path));
    models.push({ base, id: index?.id ?? base, files, bytes: files.reduce((s, f) => s + f.bytes, 0) });
  }
  return models.sort((a, b) => a.id.localeCompare(b.id));
}

/** Removes a model folder's files and index; returns the bytes freed. */
export async function deleteCachedModel(cache: ModelCache, base: string): Promise<number> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  let freed = 0;
  for (const k of await cache.keys()) {
    if (!k.startsWith(prefix)) continue;
    if (!k.endsWith(INDEX_NAME)) freed += (await cache.size(k)) ?? 0;
    await cache.delete(k);
  }
  return freed;
}
