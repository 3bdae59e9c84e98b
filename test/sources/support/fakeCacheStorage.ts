// A Cache Storage stand-in for Node: the part of `caches` CacheStorageModelCache uses (open, and a
// Cache's match/put/delete/keys), keyed by URL, with real Request/Response objects. `failWith`
// makes open() throw, as Cache Storage does in some private browsing modes.
class FakeCache {
  readonly entries = new Map<string, { body: Uint8Array; headers: Headers }>();

  async match(key: RequestInfo | URL): Promise<Response | undefined> {
    const e = this.entries.get(urlOf(key));
    return e ? new Response(e.body.slice() as Uint8Array<ArrayBuffer>, { headers: e.headers }) : undefined;
  }
  async put(key: RequestInfo | URL, res: Response): Promise<void> {
    this.entries.set(urlOf(key), { body: new Uint8Array(await res.arrayBuffer()), headers: new Headers(res.headers) });
  }
  async delete(key: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(urlOf(key));
  }
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((u) => new Request(u));
  }
}

function urlOf(key: RequestInfo | URL): string {
  return typeof key === 'string' ? new URL(key).href : key instanceof URL ? key.href : key.url;
}

export class FakeCacheStorage {
  readonly caches = new Map<string, FakeCache>();
  failWith: Error | null = null;

  async open(name: string): Promise<Cache> {
    if (this.failWith) throw this.failWith;
    let c = this.caches.get(name);
    if (!c) this.caches.set(name, (c = new FakeCache()));
    return c as unknown as Cache;
  }
  asCacheStorage(): CacheStorage {
    return this as unknown as CacheStorage;
  }
}
