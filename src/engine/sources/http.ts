// A model folder over HTTP: same-origin `models/<id>/` or a hub repository. Files are streamed
// with progress, retried and resumed (see download.ts), and kept in a ModelCache so the next
// load reads them locally; what has() learns is cached too, so that load makes no request.
import { ModelFileError, type FileSource, type ReadOptions } from '../types';
import { INDEX_NAME, defaultModelCache, parseIndex, type FolderIndex, type ModelCache } from './cache';
import { DEFAULT_RETRY, MemorySink, download, hostOf, type FetchLike, type RetryPolicy } from './download';
import { HostUnreachableError, abortReason, platformOffline } from './errors';

export interface HttpSourceOptions {
  /** Defaults to the global fetch. */
  fetch?: FetchLike;
  /** Where files are kept between loads. Default: Cache Storage when available; null: no cache. */
  cache?: ModelCache | null;
  retry?: Partial<RetryPolicy>;
  /** Shown to users and in errors; default: the base URL without its trailing slash. */
  id?: string;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A cache write failed (quota, private mode): the load goes on without caching. */
  onCacheError?: (path: string, error: unknown) => void;
}

export class HttpFileSource implements FileSource {
  readonly id: string;
  /** Absolute folder URL ending with `/`; also the cache key prefix. */
  readonly base: string;
  readonly cache?: ModelCache;
  private readonly fetchFn: FetchLike;
  private readonly retry: RetryPolicy;
  private index?: Promise<FolderIndex>;
  private saving = Promise.resolve();

  constructor(
    baseUrl: string,
    private readonly opts: HttpSourceOptions = {},
  ) {
    const withSlash = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    this.base = absolute(withSlash);
    this.id = opts.id ?? withSlash.replace(/\/$/, '');
    this.cache = opts.cache === null ? undefined : (opts.cache ?? defaultModelCache());
    this.fetchFn = opts.fetch ?? ((input, init) => fetch(input, init));
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
  }

  url(path: string): string {
    return this.base + path.split('/').map(encodeURIComponent).join('/');
  }

  async read(path: string, opts: ReadOptions = {}): Promise<Uint8Array> {
    if (opts.signal?.aborted) throw abortReason(opts.signal);
    const cached = await this.cacheGet(path);
    if (cached) {
      opts.onProgress?.({ path, loaded: cached.length, total: cached.length, cached: true });
      return cached;
    }
    const sink = new MemorySink();
    await download(
      {
        url: this.url(path),
        sourceId: this.id,
        path,
        fetch: this.fetchFn,
        retry: this.retry,
        signal: opts.signal,
        sleep: this.opts.sleep,
        onProgress: (loaded, total) => opts.onProgress?.({ path, loaded, total }),
      },
      sink,
    );
    const bytes = sink.bytes();
    await this.remember(path, true, bytes);
    return bytes;
  }

  async has(path: string): Promise<boolean> {
    const index = await this.loadIndex();
    if (index.present.includes(path)) return true;
    if (index.absent.includes(path)) return false;
    const found = await this.probe(path);
    await this.remember(path, found);
    return found;
  }

  /** HEAD, or a one-byte GET where HEAD is not allowed. Never downloads the file. */
  private async probe(path: string): Promise<boolean> {
    const url = this.url(path);
    let res: Response;
    try {
      res = await this.fetchFn(url, { method: 'HEAD' });
      if (res.status === 405 || res.status === 501) {
        res = await this.fetchFn(url, { headers: { Range: 'bytes=0-0' } });
        void res.body?.cancel().catch(() => {});
      }
    } catch (e) {
      throw new HostUnreachableError(this.id, path, hostOf(url), platformOffline(), e instanceof Error ? e.message : String(e));
    }
    if (res.status === 404 || res.status === 410) return false;
    if (!res.ok) throw new ModelFileError(this.id, path, `could not check whether the file exists (HTTP ${res.status})`);
    // A single-page-app fallback answers 200 with HTML for every path: not a model file.
    const type = res.headers.get('content-type') ?? '';
    return !(type.startsWith('text/html') && !path.endsWith('.html'));
  }

  private loadIndex(): Promise<FolderIndex> {
    this.index ??= (async () => {
      const fresh: FolderIndex = { version: 1, id: this.id, present: [], absent: [] };
      if (!this.cache) return fresh;
      try {
        return parseIndex(await this.cache.get(this.base + INDEX_NAME)) ?? fresh;
      } catch {
        return fresh;
      }
    })();
    return this.index;
  }

  private async cacheGet(path: string): Promise<Uint8Array | undefined> {
    if (!this.cache) return undefined;
    try {
      return await this.cache.get(this.url(path));
    } catch {
      return undefined;
    }
  }

  /** Records a file's presence (and its bytes) in the cache; failures only lose the caching. */
  private async remember(path: string, present: boolean, bytes?: Uint8Array): Promise<void> {
    const index = await this.loadIndex();
    const list = present ? index.present : index.absent;
    if (!list.includes(path)) list.push(path);
    if (!this.cache) return;
    const cache = this.cache;
    if (bytes) {
      try {
        await cache.put(this.url(path), bytes);
      } catch (e) {
        this.opts.onCacheError?.(path, e);
        return;
      }
    }
    // Writes of the index are chained so an older snapshot never lands after a newer one.
    this.saving = this.saving.then(async () => {
      try {
        await cache.put(this.base + INDEX_NAME, new TextEncoder().encode(JSON.stringify(index)));
      } catch (e) {
        this.opts.onCacheError?.(INDEX_NAME, e);
      }
    });
    await this.saving;
  }
}

/** Relative bases (`/models/x/`) become absolute against the page or worker location. */
function absolute(base: string): string {
  const here = (globalThis as { location?: { href: string } }).location?.href;
  try {
    return new URL(base, here).href;
  } catch {
    return base;
  }
}
