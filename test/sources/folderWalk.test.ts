// Directory walks for a model folder picked with showDirectoryPicker() or dropped on the model
// card, on fake handles and entries: nested paths, batched readEntries, skipped dot-folders, the
// file-count guard, and a result FileListSource reads as a model folder.
import { describe, expect, it } from 'vitest';
import { FileListSource } from '../../src/engine/sources/files';
import {
  FolderTooLargeError,
  walkDirectoryEntry,
  walkDirectoryHandle,
  type DirectoryEntryLike,
  type DirectoryHandleLike,
  type FileEntryLike,
  type FileHandleLike,
} from '../../src/engine/sources/folderWalk';

/** A folder tree: a string is a file's content, an object a sub-folder. */
type Tree = { [name: string]: string | Tree };

const MODEL: Tree = {
  'config.json': '{"model_type":"bart"}',
  'tokenizer.json': '{}',
  onnx: { 'encoder_model.onnx': 'enc', 'decoder_model_merged.onnx': 'dec' },
  '.git': { objects: { ab: 'blob' } },
};

function handle(name: string, tree: Tree): DirectoryHandleLike {
  return {
    kind: 'directory',
    name,
    async *values() {
      for (const [n, v] of Object.entries(tree)) {
        if (typeof v === 'string') yield { kind: 'file', name: n, getFile: async () => new Blob([v]) } satisfies FileHandleLike;
        else yield handle(n, v);
      }
    },
  };
}

/** Entries whose reader answers `batch` at a time, as Chromium does with 100. */
function entry(name: string, tree: Tree, batch: number): DirectoryEntryLike {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader() {
      const all = Object.entries(tree).map(([n, v]): FileEntryLike | DirectoryEntryLike =>
        typeof v === 'string' ? { isFile: true, isDirectory: false, name: n, file: (ok) => ok(new Blob([v])) } : entry(n, v, batch),
      );
      let at = 0;
      return {
        readEntries(ok) {
          const next = all.slice(at, at + batch);
          at += next.length;
          setTimeout(() => ok(next), 0);
        },
      };
    },
  };
}

const text = (b: Blob) => b.text();

describe('walkDirectoryHandle', () => {
  it('lists every file with paths under the folder name, skipping .git', async () => {
    const files = await walkDirectoryHandle(handle('tiny-bart', MODEL));
    expect(files.map((f) => f.path)).toEqual(['tiny-bart/config.json', 'tiny-bart/onnx/decoder_model_merged.onnx', 'tiny-bart/onnx/encoder_model.onnx', 'tiny-bart/tokenizer.json']);
    expect(await text(files[2].file)).toBe('enc');
  });

  it('feeds FileListSource, which reads it as the model folder', async () => {
    const src = new FileListSource(await walkDirectoryHandle(handle('tiny-bart', MODEL)));
    expect(src.id).toBe('picked folder tiny-bart');
    expect(src.paths()).toEqual(['config.json', 'onnx/decoder_model_merged.onnx', 'onnx/encoder_model.onnx', 'tokenizer.json']);
    expect(new TextDecoder().decode(await src.read('config.json'))).toContain('bart');
  });

  it('refuses a folder with too many files, and stops when aborted', async () => {
    const big: Tree = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, 'x']));
    await expect(walkDirectoryHandle(handle('home', big), { maxFiles: 10 })).rejects.toBeInstanceOf(FolderTooLargeError);
    const ac = new AbortController();
    ac.abort();
    await expect(walkDirectoryHandle(handle('m', MODEL), { signal: ac.signal })).rejects.toThrow();
  });
});

describe('walkDirectoryEntry', () => {
  it('reads every batch of readEntries, nested folders included', async () => {
    const many: Tree = { ...MODEL, onnx: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`part${i}.onnx`, String(i)])) };
    const files = await walkDirectoryEntry(entry('m', many, 3));
    expect(files.map((f) => f.path)).toEqual([
      'm/config.json',
      ...Array.from({ length: 7 }, (_, i) => `m/onnx/part${i}.onnx`),
      'm/tokenizer.json',
    ]);
    expect(await text(files[7].file)).toBe('6');
  });

  it('gives the same files as the handle walk', async () => {
    const a = await walkDirectoryEntry(entry('tiny-bart', MODEL, 100));
    const b = await walkDirectoryHandle(handle('tiny-bart', MODEL));
    expect(a.map((f) => f.path)).toEqual(b.map((f) => f.path));
  });
});
