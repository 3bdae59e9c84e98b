// The offline service worker: the app shell and the ORT runtime (models: see policy.ts). Built
// by scripts/pwa/plugin.ts into /sw.js with the list of files to precache written in; never registered under the dev server. Typed against a few local
// interfaces because this file is checked with the page's DOM library, not WebWorker's.
import { isolatedHeaders, PRECACHE_PREFIX, strategyFor, type PrecacheManifest } from './policy';

interface ExtendableEvt extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvt extends ExtendableEvt {
  readonly request: Request;
  respondWith(r: Promise<Response>): void;
}
interface SwScope {
  addEventListener(type: 'install' | 'activate', l: (e: ExtendableEvt) => void): void;
  addEventListener(type: 'fetch', l: (e: FetchEvt) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly registration: { readonly scope: string };
}

const sw = self as unknown as SwScope;
// Replaced by the build with the real manifest (a JSON string).
const MANIFEST: PrecacheManifest = JSON.parse('__PAPERLENS_PRECACHE_MANIFEST__');
const PRECACHE = PRECACHE_PREFIX + MANIFEST.version;
const precached = new Set(MANIFEST.files);

const scope = () => sw.registration.scope;
const urlOf = (rel: string) => new URL(rel, scope()).href;

sw.addEventListener('install', (e) => {
  e.waitUntil(
    caches
      .open(PRECACHE)
      // `cache: 'reload'`: fill the cache from the server, not from the HTTP cache.
      .then((c) => c.addAll(MANIFEST.files.map((f) => new Request(urlOf(f), { cache: 'reload' }))))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PRECACHE_PREFIX) && k !== PRECACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

function isolated(r: Response): Response {
  // Opaque and error responses cannot be rebuilt; they are returned as they are.
  if (r.type === 'opaque' || r.type === 'opaqueredirect' || r.status === 0) return r;
  return new Response(r.body, { status: r.status, statusText: r.statusText, headers: isolatedHeaders(r.headers) });
}

async function fromPrecache(req: Request): Promise<Response> {
  const hit = await caches.match(req.url, { cacheName: PRECACHE, ignoreVary: true });
  return isolated(hit ?? (await fetch(req)));
}

async function navigate(req: Request): Promise<Response> {
  try {
    const r = await fetch(req);
    if (r.ok) return isolated(r);
    throw new Error(`HTTP ${r.status}`);
  } catch (e) {
    const shell = (await caches.match(urlOf('index.html'), { cacheName: PRECACHE, ignoreVary: true })) ?? (await caches.match(urlOf(''), { cacheName: PRECACHE, ignoreVary: true }));
    if (shell) return isolated(shell);
    throw e;
  }
}

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  switch (strategyFor(req, scope(), precached)) {
    case 'precache':
      return e.respondWith(fromPrecache(req));
    case 'navigate':
      return e.respondWith(navigate(req));
    case 'network':
      return;
  }
});
