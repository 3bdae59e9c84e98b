// The IndexedDB store (on fake-indexeddb), its memory fallback, and the guard that keeps storage
// failures from losing anything or crashing the app.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GuardedStore } from '../../src/app/persistence/guardedStore';
import { MemoryPaperStore, openPaperStore, type PaperStore } from '../../src/app/persistence/paperStore';
import { entryFromRecord, type Draft } from '../../src/app/persistence/records';
import { BUILTIN_DEFAULTS } from '../../src/app/settings';
import { sampleRecord } from './support/records';

const draft: Draft = { text: 'A paper.\n\nWith two paragraphs.', style: 'lay', length: 'long', decoding: { ...BUILTIN_DEFAULTS, numBeams: 6 }, savedAt: '2025-01-01T00:00:00.000Z' };

afterEach(() => vi.restoreAllMocks());

describe('openPaperStore', () => {
  it('keeps drafts, partial runs and history across connections to the same database', async () => {
    const factory = new IDBFactory();
    const first = await openPaperStore(factory);
    expect(first.problem).toBeNull();
    expect(first.store.kind).toBe('indexeddb');
    const older = { ...entryFromRecord(sampleRecord()), savedAt: '2025-01-01T00:00:00.000Z' };
    const newer = { ...entryFromRecord(sampleRecord({ title: 'B' })), savedAt: '2025-02-01T00:00:00.000Z' };
    await first.store.saveDraft(draft);
    await first.store.savePartial({ summary: 'half', kind: 'abstractive', modelId: 'm', style: 'tldr', length: 'short', paperText: draft.text, savedAt: draft.savedAt });
    await first.store.putHistory(older, newer);
    first.store.close();

    const second = (await openPaperStore(factory)).store;
    expect(await second.loadDraft()).toEqual(draft);
    expect((await second.loadPartial())?.summary).toBe('half');
    expect((await second.listHistory()).map((e) => e.id)).toEqual([newer.id, older.id]);
    await second.deleteHistory(newer.id);
    await second.clearPartial();
    expect((await second.listHistory()).map((e) => e.id)).toEqual([older.id]);
    expect(await second.loadPartial()).toBeNull();
  });

  it('keeps the model choice and the dtype per model across connections, apart from the draft', async () => {
    const factory = new IDBFactory();
    const first = (await openPaperStore(factory)).store;
    expect(await first.loadPrefs()).toBeNull();
    const prefs = { modelId: 'qwen2.5-0.5b-instruct', dtypes: { 'qwen2.5-0.5b-instruct': 'q4', 'distilbart-cnn-6-6': 'fp32' }, savedAt: draft.savedAt };
    await first.savePrefs(prefs);
    await first.saveDraft(draft);
    first.close();
    const second = (await openPaperStore(factory)).store;
    expect(await second.loadPrefs()).toEqual(prefs);
    expect(await second.loadDraft()).toEqual(draft);
    await second.savePrefs({ ...prefs, modelId: null });
    expect((await second.loadPrefs())?.modelId).toBeNull();
  });

  it('falls back to memory with the reason when IndexedDB is missing or refuses to open', async () => {
    const none = await openPaperStore(null);
    expect(none.store.kind).toBe('memory');
    expect(none.problem).toBeTruthy();

    const refusing = new IDBFactory();
    vi.spyOn(refusing, 'open').mockImplementation(() => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    });
    const denied = await openPaperStore(refusing);
    expect(denied.store.kind).toBe('memory');
    expect((denied.problem as DOMException).name).toBe('SecurityError');
    await denied.store.saveDraft(draft);
    expect(await denied.store.loadDraft()).toEqual(draft);
  });

  it('gives up waiting on a database that never opens (blocked upgrade)', async () => {
    // A connection that ignores 'versionchange' keeps a later upgrade blocked for ever.
    const stuck = new IDBFactory();
    await new Promise((ok) => (stuck.open('other', 1).onsuccess = ok));
    const blocked = stuck.open('other', 2);
    vi.spyOn(stuck, 'open').mockImplementation(() => blocked);
    const r = await openPaperStore(stuck, 50);
    expect(r.store.kind).toBe('memory');
    expect(String(r.problem)).toMatch(/did not open/);
  });
});

/** A store whose writes fail like a full disk. */
function fullDisk(): PaperStore {
  const s = new MemoryPaperStore();
  const quota = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
  return Object.assign(s, { saveDraft: quota, savePartial: quota, putHistory: quota, kind: 'indexeddb' as const });
}

describe('GuardedStore', () => {
  it('on a full disk: keeps everything in memory, says so in words, never throws', async () => {
    const problems: string[] = [];
    const store = new GuardedStore(fullDisk(), (m) => problems.push(m));
    const entry = entryFromRecord(sampleRecord());
    await store.saveDraft(draft);
    await store.putHistory(entry);
    expect((await store.listHistory()).map((e) => e.id)).toEqual([entry.id]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/storage for PaperLens is full, so the paper text was not saved/);
    expect(problems[1]).toMatch(/so the summary was not saved/);
  });

  it('a failing prefs write keeps the choice in memory and says so', async () => {
    const broken = new MemoryPaperStore();
    Object.assign(broken, { savePrefs: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) });
    const problems: string[] = [];
    const store = new GuardedStore(broken, (m) => problems.push(m));
    const prefs = { modelId: 'x', dtypes: { x: 'q8' }, savedAt: draft.savedAt };
    await store.savePrefs(prefs);
    expect(problems[0]).toMatch(/the model choice/);
    Object.assign(broken, { loadPrefs: () => Promise.reject(new DOMException('closed', 'InvalidStateError')) });
    expect(await store.loadPrefs()).toEqual(prefs);
  });

  it('reads from memory when reading the database fails', async () => {
    const broken = new MemoryPaperStore();
    const fail = () => Promise.reject(new DOMException('connection closed', 'InvalidStateError'));
    Object.assign(broken, { loadDraft: fail, listHistory: fail });
    const problems: string[] = [];
    const store = new GuardedStore(broken, (m) => problems.push(m));
    await store.saveDraft(draft);
    expect(await store.loadDraft()).toEqual(draft);
    expect(await store.listHistory()).toEqual([]);
    expect(problems[0]).toMatch(/does not let PaperLens save anything/);
  });

  it('shows renamed entries and deletions from both places', async () => {
    const store = new GuardedStore((await openPaperStore(new IDBFactory())).store, () => {
      throw new Error('no problem expected');
    });
    const e = entryFromRecord(sampleRecord());
    await store.putHistory(e);
    await store.putHistory({ ...e, name: 'Renamed' });
    expect((await store.listHistory()).map((x) => x.name)).toEqual(['Renamed']);
    await store.deleteHistory(e.id);
    expect(await store.listHistory()).toEqual([]);
  });
});
