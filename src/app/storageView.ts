// The storage panel's state: which models the engine's Cache Storage holds, their sizes, the
// browser's quota estimate, and deleting one. Like "Remove the download", this reads the cache
// directly from the page (Cache Storage is shared with the worker); the logic is in
// engine/sources/storage.ts.
import { create } from 'zustand';
import { inspectStorage, openModelCacheStorage, removeCachedModel, type StorageReport } from '../engine/sources';
import { choiceAt, refreshCatalogue } from './catalogueView';

export interface StoredModel {
  base: string;
  /** Catalogue label when the folder is a catalogue model's, else the source id. */
  label: string;
  /** Catalogue id, when it is one. */
  catalogueId: string | null;
  bytes: number;
  files: number;
  /** Catalogue dtypes whose graphs are all cached. */
  dtypes: string[];
}

export interface StorageViewState {
  status: 'idle' | 'loading' | 'ready';
  problem: string | null;
  models: StoredModel[];
  modelBytes: number;
  estimate: StorageReport['estimate'];
  /** Base URL being deleted. */
  deleting: string | null;
}

export const useStorage = create<StorageViewState>()(() => ({ status: 'idle', problem: null, models: [], modelBytes: 0, estimate: null, deleting: null }));

/** Rows for a report: catalogue labels where the folder is a catalogue model's. */
export function storedModels(report: StorageReport, labelOf: (base: string) => { id: string; label: string; dtypes: { dtype: string; cached: boolean }[] } | undefined): StoredModel[] {
  return report.models.map((m) => {
    const c = labelOf(m.base);
    return {
      base: m.base,
      label: c?.label ?? m.id,
      catalogueId: c?.id ?? null,
      bytes: m.bytes,
      files: m.files.length,
      dtypes: c ? c.dtypes.filter((d) => d.cached).map((d) => d.dtype) : [],
    };
  });
}

let generation = 0;

export async function refreshStorage(): Promise<void> {
  const mine = ++generation;
  if (useStorage.getState().status === 'idle') useStorage.setState({ status: 'loading' });
  // The catalogue's view of what is cached (dtypes per model) must be current for the labels.
  await refreshCatalogue();
  const report = await inspectStorage(openModelCacheStorage());
  if (mine !== generation) return; // a later read is under way
  useStorage.setState({ status: 'ready', problem: report.problem, models: storedModels(report, choiceAt), modelBytes: report.modelBytes, estimate: report.estimate });
}

/** Deletes a cached model's files; the picker then shows it as not downloaded. */
export async function deleteStoredModel(base: string): Promise<void> {
  useStorage.setState({ deleting: base });
  try {
    const r = await removeCachedModel(openModelCacheStorage(), base);
    await refreshStorage();
    if ('problem' in r) useStorage.setState({ problem: r.problem });
  } finally {
    useStorage.setState({ deleting: null });
  }
}

/** Re-reads the storage panel after a download or a removal, if it has been shown. */
export function refreshStorageIfShown(): void {
  if (useStorage.getState().status !== 'idle') void refreshStorage();
}
