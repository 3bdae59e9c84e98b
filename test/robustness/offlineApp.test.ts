// The service worker's own decisions, the precache list Workbox gets at build, the CSP text and
// the icons, checked in Node (the browser tests, e2e/offline.spec.ts, cover the wiring).
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, modelOrigins } from '../../scripts/pwa/csp';
import { drawIcon, encodePng } from '../../scripts/pwa/icons';
import { isolated, isShellNavigation } from '../../src/sw/policy';

const root = join(import.meta.dirname, '../..');
const scope = 'https://app.example/';

describe('service worker policy', () => {
  it.each([
    ['https://app.example/', true],
    ['https://app.example/?model=fixtures/tiny-bart', true],
    ['https://app.example/index.html', true],
    ['https://app.example/bench.html', false],
    ['https://app.example/models/fixtures/tiny-bart/config.json', false],
    ['https://huggingface.co/', false],
  ] as const)('navigation to %s is the app page: %s', (url, want) => {
    expect(isShellNavigation(new URL(url), scope)).toBe(want);
  });

  it('respects a scope below the origin root', () => {
    expect(isShellNavigation(new URL('https://app.example/paperlens/?model=x'), 'https://app.example/paperlens/')).toBe(true);
    expect(isShellNavigation(new URL('https://app.example/'), 'https://app.example/paperlens/')).toBe(false);
  });

  it('rewraps served responses with COOP/COEP/CORP, keeping status, body and the other headers', async () => {
    const r = isolated(new Response('shell', { status: 203, statusText: 'Cached', headers: { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'", vary: 'Origin' } }));
    expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(r.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(r.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(r.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(r.headers.get('content-type')).toBe('text/html');
    expect([r.status, r.statusText, await r.text()]).toEqual([203, 'Cached', 'shell']);
  });

  it('returns network errors as they are (they cannot be rebuilt)', () => {
    const e = Response.error();
    expect(isolated(e)).toBe(e);
  });
});

describe('precache list injected into the built sw.js', () => {
  const outDir = join(root, '.vite/sw-test-dist');
  let urls: string[] = [];
  beforeAll(async () => {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    urls = [...readFileSync(join(outDir, 'sw.js'), 'utf8').matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('holds the page, everything it loads, the app worker, pdf.js and the ORT runtime, icons and manifest', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const linked = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]);
    expect(linked.length).toBeGreaterThan(4);
    expect(urls).toEqual(expect.arrayContaining(['index.html', ...linked]));
    expect(urls).toEqual(expect.arrayContaining(['ort/ort-wasm-simd-threaded.asyncify.mjs', 'ort/ort-wasm-simd-threaded.asyncify.wasm', 'icons/icon-192.png', 'icons/icon-512.png']));
    for (const name of [/^assets\/worker-[\w-]+\.js$/, /^assets\/pdf\.worker\.min-[\w-]+\.mjs$/]) expect(urls.some((u) => name.test(u))).toBe(true);
    for (const u of urls) expect(existsSync(join(outDir, u)), u).toBe(true);
  });

  it('holds no model file, nothing of the bench page, and one copy of the ORT wasm', () => {
    expect(existsSync(join(outDir, 'models/fixtures'))).toBe(true);
    expect(urls.filter((u) => /^models\/|bench|transformers/.test(u))).toEqual([]);
    expect(urls.filter((u) => u.endsWith('.wasm'))).toEqual(['ort/ort-wasm-simd-threaded.asyncify.wasm']);
    const bytes = urls.reduce((n, u) => n + statSync(join(outDir, u)).size, 0);
    expect(bytes).toBeLessThan(32 * 1024 * 1024);
  });
});

describe('content security policy', () => {
  it('allows only this origin, WebAssembly compilation and the model hub', () => {
    const csp = contentSecurityPolicy({ connect: modelOrigins('') });
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).toContain("connect-src 'self' https://huggingface.co https://*.huggingface.co https://*.hf.co;");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/'unsafe-inline'|\s'unsafe-eval'/);
  });

  it('leaves frame-ancestors out of the meta form and adds a configured mirror', () => {
    expect(contentSecurityPolicy({ connect: [], forMeta: true })).not.toContain('frame-ancestors');
    expect(modelOrigins('https://mirror.example/hub/, https://b.example')).toEqual(expect.arrayContaining(['https://mirror.example', 'https://b.example']));
  });
});

describe('installability', () => {
  it('the manifest names the app, a start URL and PNG icons of 192 and 512 px that exist', () => {
    const m = JSON.parse(readFileSync(join(root, 'public/manifest.webmanifest'), 'utf8'));
    expect(m.name).toMatch(/PaperLens/);
    expect(m.start_url).toBe('/');
    expect(m.display).toBe('standalone');
    for (const size of ['192x192', '512x512']) {
      const icon = m.icons.find((i: { sizes: string; type: string }) => i.sizes === size && i.type === 'image/png');
      const png = readFileSync(join(root, 'public', icon.src));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(Number(size.split('x')[0]));
    }
  });

  it('the icon encoder writes a PNG whose pixels decode back', () => {
    const px = drawIcon(8);
    const png = encodePng(8, 8, px);
    const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
    const raw = inflateSync(idat);
    expect(raw.length).toBe((8 * 4 + 1) * 8);
    expect([...raw.subarray(1, 5)]).toEqual([...px.subarray(0, 4)]);
  });
});
