// What the service worker does with each request, as plain functions (no service-worker globals),
// so Node tests can check the decisions the browser test cannot easily reach.

export interface PrecacheManifest {
  /** Changes whenever any precached file changes; names the cache. */
  version: string;
  /** Paths relative to the app's base, e.g. `index.html`, `assets/main-abc.js`, `ort/…wasm`. */
  files: string[];
}

export const PRECACHE_PREFIX = 'paperlens-precache-';

/**
 * `precache`: the app shell and ORT runtime, served from the cache (hashed names never change);
 * `navigate`: the page itself, network first so a new version shows up, the cached shell offline;
 * `network`: everything else, untouched. Model files are among them: the engine keeps downloaded
 * models in Cache Storage itself (src/engine/sources/cache.ts) and reads them from there without
 * a request, so a second copy here would only double the disk used by a model.
 */
export type Strategy = 'precache' | 'navigate' | 'network';

export function strategyFor(
  req: { method: string; url: string; mode: string },
  scope: string,
  precached: ReadonlySet<string>,
): Strategy {
  const url = new URL(req.url);
  const base = new URL(scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return 'network';
  const rel = url.pathname.slice(base.pathname.length);
  if (req.method === 'GET' && req.mode === 'navigate') return rel === '' || rel === 'index.html' ? 'navigate' : 'network';
  if (req.method === 'GET' && precached.has(rel)) return 'precache';
  return 'network';
}

/** Headers that make the page cross-origin isolated (multi-threaded WASM needs it). */
export const ISOLATION_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * A copy of `headers` with the isolation headers set. Responses the worker serves from its cache
 * must carry them too, or an offline page would lose cross-origin isolation (and its threads).
 */
export function isolatedHeaders(headers: Headers): Headers {
  const h = new Headers(headers);
  for (const [k, v] of Object.entries(ISOLATION_HEADERS)) h.set(k, v);
  return h;
}
