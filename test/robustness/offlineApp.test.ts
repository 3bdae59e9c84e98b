// The service worker's decisions, the CSP text, the precache list and the icons, checked in Node
// (the browser tests cover the wiring).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, modelOrigins } from '../../scripts/pwa/csp';
import { drawIcon, encodePng } from '../../scripts/pwa/icons';
import { manifestVersion, reachableFiles, type BuiltFile } from '../../scripts/pwa/precache';
import { isolatedHeaders, strategyFor } from '../../src/sw/policy';

const root = join(import.meta.dirname, '../..');
const scope = 'https://app.example/';
const precached = new Set(['index.html', 'assets/main-1.js', 'ort/ort.wasm']);
const req = (url: string, method = 'GET', mode = 'cors') => ({ url, method, mode });

describe('service worker policy', () => {
  it.each([
    [req('https://app.example/', 'GET', 'navigate'), 'navigate'],
    [req('https://app.example/?model=fixtures/tiny-bart', 'GET', 'navigate'), 'navigate'],
    [req('https://app.example/bench.html', 'GET', 'navigate'), 'network'],
    [req('https://app.example/assets/main-1.js'), 'precache'],
    [req('https://app.example/ort/ort.wasm'), 'precache'],
    [req('https://app.example/assets/other-2.js'), 'network'],
    [req('https://app.example/assets/main-1.js', 'HEAD'), 'network'],
    [req('https://app.example/models/local/x/config.json'), 'network'],
    [req('https://huggingface.co/x/resolve/main/config.json'), 'network'],
    [req('https://app.example/index.html', 'POST'), 'network'],
  ] as const)('%o -> %s', (r, want) => {
    expect(strategyFor(r, scope, precached)).toBe(want);
  });

  it('respects a scope below the origin root', () => {
    expect(strategyFor(req('https://app.example/paperlens/assets/main-1.js'), 'https://app.example/paperlens/', precached)).toBe('precache');
    expect(strategyFor(req('https://app.example/assets/main-1.js'), 'https://app.example/paperlens/', precached)).toBe('network');
  });

  it('adds COOP/COEP/CORP to served responses and keeps the other headers', () => {
    const h = isolatedHeaders(new Headers({ 'content-type': 'text/html', 'content-security-policy': "default-src 'self'" }));
    expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(h.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(h.get('content-security-policy')).toBe("default-src 'self'");
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

describe('precache list', () => {
  const f = (fileName: string, text: string | null): BuiltFile => ({ fileName, text, content: text ?? new Uint8Array([1, 2]) });
  const bundle = [
    f('index.html', '<script src="/assets/main-a.js"></script><link href="/assets/main-b.css">'),
    f('assets/main-a.js', 'import "./shared-c.js"; new URL("assets/worker-d.js", import.meta.url)'),
    f('assets/main-b.css', 'body{}'),
    f('assets/shared-c.js', 'export {}'),
    f('assets/worker-d.js', 'import("./pdf-e.js")'),
    f('assets/pdf-e.js', ''),
    f('bench.html', '<script src="/assets/bench-f.js"></script>'),
    f('assets/bench-f.js', 'import "./shared-c.js"; "transformers-g.wasm"'),
    f('assets/transformers-g.wasm', null),
  ];
  it('holds what index.html reaches, transitively, and nothing only the bench page uses', () => {
    expect(reachableFiles(bundle, 'index.html')).toEqual(['assets/main-a.js', 'assets/main-b.css', 'assets/pdf-e.js', 'assets/shared-c.js', 'assets/worker-d.js', 'index.html']);
  });
  it('versions by content', () => {
    const v = manifestVersion(bundle);
    expect(manifestVersion([...bundle].reverse())).toBe(v);
    expect(manifestVersion([...bundle.slice(1), f('index.html', '<p>changed</p>')])).not.toBe(v);
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
