// Getting a model folder from the user's disk: `showDirectoryPicker()` where the browser has it
// (Chromium), and folders dropped on the model card (`webkitGetAsEntry()`, or
// `getAsFileSystemHandle()`), walked recursively into `{ path, file }` entries whose paths start
// with the folder's name. Browsers without the picker use `<input webkitdirectory>` instead.
import { walkDirectoryEntry, walkDirectoryHandle, type DirectoryEntryLike, type DirectoryHandleLike, type FileEntryLike, type FileHandleLike } from '../engine/sources';

export interface PickedFile {
  path: string;
  file: File;
}

type ShowDirectoryPicker = (opts?: { id?: string; mode?: 'read' }) => Promise<DirectoryHandleLike>;

export function hasDirectoryPicker(): boolean {
  return typeof (window as { showDirectoryPicker?: ShowDirectoryPicker }).showDirectoryPicker === 'function';
}

/** The picked folder's files; null when the user closed the picker. */
export async function pickDirectory(): Promise<PickedFile[] | null> {
  const show = (window as unknown as { showDirectoryPicker: ShowDirectoryPicker }).showDirectoryPicker;
  let dir: DirectoryHandleLike;
  try {
    dir = await show({ id: 'paperlens-model', mode: 'read' });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return null;
    throw e;
  }
  return asFiles(await walkDirectoryHandle(dir));
}

type DropItem = DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileHandleLike | DirectoryHandleLike | null> };

/**
 * The files of what was dropped: a folder is walked; loose files keep their names. Several items
 * are put under one made-up folder so their relative paths survive. Must be called inside the
 * drop event (the items are only readable then); the walk itself may finish later.
 */
export function droppedFiles(dt: DataTransfer, folderName = 'dropped model'): Promise<PickedFile[]> {
  const jobs: Promise<PickedFile[]>[] = [];
  for (const item of [...dt.items] as DropItem[]) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.() as unknown as FileEntryLike | DirectoryEntryLike | null;
    if (entry?.isDirectory) {
      jobs.push(walkDirectoryEntry(entry).then(asFiles));
      continue;
    }
    const handle = !entry && item.getAsFileSystemHandle ? item.getAsFileSystemHandle() : null;
    const file = item.getAsFile();
    jobs.push(
      (async () => {
        const h = handle ? await handle : null;
        if (h?.kind === 'directory') return asFiles(await walkDirectoryHandle(h));
        return file ? [{ path: file.name, file }] : [];
      })(),
    );
  }
  return Promise.all(jobs).then((parts) => (parts.length > 1 ? parts.flat().map((p) => ({ ...p, path: `${folderName}/${p.path}` })) : (parts[0] ?? [])));
}

function asFiles(entries: { path: string; file: Blob }[]): PickedFile[] {
  return entries.map(({ path, file }) => ({ path, file: file instanceof File ? file : new File([file], path.slice(path.lastIndexOf('/') + 1)) }));
}
