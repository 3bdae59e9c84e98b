// The product-specific decisions of the offline service worker (src/sw/sw.ts), as plain functions
// with no service-worker globals, so Node tests can check them. Which files are precached is
// decided at build time (scripts/pwa/plugin.ts); Workbox does the caching itself.
//
// Model files are never cached by the service worker: the engine keeps downloaded models in Cache
// Storage itself (src/engine/sources/cache.ts) and reads them from there without a request, so a
// second copy here would only double the disk used by a model. They are not precached and no
// runtime route matches them, so they go to the network untouched.

/**
 * Whether a navigation is to the app's page itself (with any query, e.g. `?model=…`): those are
 * served network first, with the precached index.html offline. Other pages (bench.html) are not
 * part of the app and go to the network.
 */
export function isShellNavigation(url: URL, scope: string): boolean {
  const base = new URL(scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return false;
  const rel = url.pathname.slice(base.pathname.length);
  return rel === '' || rel === 'index.html';
}

/** Headers that make the page cross-origin isolated (multi-threaded WASM needs it). */
export const ISOLATION_HEADERS: Record<string, string> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A copy of `headers` with the isolation headers set. */
export function isolatedHeaders(headers: Headers): Headers {
  const h = new Headers(headers);
  for (const [k, v] of Object.entries(ISOLATION_HEADERS)) h.set(k, v);
  return h;
}

/**
 * `r` with the isolation headers. Every response the worker serves (from its cache or the
 * network) must carry them, or an offline page would lose cross-origin isolation (and its
 * threads). Opaque and error responses cannot be rebuilt; they are returned as they are.
 */
export function isolated(r: Response): Response {
  if (r.type === 'opaque' || r.type === 'opaqueredirect' || r.status === 0) return r;
  return new Response(r.body, { status: r.status, statusText: r.statusText, headers: isolatedHeaders(r.headers) });
}
