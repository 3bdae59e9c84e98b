import { copyFileSync, createReadStream, existsSync, linkSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Connect, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { MODEL_INDEX_FILE, modelIndex } from './models/modelIndex.ts';
import { folderRoles, modelFolders, shippedFolders } from './scripts/models/folders.ts';
import { offlineApp } from './scripts/pwa/plugin.ts';

const root = dirname(fileURLToPath(import.meta.url));

// COOP/COEP make the page cross-origin isolated, which multi-threaded WASM needs.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Copies `src` over `dst` unless `dst` is already a copy of it (same size, not older). */
function copyIfChanged(src: string, dst: string): void {
  if (!existsSync(dst) || statSync(dst).size !== statSync(src).size || statSync(dst).mtimeMs < statSync(src).mtimeMs) copyFileSync(src, dst);
}

/** The onnxruntime-web/webgpu build's runtime files, served from /ort/ (see src/worker/ortSetup.ts). */
const ORT_FILES = ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm'];

/**
 * Copies ORT's wasm runtime into public/ort/ before dev and build. In production the worker points
 * ort.env.wasm.wasmPaths there, so ORT's pthread workers load ORT's own .mjs instead of the
 * bundled worker chunk (which makes multi-threaded WASM hang).
 */
function ortRuntimeFiles(): Plugin {
  return {
    name: 'paperlens-ort-runtime',
    configResolved() {
      const from = join(root, 'node_modules/onnxruntime-web/dist');
      const to = join(root, 'public/ort');
      mkdirSync(to, { recursive: true });
      for (const f of ORT_FILES) copyIfChanged(join(from, f), join(to, f));
    },
  };
}

/**
 * Copies pdf.js's packed CMaps (about 0.5 MB) into public/pdfjs/cmaps/: PDFs whose fonts use a
 * predefined CJK encoding have no readable text without them (src/worker/services.ts).
 */
function pdfCMaps(): Plugin {
  return {
    name: 'paperlens-pdf-cmaps',
    configResolved() {
      const from = join(root, 'node_modules/pdfjs-dist/cmaps');
      const to = join(root, 'public/pdfjs/cmaps');
      mkdirSync(to, { recursive: true });
      for (const f of readdirSync(from)) copyIfChanged(join(from, f), join(to, f));
    },
  };
}

const modelsDir = join(root, 'models');

const MIME: Record<string, string> = {
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
  '.onnx_data': 'application/octet-stream',
  '.txt': 'text/plain',
  '.model': 'application/octet-stream',
};

/** The index of the model folders and what each is for, as JSON (models/modelIndex.ts). */
function indexJson(folders: string[]): string {
  return `${JSON.stringify(modelIndex(folders, folderRoles(modelsDir, folders)), null, 2)}\n`;
}

/**
 * Serves files of model folders at /models/ on the dev and preview servers, same-origin
 * (COEP-safe), and /models/index.json listing them as they are now: a model `npm run models` or
 * `npm run fetch-model` adds shows up on the next page load without a rebuild.
 */
function serveModels(): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = decodeURIComponent((req.url ?? '').split('?')[0]);
    const rel = normalize(url).replace(/^[/\\]+/, '');
    // Folders are named with `/`; compared so, a backslash in a Linux URL stays part of a name.
    const relPosix = rel.split(sep).join('/');
    const folders = modelFolders(modelsDir);
    if (relPosix === MODEL_INDEX_FILE) {
      const body = indexJson(folders);
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Content-Length', String(Buffer.byteLength(body)));
      // Always asked again: the folders change when a model is fetched.
      res.setHeader('Cache-Control', 'no-cache');
      for (const [k, v] of Object.entries(isolationHeaders)) res.setHeader(k, v);
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    const file = join(modelsDir, rel);
    // Only files inside a model folder: never the catalogue sources or anything outside models/.
    if (!folders.some((f) => relPosix.startsWith(`${f}/`)) || !file.startsWith(modelsDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    const ext = file.slice(file.lastIndexOf('.'));
    res.setHeader('Content-Type', MIME[ext] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(file).size));
    for (const [k, v] of Object.entries(isolationHeaders)) res.setHeader(k, v);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
    void next;
  };
}

/** Copies every tree under `from` into `to`, hard-linking when possible (models can be large). */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const s = join(from, e.name);
    const d = join(to, e.name);
    if (e.isDirectory()) linkTree(s, d);
    else if (e.isFile() && !existsSync(d)) {
      try {
        linkSync(s, d);
      } catch {
        copyFileSync(s, d);
      }
    }
  }
}

/**
 * Model folders are served same-origin at /models/<folder>/: by a middleware under `vite` and
 * `vite preview` (straight from models/), and, for deployment, by copying (hard-linking) every
 * model folder except the benchmark ones, fixtures included, into dist/models/ at build.
 */
function sameOriginModels(): Plugin {
  let outDir = join(root, 'dist');
  return {
    name: 'paperlens-models',
    configResolved(c) {
      // resolve, not join: an absolute --outDir (bench builds, /tmp) must not land inside the repo.
      outDir = resolve(c.root, c.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use('/models', serveModels());
    },
    configurePreviewServer(server) {
      server.middlewares.use('/models', serveModels());
    },
    closeBundle() {
      const shipped = shippedFolders(modelsDir);
      for (const f of shipped) linkTree(join(modelsDir, f), join(outDir, 'models', f));
      // A static host serves this file as it is; the preview server answers it live instead.
      mkdirSync(join(outDir, 'models'), { recursive: true });
      writeFileSync(join(outDir, 'models', MODEL_INDEX_FILE), indexJson(shipped));
    },
  };
}

export default defineConfig({
  plugins: [react(), ortRuntimeFiles(), pdfCMaps(), sameOriginModels(), offlineApp()],
  resolve: {
    // ORT's extern-wasm entry does not import its wasm, so Vite does not bundle a second 27 MB copy.
    conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions],
  },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    // bench.html is the in-browser speed benchmark (src/bench), built next to the app.
    rolldownOptions: { input: { main: join(root, 'index.html'), bench: join(root, 'bench.html') } },
  },
});
