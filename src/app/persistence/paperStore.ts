// Where drafts, partial summaries and the history live: IndexedDB when the browser allows it, memory
// otherwise. Both implement PaperStore, so the app never branches on which one it got.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Conversation, Draft, HistoryEntry, PartialRun, Prefs } from './records';

export interface PaperStore {
  readonly kind: 'indexeddb' | 'memory';
  loadDraft(): Promise<Draft | null>;
  saveDraft(d: Draft): Promise<void>;
  loadPartial(): Promise<PartialRun | null>;
  savePartial(p: PartialRun): Promise<void>;
  clearPartial(): Promise<void>;
  loadPrefs(): Promise<Prefs | null>;
  savePrefs(p: Prefs): Promise<void>;
  /** The questions asked about the paper whose text has this key (see conversationKey). */
  loadConversation(key: string): Promise<Conversation | null>;
  saveConversation(c: Conversation): Promise<void>;
  /** Newest first. */
  listHistory(): Promise<HistoryEntry[]>;
  putHistory(...entries: HistoryEntry[]): Promise<void>;
  deleteHistory(id: string): Promise<void>;
  close(): void;
}

interface PaperLensDB extends DBSchema {
  /** Conversations are kept under `conversation:<key>`, one per paper text. */
  kv: { key: string; value: Draft | PartialRun | Prefs | Conversation };
  history: { key: string; value: HistoryEntry; indexes: { savedAt: string } };
}

export const DB_NAME = 'paperlens';
const DB_VERSION = 1;

function newestFirst(a: HistoryEntry, b: HistoryEntry): number {
  return a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0;
}

class IdbPaperStore implements PaperStore {
  readonly kind = 'indexeddb';
  constructor(private readonly db: IDBPDatabase<PaperLensDB>) {}

  async loadDraft() {
    return ((await this.db.get('kv', 'draft')) as Draft | undefined) ?? null;
  }
  async saveDraft(d: Draft) {
    await this.db.put('kv', d, 'draft');
  }
  async loadPartial() {
    return ((await this.db.get('kv', 'partial')) as PartialRun | undefined) ?? null;
  }
  async savePartial(p: PartialRun) {
    await this.db.put('kv', p, 'partial');
  }
  async clearPartial() {
    await this.db.delete('kv', 'partial');
  }
  async loadPrefs() {
    return ((await this.db.get('kv', 'prefs')) as Prefs | undefined) ?? null;
  }
  async savePrefs(p: Prefs) {
    await this.db.put('kv', p, 'prefs');
  }
  async loadConversation(key: string) {
    return ((await this.db.get('kv', `conversation:${key}`)) as Conversation | undefined) ?? null;
  }
  async saveConversation(c: Conversation) {
    if (c.turns.length) await this.db.put('kv', c, `conversation:${c.key}`);
    else await this.db.delete('kv', `conversation:${c.key}`);
  }
  async listHistory() {
    return (await this.db.getAll('history')).sort(newestFirst);
  }
  async putHistory(...entries: HistoryEntry[]) {
    const tx = this.db.transaction('history', 'readwrite');
    await Promise.all([...entries.map((e) => tx.store.put(e)), tx.done]);
  }
  async deleteHistory(id: string) {
    await this.db.delete('history', id);
  }
  close() {
    this.db.close();
  }
}

/** Keeps everything for the life of the page; used when IndexedDB cannot be opened. */
export class MemoryPaperStore implements PaperStore {
  readonly kind = 'memory';
  private draft: Draft | null = null;
  private partial: PartialRun | null = null;
  private prefs: Prefs | null = null;
  private readonly history = new Map<string, HistoryEntry>();
  private readonly conversations = new Map<string, Conversation>();

  async loadDraft() {
    return this.draft;
  }
  async saveDraft(d: Draft) {
    this.draft = d;
  }
  async loadPartial() {
    return this.partial;
  }
  async savePartial(p: PartialRun) {
    this.partial = p;
  }
  async clearPartial() {
    this.partial = null;
  }
  async loadPrefs() {
    return this.prefs;
  }
  async savePrefs(p: Prefs) {
    this.prefs = p;
  }
  async loadConversation(key: string) {
    return this.conversations.get(key) ?? null;
  }
  async saveConversation(c: Conversation) {
    if (c.turns.length) this.conversations.set(c.key, c);
    else this.conversations.delete(c.key);
  }
  async listHistory() {
    return [...this.history.values()].sort(newestFirst);
  }
  async putHistory(...entries: HistoryEntry[]) {
    for (const e of entries) this.history.set(e.id, e);
  }
  async deleteHistory(id: string) {
    this.history.delete(id);
  }
  close() {}
}

export type OpenResult = { store: PaperStore; problem: unknown | null };

/**
 * Opens the IndexedDB store; on any failure (no IndexedDB, private mode, blocked, a newer schema)
 * returns a memory store and the error, which the caller shows in words.
 */
export async function openPaperStore(factory: IDBFactory | null, timeoutMs = 5000): Promise<OpenResult> {
  if (!factory) return { store: new MemoryPaperStore(), problem: new DOMException('IndexedDB is not available', 'InvalidStateError') };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const opening = openDBWith(factory);
    // A blocked upgrade (another tab on an older version) would otherwise wait forever.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DOMException('IndexedDB did not open in time', 'InvalidStateError')), timeoutMs);
    });
    const db = await Promise.race([opening, timeout]);
    return { store: new IdbPaperStore(db), problem: null };
  } catch (e) {
    return { store: new MemoryPaperStore(), problem: e };
  } finally {
    clearTimeout(timer);
  }
}

async function openDBWith(factory: IDBFactory): Promise<IDBPDatabase<PaperLensDB>> {
  // idb opens through the global indexedDB; swap it in only for the call when another is given.
  const g = globalThis as { indexedDB?: IDBFactory };
  const previous = g.indexedDB;
  if (previous !== factory) g.indexedDB = factory;
  try {
    return await openDB<PaperLensDB>(DB_NAME, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore('kv');
        db.createObjectStore('history', { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
      },
    });
  } finally {
    if (previous !== factory) g.indexedDB = previous;
  }
}
