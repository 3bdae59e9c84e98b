// The offline service worker, on Workbox: precaches the app shell and the ORT runtime (the list is
// injected at build by vite-plugin-pwa, see scripts/pwa/plugin.ts), serves them cache first, and
// serves the page network first with the cached index.html offline. Everything else, model files
// included, goes to the network untouched (see policy.ts). Never registered under the dev server.
// Typed against a small local interface because this file is checked with the page's DOM
// library, not WebWorker's.
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, PrecacheController, PrecacheFallbackPlugin, PrecacheRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { isolated, isShellNavigation } from './policy';

declare const self: {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  skipWaiting(): Promise<void>;
  addEventListener(type: 'activate', l: (e: Event & { waitUntil(p: Promise<unknown>): void }) => void): void;
  readonly registration: { readonly scope: string };
};

/** Served responses keep COOP/COEP/CORP, so the page stays cross-origin isolated offline. */
const isolation: WorkboxPlugin = { handlerWillRespond: async ({ response }) => isolated(response) };

const precache = new PrecacheController({ plugins: [isolation] });
// The preview server varies on Origin; a precached file is the same whoever asks.
precache.strategy.matchOptions = { ignoreVary: true };
precache.precache(self.__WB_MANIFEST);

// The page first: network first, the precached shell when the network fails or errs.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && isShellNavigation(url, self.registration.scope),
  new NetworkOnly({
    plugins: [
      {
        fetchDidSucceed: async ({ response }) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response;
        },
      },
      new PrecacheFallbackPlugin({ fallbackURL: 'index.html', precacheController: precache }),
      isolation,
    ],
  }),
);
registerRoute(new PrecacheRoute(precache));

cleanupOutdatedCaches();
// Builds before Workbox kept their precache under this prefix: free that space once.
self.addEventListener('activate', (e) =>
  e.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('paperlens-precache-')).map((k) => caches.delete(k))))),
);
void self.skipWaiting();
clientsClaim();
