// Connects the app store to the PaperStore: restores the last draft and any interrupted summary on
// start, saves the draft as the user types, the summary while it streams, and every finished
// summary into the history.
import { create } from 'zustand';
import { catalogueReady, loadChoice, setText, summaryRecord, urlPicksModel } from '../actions';
import { findChoice } from '../catalogueView';
import type { Dtype } from '../../engine/types';
import { get, isRunning, patchRun, set, useApp, type AppState } from '../store';
import { syncConversations } from './conversationSync';
import { GuardedStore } from './guardedStore';
import { MemoryPaperStore, openPaperStore, type PaperStore } from './paperStore';
import { entryFromRecord, type HistoryEntry, type Prefs } from './records';
import { describeStorageError } from './storageErrors';

export interface PersistenceState {
  /** Where things are saved; 'memory' means they are lost when the tab closes. */
  mode: 'starting' | 'indexeddb' | 'memory';
  /** The latest storage problem, in words; null when saving works. */
  problem: string | null;
  entries: HistoryEntry[];
  /** Set when the summary on screen was interrupted (reload, crash) and restored as partial. */
  restoredPartial: boolean;
  /**
   * True from the start until the saved draft is back in the paper box (or there was none). The
   * box says so and takes no typing meanwhile: text typed in that moment would win over the saved
   * paper and be saved over it, losing the paper the user came back for.
   */
  restoring: boolean;
}

export const usePersistence = create<PersistenceState>()(() => ({ mode: 'starting', problem: null, entries: [], restoredPartial: false, restoring: false }));

const DRAFT_DELAY_MS = 300;
const PARTIAL_INTERVAL_MS = 250;

let store: PaperStore = new MemoryPaperStore();
let draftTimer: ReturnType<typeof setTimeout> | undefined;
let partialTimer: ReturnType<typeof setTimeout> | undefined;
/** finishedAt stamps of runs already in the history (or shown from it), so none is added twice. */
const recorded = new Set<string>();
let pending: Promise<unknown> = Promise.resolve();

export function persistenceStore(): PaperStore {
  return store;
}

function report(message: string): void {
  usePersistence.setState({ problem: message });
}

/** Serialises writes so a later draft never lands before an earlier one. */
function enqueue(op: () => Promise<unknown>): Promise<unknown> {
  pending = pending.then(op, op);
  return pending;
}

export async function refreshHistory(): Promise<void> {
  usePersistence.setState({ entries: await store.listHistory() });
}

/** The browser's IndexedDB; reading it can throw (sandboxed frames, some private modes). */
function browserIndexedDB(): IDBFactory | null {
  try {
    return globalThis.indexedDB ?? null;
  } catch {
    return null;
  }
}

export async function startPersistence(factory?: IDBFactory | null): Promise<void> {
  // Set before the first await, so the first render already shows the box as being restored.
  usePersistence.setState({ restoring: true });
  try {
    const opened = await openPaperStore(factory === undefined ? browserIndexedDB() : factory);
    store = new GuardedStore(opened.store, report);
    usePersistence.setState({ mode: opened.store.kind, problem: opened.problem ? describeStorageError(opened.problem, 'work') : null });
    await restore();
  } finally {
    // Whatever happened (the store opens with a 5 s limit; GuardedStore turns read errors into
    // a notice), the box is the user's again.
    usePersistence.setState({ restoring: false });
  }
  useApp.subscribe(onChange);
  await syncConversations(store, (op) => void enqueue(op));
  await restorePrefs();
  addEventListener('pagehide', () => void flushPersistence());
  addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushPersistence();
  });
}

async function restore(): Promise<void> {
  const [draft, partial] = await Promise.all([store.loadDraft(), store.loadPartial()]);
  await refreshHistory();
  // The box takes no typing while restoring (PaperInput); a file opened meanwhile that was read
  // first is the user's latest choice and wins over the saved draft, as it would a moment later.
  if (draft && get().text === '') {
    set({ style: draft.style, length: draft.length, decoding: { ...get().decoding, ...draft.decoding } });
    if (draft.text) setText(draft.text);
  }
  if (partial && partial.summary && partial.paperText === get().text && get().run.status === 'idle') {
    recorded.add(partial.savedAt);
    patchRun({
      status: 'stopped',
      text: partial.summary,
      kind: partial.kind,
      modelId: partial.modelId,
      request: { style: partial.style, length: partial.length, generation: null, sections: [] },
      finishedAt: partial.savedAt,
    });
    usePersistence.setState({ restoredPartial: true });
  }
}

