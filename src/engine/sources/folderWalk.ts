// Turns a picked or dropped directory into the `{ path, file }` list FileListSource reads. Two
// browser APIs hand out directories: File System Access handles (`showDirectoryPicker()`,
// `DataTransferItem.getAsFileSystemHandle()`) and the older entries API
// (`DataTransferItem.webkitGetAsEntry()`). Both are described here structurally, so the walk runs
// (and is tested) without a DOM. Paths start with the folder's own name, like
// `webkitRelativePath` does, e.g. `tiny-bart/onnx/encoder_model.onnx`.

export interface PickedEntry {
  path: string;
  file: Blob;
}

// ---- File System Access handles ------------------------------------------------------------

export interface FileHandleLike {
  kind: 'file';
  name: string;
  getFile(): Promise<Blob>;
}

export interface DirectoryHandleLike {
  kind: 'directory';
  name: string;
  values(): AsyncIterable<FileHandleLike | DirectoryHandleLike>;
}

export interface WalkOptions {
  signal?: AbortSignal;
  /** Refuse folders with more files than this (a home directory picked by mistake). */
  maxFiles?: number;
}

export const MAX_FOLDER_FILES = 2000;

export class FolderTooLargeError extends Error {
  constructor(readonly folder: string, readonly limit: number) {
    super(`The folder "${folder}" holds more than ${limit} files; pick the model folder itself (the one with config.json).`);
    this.name = 'FolderTooLargeError';
  }
}

/** Version-control and tool folders (.git holds large LFS blobs) are never part of a model. */
function skipped(name: string): boolean {
  return name.startsWith('.') && name !== '.';
}

function counter(root: string, opts: WalkOptions): (n: number) => void {
  const limit = opts.maxFiles ?? MAX_FOLDER_FILES;
  return (n) => {
    opts.signal?.throwIfAborted();
    if (n > limit) throw new FolderTooLargeError(root, limit);
  };
}

/** Every file under a directory handle, depth first, paths prefixed with the directory's name. */
export async function walkDirectoryHandle(dir: DirectoryHandleLike, opts: WalkOptions = {}): Promise<PickedEntry[]> {
  const out: PickedEntry[] = [];
  const check = counter(dir.name, opts);
  const visit = async (d: DirectoryHandleLike, prefix: string): Promise<void> => {
    for await (const h of d.values()) {
      if (h.kind === 'directory') {
        if (!skipped(h.name)) await visit(h, `${prefix}${h.name}/`);
      } else {
        check(out.length + 1);
        out.push({ path: `${prefix}${h.name}`, file: await h.getFile() });
      }
    }
  };
  await visit(dir, `${dir.name}/`);
  return sortByPath(out);
}

// ---- the entries API (webkitGetAsEntry) ----------------------------------------------------

export interface FileEntryLike {
  isFile: true;
  isDirectory: false;
  name: string;
  file(ok: (f: Blob) => void, fail?: (e: unknown) => void): void;
}

export interface DirectoryEntryLike {
  isFile: false;
  isDirectory: true;
  name: string;
  createReader(): { readEntries(ok: (entries: (FileEntryLike | DirectoryEntryLike)[]) => void, fail?: (e: unknown) => void): void };
}

/**
 * Every file under a directory entry. `readEntries` answers in batches (Chromium: 100 at a time)
 * and must be called until it returns none, or large folders come back cut short.
 */
export async function walkDirectoryEntry(dir: DirectoryEntryLike, opts: WalkOptions = {}): Promise<PickedEntry[]> {
  const out: PickedEntry[] = [];
  const check = counter(dir.name, opts);
  const visit = async (d: DirectoryEntryLike, prefix: string): Promise<void> => {
    const reader = d.createReader();
    for (;;) {
      const batch = await new Promise<(FileEntryLike | DirectoryEntryLike)[]>((ok, fail) => reader.readEntries(ok, fail));
      if (!batch.length) break;
      for (const e of batch) {
        if (e.isDirectory) {
          if (!skipped(e.name)) await visit(e, `${prefix}${e.name}/`);
        } else {
          check(out.length + 1);
          const file = await new Promise<Blob>((ok, fail) => e.file(ok, fail));
          out.push({ path: `${prefix}${e.name}`, file });
        }
      }
    }
  };
  await visit(dir, `${dir.name}/`);
  return sortByPath(out);
}

function sortByPath(entries: PickedEntry[]): PickedEntry[] {
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
