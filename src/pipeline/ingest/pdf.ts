// PDF text extraction with pdf.js (its legacy build: runs in browsers, workers and Node). Layout
// decisions live in pdfLayout.ts; this file talks to pdf.js and maps its failures to IngestError.
import { ingestError, IngestError } from '../errors';
import { structureText } from '../structure';
import type { Paper } from '../types';
import { repairDroppedLigatures } from './ligatures';
import { findTitle, lineFragments, linesToText, readingOrder, removeRunningLines, type Line, type PageText } from './pdfLayout';
import { removeLineNumbers, removeRunningHeads } from './pdfMargins';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface PdfJsConfig {
  /** URL of pdf.worker(.min).mjs; needed in browsers (the app sets it, e.g. via Vite `?url`). */
  workerSrc?: string;
  /** Or an already created pdf.js worker (a Worker running pdf.worker.mjs). */
  workerPort?: unknown;
  /**
   * Folder (URL in browsers, path in Node) of pdf.js's packed CMaps (pdfjs-dist/cmaps/*.bcmap).
   * Fonts with a predefined CJK encoding (UniGB-UCS2-H, GBK-EUC-H, ...) have no text without them.
   */
  cMapUrl?: string;
}

let config: PdfJsConfig = {};
let pdfjsPromise: Promise<PdfJs> | null = null;

/** Tells the pipeline where the pdf.js worker lives. Without it (Node), pdf.js parses in-thread. */
export function configurePdfJs(c: PdfJsConfig): void {
  config = { ...config, ...c };
  if (pdfjsPromise) void pdfjsPromise.then(applyConfig);
}

function applyConfig(pdfjs: PdfJs): PdfJs {
  if (config.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = config.workerSrc;
  if (config.workerPort) pdfjs.GlobalWorkerOptions.workerPort = config.workerPort as never;
  return pdfjs;
}

function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs').then(applyConfig);
  return pdfjsPromise;
}

/**
 * pdf.js's own browser loader reads the document's base URI, which a Web Worker does not have, so CMaps
 * never load there; this one fetches the URL it is given (same-origin, so the service worker's
 * precache answers offline).
 */
class FetchDataFactory {
  private readonly urls: Record<string, string | null>;
  constructor(urls: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.urls = { cMapUrl: urls.cMapUrl ?? null, standardFontDataUrl: urls.standardFontDataUrl ?? null, wasmUrl: urls.wasmUrl ?? null };
  }
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const base = this.urls[kind];
    if (!base) throw new Error(`Ensure that the \`${kind}\` API parameter is provided.`);
    const r = await fetch(base + filename);
    if (!r.ok) throw new Error(`Unable to load ${kind} data at: ${base + filename} (${r.status})`);
    return new Uint8Array(await r.arrayBuffer());
  }
}

export interface PdfOptions {
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number }) => void;
  /** Refuse PDFs with more pages than this (default 400). */
  maxPages?: number;
}

function mapPdfJsError(e: unknown): IngestError {
  if (e instanceof IngestError) return e;
  const name = (e as { name?: string })?.name ?? '';
  const msg = String((e as { message?: string })?.message ?? e);
  if (name === 'PasswordException' || /password|encrypt/i.test(msg)) return ingestError('encrypted', undefined, e);
  if (name === 'AbortException') return ingestError('aborted', undefined, e);
  return ingestError('corrupt', msg.slice(0, 200), e);
}

export async function readPdf(bytes: Uint8Array, source: string, opts: PdfOptions = {}): Promise<Paper> {
  const pdfjs = await loadPdfJs();
  // pdf.js may transfer (detach) the buffer it is given; hand it a copy so the caller keeps its bytes.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    ...(config.cMapUrl ? { cMapUrl: config.cMapUrl, cMapPacked: true, ...(/^https?:/.test(config.cMapUrl) ? { BinaryDataFactory: FetchDataFactory, useWorkerFetch: false } : {}) } : {}),
    stopAtErrors: false,
    verbosity: 0,
  });
  const onAbort = () => void task.destroy();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const doc = await task.promise.catch((e: unknown) => {
      throw mapPdfJsError(e);
    });
    const total = doc.numPages;
    const maxPages = opts.maxPages ?? 400;
    if (total > maxPages) throw ingestError('too-large', `${total} pages; the limit is ${maxPages}`);
    const pages: Line[][] = [];
    const heights: number[] = [];
    const warnings: string[] = [];
    const emptyPages: number[] = [];
    for (let p = 1; p <= total; p++) {
      if (opts.signal?.aborted) throw ingestError('aborted');
      let lines: Line[] = [];
      let height = 792;
      try {
        const page = await doc.getPage(p);
        const vp = page.getViewport({ scale: 1 });
        height = vp.height;
        const content = await page.getTextContent();
        const items: PageText['items'] = [];
        for (const it of content.items) {
          if (!('str' in it)) continue;
          const [a, b, , d, e, f] = it.transform as number[];
          // Rotated text (margins stamps like arXiv identifiers) is not part of the reading flow.
          if (Math.abs(b) > Math.abs(a) * 0.1) continue;
          items.push({ str: it.str, x: e, y: f, width: it.width, size: Math.abs(d) || Math.hypot(a, b), hasEOL: it.hasEOL });
        }
        lines = readingOrder(lineFragments({ items: removeLineNumbers(items), width: vp.width, height }, p - 1), vp.width);
        page.cleanup();
      } catch (e) {
        if (e instanceof IngestError) throw e;
        warnings.push(`Page ${p} could not be read (${String((e as Error)?.message ?? e).slice(0, 80)}).`);
      }
      if (!lines.some((l) => /\p{L}/u.test(l.text))) emptyPages.push(p);
      pages.push(lines);
      heights.push(height);
      opts.onProgress?.({ done: p, total });
    }
    await doc.destroy();
    if (emptyPages.length === total) throw ingestError('no-text-layer');
    if (emptyPages.length) {
      warnings.push(
        emptyPages.length === 1
          ? `Page ${emptyPages[0]} had no text layer (probably a scanned image or a figure) and was skipped.`
          : `Pages ${emptyPages.join(', ')} had no text layer (probably scanned images or figures) and were skipped.`,
      );
    }
    const withoutHeads = removeRunningHeads(pages);
    const title = findTitle(withoutHeads[0] ?? [], heights[0] ?? 792);
    const cleaned = removeRunningLines(withoutHeads, heights);
    const text = repairDroppedLigatures(linesToText(cleaned));
    return structureText(text, { title, source, warnings });
  } catch (e) {
    throw mapPdfJsError(e);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
