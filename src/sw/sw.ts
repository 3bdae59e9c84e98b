// The offline service worker. Built by scripts/pwa/plugin.ts into /sw.js with the list of files to
// precache written in; never registered under the dev server. Typed against a few local
// interfaces because this file is checked with the page's DOM library, not WebWorker's.
import { isolatedHeaders, MODEL_CACHE, PRECACHE_PREFIX, strategyFor, type PrecacheManifest } from './policy';

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
  const hit = await caches.match(req, { cacheName: PRECACHE });
  return isolated(hit ?? (await fetch(req)));
}

async function navigate(req: Request): Promise<Response> {
  try {
    const r = await fetch(req);
    if (r.ok) return isolated(r);
    throw new Error(`HTTP ${r.status}`);
  } catch (e) {
    const shell = (await caches.match(urlOf('index.html'), { cacheName: PRECACHE })) ?? (await caches.match(urlOf(''), { cacheName: PRECACHE }));
    if (shell) return isolated(shell);
    throw e;
  }
}

async function modelFile(req: Request, waitUntil: (p: Promise<unknown>) => void): Promise<Response> {
  const cache = await caches.open(MODEL_CACHE);
  const key = new Request(req.url, { method: 'GET' });
  const hit = await cache.match(key);
  if (hit) {
    // HEAD asks whether a file exists: answer from the cached copy, without the body.
    return isolated(req.method === 'HEAD' ? new Response(null, { status: hit.status, headers: hit.headers }) : hit);
  }
  const r = await fetch(req);
  // Whole files only: a range or an error must not stand in for the file later. Stored in the
  // background so the page still sees the download's progress.
  if (req.method === 'GET' && r.status === 200 && !req.headers.has('range')) waitUntil(cache.put(key, r.clone()).catch(() => {}));
  return isolated(r);
}

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  switch (strategyFor(req, scope(), precached)) {
    case 'precache':
      return e.respondWith(fromPrecache(req));
    case 'navigate':
      return e.respondWith(navigate(req));
    case 'model':
      return e.respondWith(modelFile(req, (p) => e.waitUntil(p)));
    case 'network':
      return;
  }
});
