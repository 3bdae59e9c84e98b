// A model folder the user picked (`<input webkitdirectory>`) or dropped. Paths are relative to
// the folder root: a picked `mymodel/onnx/encoder_model.onnx` is read as `onnx/encoder_model.onnx`.
import { ModelFileError, type FileSource, type ReadOptions } from '../types';
import { abortReason } from './errors';

export type PickedFiles = File[] | Map<string, Blob> | Iterable<{ path: string; file: Blob }>;

export class FileListSource implements FileSource {
  readonly id: string;
  private readonly files: Map<string, Blob>;

  constructor(picked: PickedFiles, id?: string) {
    const entries = toEntries(picked);
    const { files, folder } = stripCommonFolder(entries);
    this.files = files;
    this.id = id ?? (folder ? `picked folder ${folder}` : 'picked files');
  }

  /** Folder-relative paths of every file, sorted. */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  async has(path: string): Promise<boolean> {
    return this.files.has(path);
  }

  async read(path: string, opts: ReadOptions = {}): Promise<Uint8Array> {
    const blob = this.files.get(path);
    if (!blob) throw new ModelFileError(this.id, path, 'file is missing (not among the picked files)');
    if (opts.signal?.aborted) throw abortReason(opts.signal);
    const total = blob.size;
    try {
      if (typeof blob.stream !== 'function') {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        opts.onProgress?.({ path, loaded: bytes.length, total });
        return bytes;
      }
      // Streamed so a large file reports progress (reading 1 GB from disk takes seconds).
      const out = new Uint8Array(total);
      let loaded = 0;
      const reader = blob.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (opts.signal?.aborted) {
          await reader.cancel();
          throw abortReason(opts.signal);
        }
        if (loaded + value.length > total) throw new Error('the file grew while it was read');
        out.set(value, loaded);
        loaded += value.length;
        opts.onProgress?.({ path, loaded, total });
      }
      if (loaded !== total) throw new Error(`read ${loaded} of ${total} bytes`);
      return out;
    } catch (e) {
      if (opts.signal?.aborted) throw abortReason(opts.signal);
      throw new ModelFileError(this.id, path, `could not read the picked file (${e instanceof Error ? e.message : String(e)}); it may have been moved or changed`);
    }
  }
}

function toEntries(picked: PickedFiles): [string, Blob][] {
  if (picked instanceof Map) return [...picked.entries()];
  const out: [string, Blob][] = [];
  for (const item of picked as Iterable<File | { path: string; file: Blob }>) {
    if ('path' in item && 'file' in item) out.push([item.path, item.file]);
    else {
      const f = item as File;
      out.push([f.webkitRelativePath || f.name, f]);
    }
  }
  return out;
}

/** Normalizes separators and drops the top folder when every file is inside the same one. */
function stripCommonFolder(entries: [string, Blob][]): { files: Map<string, Blob>; folder?: string } {
  const norm = entries.map(([p, b]) => [p.replaceAll('\\', '/').replace(/^\.?\/+/, ''), b] as [string, Blob]);
  const firsts = new Set(norm.map(([p]) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '')));
  const [only] = firsts;
  const folder = firsts.size === 1 && only ? only : undefined;
  const files = new Map<string, Blob>();
  for (const [p, b] of norm) {
    const rel = folder ? p.slice(folder.length + 1) : p;
    // Finder and Explorer litter: never part of a model.
    if (/(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/.test(rel)) continue;
    files.set(rel, b);
  }
  return { files, folder };
}