/**
 * The remembered dtypes, and the remembered model: loaded again when that needs no download (its
 * files are in the browser's cache or served by this site); a visit never starts a download by
 * itself. `?model=` and a model picked while this ran win.
 */
async function restorePrefs(): Promise<void> {
  const prefs = await store.loadPrefs();
  if (!prefs) return;
  const dtypes = { ...(prefs.dtypes as Record<string, Dtype>), ...get().dtypeChoice };
  set({ dtypeChoice: dtypes });
  if (!prefs.modelId || urlPicksModel()) return;
  await catalogueReady();
  const s = get();
  if (s.model.id !== null || s.model.status !== 'none') return;
  const choice = findChoice(prefs.modelId);
  if (!choice) return;
  const dtype = dtypes[choice.id] ?? choice.dtype;
  const ready = choice.location.kind === 'same-origin' || choice.dtypes.some((d) => d.dtype === dtype && d.cached);
  set({ chosenModel: choice.id });
  if (ready) await loadChoice(choice);
}

function savePrefs(): Promise<unknown> {
  const s = get();
  const prefs: Prefs = { modelId: s.chosenModel, dtypes: s.dtypeChoice, savedAt: new Date().toISOString() };
  return enqueue(() => store.savePrefs(prefs));
}

function saveDraft(): Promise<unknown> {
  clearTimeout(draftTimer);
  draftTimer = undefined;
  const s = get();
  const draft = { text: s.text, style: s.style, length: s.length, decoding: s.decoding, savedAt: new Date().toISOString() };
  return enqueue(() => store.saveDraft(draft));
}

function savePartial(): Promise<unknown> {
  clearTimeout(partialTimer);
  partialTimer = undefined;
  const s = get();
  if (!s.run.text || !isRunning(s)) return Promise.resolve();
  const partial = {
    summary: s.run.text,
    kind: s.run.kind ?? (s.run.modelId ? ('abstractive' as const) : ('extractive' as const)),
    modelId: s.run.modelId,
    style: s.run.request?.style ?? s.style,
    length: s.run.request?.length ?? s.length,
    paperText: s.text,
    savedAt: new Date().toISOString(),
  };
  return enqueue(() => store.savePartial(partial));
}

/** Writes whatever is waiting on a timer now (page hidden, tests). */
export async function flushPersistence(): Promise<void> {
  if (draftTimer !== undefined) void saveDraft();
  if (partialTimer !== undefined) void savePartial();
  await pending;
}

function onChange(s: AppState, prev: AppState): void {
  if (s.text !== prev.text || s.style !== prev.style || s.length !== prev.length || s.decoding !== prev.decoding) {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(() => void saveDraft(), DRAFT_DELAY_MS);
  }
  if (s.chosenModel !== prev.chosenModel || s.dtypeChoice !== prev.dtypeChoice) void savePrefs();
  if (isRunning(s) && s.run.text !== prev.run.text && partialTimer === undefined) {
    partialTimer = setTimeout(() => void savePartial(), PARTIAL_INTERVAL_MS);
  }
  if (s.run.status !== prev.run.status && isRunning(s)) usePersistence.setState({ restoredPartial: false });
  const finished = (s.run.status === 'done' || s.run.status === 'stopped') && s.run.requestId === null && s.run.finishedAt;
  if (finished && !recorded.has(s.run.finishedAt!)) {
    recorded.add(s.run.finishedAt!);
    clearTimeout(partialTimer);
    partialTimer = undefined;
    const record = summaryRecord();
    void enqueue(async () => {
      if (record) await store.putHistory(entryFromRecord(record));
      await store.clearPartial();
      await refreshHistory();
    });
  }
}

/** Marks a run as already recorded (a summary reopened from the history). */
export function markRecorded(finishedAt: string): void {
  recorded.add(finishedAt);
}

export function saveEntries(...entries: HistoryEntry[]): Promise<unknown> {
  return enqueue(async () => {
    await store.putHistory(...entries);
    await refreshHistory();
  });
}

export function deleteEntry(id: string): Promise<unknown> {
  return enqueue(async () => {
    await store.deleteHistory(id);
    await refreshHistory();
  });
}
