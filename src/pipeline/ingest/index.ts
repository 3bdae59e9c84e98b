// One entry point for every kind of input: detect, read, structure.
import { ingestError, IngestError } from '../errors';
import { structureText } from '../structure';
import type { Paper } from '../types';
import { unpackArchive, type ProjectFile } from './archive';
import { decodeText, detectType } from './detect';
import { ingestFiles } from './files';
import { parseLatex } from './latex';
import { parseMarkdown } from './markdown';
import { readPdf } from './pdf';

/** One file, pasted text, or several files (a folder or selection; `name` names the whole). */
export type IngestInput = { name: string; bytes: Uint8Array } | { text: string; name?: string } | { name: string; files: ProjectFile[] };

export interface IngestOptions {
  signal?: AbortSignal;
  /** PDF pages read so far; other inputs report a single step. */
  onProgress?: (p: { done: number; total: number }) => void;
  /** Largest accepted input in bytes (default 60 MB). */
  maxBytes?: number;
  maxPages?: number;
}

const DEFAULT_MAX_BYTES = 60 * 1024 * 1024;

function ensureText(paper: Paper): Paper {
  if (paper.wordCount === 0 && !paper.cjkChars) throw ingestError('empty');
  return paper;
}

export async function ingest(input: IngestInput, opts: IngestOptions = {}): Promise<Paper> {
  if (opts.signal?.aborted) throw ingestError('aborted');
  if ('text' in input) {
    if (!input.text.trim()) throw ingestError('empty');
    const paper = /^\s*#{1,6}\s+\S/m.test(input.text) && /^#{1,2}\s/m.test(input.text)
      ? parseMarkdown(input.text, input.name ?? 'paste')
      : structureText(input.text, { source: input.name ?? 'paste' });
    opts.onProgress?.({ done: 1, total: 1 });
    return ensureText(paper);
  }
  if ('files' in input) {
    const paper = await ingestFiles(input.files, input.name, (f) => readOne(f.path, f.bytes, opts));
    opts.onProgress?.({ done: 1, total: 1 });
    return ensureText(paper);
  }
  return ensureText(await readOne(input.name, input.bytes, opts));
}

async function readOne(name: string, bytes: Uint8Array, opts: IngestOptions): Promise<Paper> {
  if (bytes.length === 0) throw ingestError('empty', `${name} is empty`);
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > max) throw ingestError('too-large', `${(bytes.length / 1e6).toFixed(1)} MB; the limit is ${(max / 1e6).toFixed(0)} MB`);
  const unpacked = unpackArchive(name, bytes);
  // A .docx is a zip too; with no paper files inside, detection below names what it is.
  if (unpacked?.length) {
    const paper = await ingestFiles(unpacked, name, (f) => readOne(f.path, f.bytes, opts));
    opts.onProgress?.({ done: 1, total: 1 });
    return paper;
  }
  const detected = detectType(name, bytes);
  let paper: Paper;
  switch (detected.type) {
    case 'pdf':
      paper = await readPdf(bytes, name, opts);
      break;
    case 'latex':
      paper = parseLatex(decodeText(bytes), name);
      break;
    case 'markdown':
      paper = parseMarkdown(decodeText(bytes), name);
      break;
    case 'text':
      paper = structureText(decodeText(bytes), { source: name });
      break;
    default:
      throw ingestError('unsupported-type', `${name} looks like ${detected.what}`);
  }
  if (detected.type !== 'pdf') opts.onProgress?.({ done: 1, total: 1 });
  return paper;
}

export { IngestError };
