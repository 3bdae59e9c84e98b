// Vite plugin for the installable, offline app: builds src/sw/sw.ts into /sw.js with its precache
// list, links the web manifest, and applies the Content-Security-Policy (a <meta> tag in the built
// page, a header from `vite preview`). The dev server gets neither CSP nor service worker: its
// inline React refresh preamble and changing modules need neither.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { contentSecurityPolicy, modelOrigins } from './csp';
import { manifestVersion, reachableFiles, type BuiltFile } from './precache';

const PLACEHOLDER = '__PAPERLENS_PRECACHE_MANIFEST__';
/** Public files the app needs offline (the model folders are cached when first read instead). */
const PUBLIC_OFFLINE = [/^ort\//, /^icons\//, /^manifest\.webmanifest$/];

function listFiles(dir: string, root = dir): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const full = join(dir, n);
    return statSync(full).isDirectory() ? listFiles(full, root) : [relative(root, full).split('\\').join('/')];
  });
}

export function offlineApp(root: string): Plugin {
  const swSource = join(root, 'src/sw/sw.ts');
  let publicDir = join(root, 'public');
  let isBuild = false;
  const cspHeader = contentSecurityPolicy({ connect: modelOrigins() });
  const cspMeta = contentSecurityPolicy({ connect: modelOrigins(), forMeta: true });
  return {
    name: 'paperlens-offline-app',
    configResolved(c) {
      if (c.publicDir) publicDir = c.publicDir;
      isBuild = c.command === 'build';
    },
    buildStart() {
      if (!isBuild) return;
      this.emitFile({ type: 'chunk', id: swSource, fileName: 'sw.js' });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.filename.endsWith('index.html')) return html;
        const tags = [
          { tag: 'link', attrs: { rel: 'manifest', href: '/manifest.webmanifest' }, injectTo: 'head' as const },
          { tag: 'link', attrs: { rel: 'icon', href: '/icons/icon.svg', type: 'image/svg+xml' }, injectTo: 'head' as const },
          { tag: 'meta', attrs: { name: 'theme-color', content: '#1f4e79' }, injectTo: 'head' as const },
        ];
        // The built page carries its policy with it, so any static host enforces it.
        if (!ctx.server) tags.unshift({ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMeta } as never, injectTo: 'head-prepend' as never });
        return { html, tags };
      },
    },
    generateBundle: {
      // After Vite has written index.html into the bundle.
      order: 'post',
      handler(_, bundle) {
      const sw = bundle['sw.js'];
      if (!sw || sw.type !== 'chunk') return;
      const built: BuiltFile[] = Object.values(bundle)
        .filter((f) => f.fileName !== 'sw.js' && !f.fileName.endsWith('.map'))
        .map((f) => {
          const content = f.type === 'chunk' ? f.code : f.source;
          const text = typeof content === 'string' ? content : /\.(m?js|html|css)$/.test(f.fileName) ? new TextDecoder().decode(content) : null;
          return { fileName: f.fileName, text, content };
        });
      const app = reachableFiles(built, 'index.html');
      const pub = listFiles(publicDir).filter((f) => PUBLIC_OFFLINE.some((re) => re.test(f)));
      const version = manifestVersion([
        ...built.filter((f) => app.includes(f.fileName)),
        // Public files by name and size: hashing 27 MB of wasm on every build is not worth it.
        ...pub.map((f) => ({ fileName: f, content: String(statSync(join(publicDir, f)).size) })),
      ]);
      const manifest = JSON.stringify({ version, files: [...app, ...pub] });
      if (!sw.code.includes(PLACEHOLDER)) this.error('sw.js lost its precache placeholder');
      sw.code = sw.code.replace(PLACEHOLDER, JSON.stringify(manifest).slice(1, -1));
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

/** The web manifest, read for tests. */
export function readWebManifest(root: string): unknown {
  return JSON.parse(readFileSync(join(root, 'public/manifest.webmanifest'), 'utf8'));
}
