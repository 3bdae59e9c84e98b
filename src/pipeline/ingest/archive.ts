// Archives a paper's sources come in: .zip, .tar, .tar.gz/.tgz (arXiv's source format) and a
// single gzipped file (arXiv serves one-file submissions that way). Unpacking uses fflate and
// nanotar; only the files ingest may read are kept, and the total unpacked size is capped so a
// zip bomb cannot exhaust the worker.
import { gunzipSync, unzipSync } from 'fflate';
import { parseTar } from 'nanotar';
import { ingestError } from '../errors';

export interface ProjectFile {
  path: string;
  bytes: Uint8Array;
}

/** Files a paper's project may need: sources, bibliography, Markdown, text, PDF. */
export const PROJECT_FILE = /\.(tex|ltx|latex|rnw|bbl|sty|cls|md|markdown|txt|pdf)$/i;
const MAX_UNPACKED = 200 * 1024 * 1024;

export type ArchiveKind = 'zip' | 'gzip' | 'tar';

const isTar = (b: Uint8Array) => b.length > 262 && String.fromCharCode(...b.subarray(257, 262)) === 'ustar';

export function archiveKind(b: Uint8Array): ArchiveKind | null {
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  if (b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (isTar(b)) return 'tar';
  return null;
}

function keep(path: string): boolean {
  // macOS resource forks and hidden files are not part of the paper.
  return PROJECT_FILE.test(path) && !/(^|\/)(__MACOSX\/|\.)/.test(path);
}

function checkSize(files: ProjectFile[]): ProjectFile[] {
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > MAX_UNPACKED) throw ingestError('too-large', `the archive unpacks to ${(total / 1e6).toFixed(0)} MB`);
  return files;
}

function untar(b: Uint8Array): ProjectFile[] {
  return parseTar(b, { filter: (f) => (f.type === 'file' || f.type === undefined) && keep(f.name) }).map((f) => ({ path: f.name, bytes: f.data ?? new Uint8Array() }));
}

/** The files inside an archive, or null when `bytes` is not one. */
export function unpackArchive(name: string, bytes: Uint8Array): ProjectFile[] | null {
  const kind = archiveKind(bytes);
  try {
    if (kind === 'zip') {
      const files = unzipSync(bytes, { filter: (f) => keep(f.name) && f.originalSize <= MAX_UNPACKED });
      return checkSize(Object.entries(files).map(([path, data]) => ({ path, bytes: data })));
    }
    if (kind === 'tar') return checkSize(untar(bytes));
    if (kind === 'gzip') {
      const inner = gunzipSync(bytes);
      if (isTar(inner)) return checkSize(untar(inner));
      // One gzipped file: its name without ".gz" (arXiv's single-file sources are TeX without an extension).
      const base = name.replace(/\.(gz|tgz)$/i, '').replace(/^.*\//, '') || 'main';
      return [{ path: /\.[a-z]+$/i.test(base) ? base : `${base}.tex`, bytes: inner }];
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'IngestError') throw e;
    // Office documents are zips too: one that is not named .zip is left to type detection.
    if (kind === 'zip' && !/\.zip$/i.test(name)) return null;
    throw ingestError('damaged-archive', name, e);
  }
  return null;
}
