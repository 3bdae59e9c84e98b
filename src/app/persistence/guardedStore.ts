// A PaperStore that never throws: every write also goes to memory, so when IndexedDB fails (quota,
// revoked permission, a closed connection) the page still shows everything and the user is told,
// once per kind of problem, in words.
import { MemoryPaperStore, type PaperStore } from './paperStore';
import type { Conversation, Draft, HistoryEntry, PartialRun, Prefs } from './records';
import { describeStorageError, type StorageWhat } from './storageErrors';

export type ProblemListener = (message: string) => void;

export class GuardedStore implements PaperStore {
  private readonly memory = new MemoryPaperStore();

  constructor(
    private readonly primary: PaperStore,
    private readonly onProblem: ProblemListener,
  ) {}

  get kind(): PaperStore['kind'] {
    return this.primary.kind;
  }

  private async attempt<T>(what: StorageWhat, op: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (e) {
      this.onProblem(describeStorageError(e, what));
      return fallback();
    }
  }

  async loadDraft() {
    return this.attempt('paperText', () => this.primary.loadDraft(), () => this.memory.loadDraft());
  }
  async saveDraft(d: Draft) {
    await this.memory.saveDraft(d);
    await this.attempt('paperText', () => this.primary.saveDraft(d), async () => {});
  }
  async loadPartial() {
    return this.attempt('partial', () => this.primary.loadPartial(), () => this.memory.loadPartial());
  }
  async savePartial(p: PartialRun) {
    await this.memory.savePartial(p);
    await this.attempt('partial', () => this.primary.savePartial(p), async () => {});
  }
  async clearPartial() {
    await this.memory.clearPartial();
    await this.attempt('partial', () => this.primary.clearPartial(), async () => {});
  }
  async loadPrefs() {
    return this.attempt('modelChoice', () => this.primary.loadPrefs(), () => this.memory.loadPrefs());
  }
  async savePrefs(p: Prefs) {
    await this.memory.savePrefs(p);
    await this.attempt('modelChoice', () => this.primary.savePrefs(p), async () => {});
  }
  async loadConversation(key: string) {
    const kept = await this.memory.loadConversation(key);
    return kept ?? this.attempt('conversation', () => this.primary.loadConversation(key), async () => null);
  }
  async saveConversation(c: Conversation) {
    await this.memory.saveConversation(c);
    await this.attempt('conversation', () => this.primary.saveConversation(c), async () => {});
  }
  async listHistory() {
    const kept = await this.memory.listHistory();
    const stored = await this.attempt('history', () => this.primary.listHistory(), async () => [] as HistoryEntry[]);
    // Entries whose save failed are still listed (from memory) for as long as the page lives.
    const ids = new Set(stored.map((e) => e.id));
    const merged = [...stored.map((e) => kept.find((k) => k.id === e.id) ?? e), ...kept.filter((e) => !ids.has(e.id))];
    return merged.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  }
  async putHistory(...entries: HistoryEntry[]) {
    await this.memory.putHistory(...entries);
    await this.attempt(entries.length > 1 ? 'summaries' : 'summary', () => this.primary.putHistory(...entries), async () => {});
  }
  async deleteHistory(id: string) {
    await this.memory.deleteHistory(id);
    await this.attempt('historyChange', () => this.primary.deleteHistory(id), async () => {});
  }
  close() {
    try {
      this.primary.close();
    } catch {
      // Closing a broken connection has nothing left to lose.
    }
  }
}
