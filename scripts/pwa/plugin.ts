// The installable, offline app: vite-plugin-pwa builds src/sw/sw.ts into /sw.js with Workbox's
// precache list injected, and a small plugin applies the Content-Security-Policy (a <meta> tag in
// the built page, a header from `vite preview`). The web manifest and icons are static files in
// public/, linked from index.html. The dev server gets neither CSP nor service worker: its inline
// React refresh preamble and changing modules need neither (src/sw/register.ts).
import type { Plugin, PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy, modelOrigins } from './csp.ts';

/** Built files the service worker precaches (relative to the build folder): the app and the ORT runtime. */
export const PRECACHE_GLOBS = ['**/*.{html,js,mjs,css,wasm,png,svg,webmanifest}', 'pdfjs/cmaps/*.bcmap'];
/**
 * Never precached: model folders (the engine caches the models it downloads itself), and the
 * speed benchmark page with the files only it loads (transformers.js and its own ORT build).
 */
export const PRECACHE_IGNORES = ['models/**', 'bench.html', 'assets/bench-*', 'assets/transformers*', 'assets/ort-wasm-*'];
/** ORT's wasm (public/ort/) is about 27 MB; Workbox's default limit is 2 MiB. */
export const PRECACHE_MAX_BYTES = 64 * 1024 * 1024;

function contentSecurity(): Plugin {
  const cspHeader = contentSecurityPolicy({ connect: modelOrigins() });
  const cspMeta = contentSecurityPolicy({ connect: modelOrigins(), forMeta: true });
  return {
    name: 'paperlens-csp',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // The built page carries its policy with it, so any static host enforces it.
        if (ctx.server || !ctx.filename.endsWith('index.html')) return html;
        return { html, tags: [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMeta }, injectTo: 'head-prepend' }] };
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', cspHeader);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Referrer-Policy', 'no-referrer');
        next();
      });
    },
  };
}

export function offlineApp(): PluginOption[] {
  return [
    contentSecurity(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // src/sw/register.ts registers it (production builds only); the manifest is public/manifest.webmanifest.
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // A classic script: browsers without module service workers can register it too.
        rollupFormat: 'iife',
        globPatterns: PRECACHE_GLOBS,
        globIgnores: PRECACHE_IGNORES,
        maximumFileSizeToCacheInBytes: PRECACHE_MAX_BYTES,
      },
    }),
  ];
}
