// Keeps the conversation about the paper in the box saved with that paper: saved on every new
// turn, brought back when the paper returns (a reload, the same paper opened again), and swapped
// for the right one when another paper is opened.
import { get, patchAsk, useApp, type AppState } from '../store';
import type { PaperStore } from './paperStore';
import { conversationKey } from './records';

let shownKey: string | null = null;

function keyOf(s: AppState): string | null {
  return s.paper && s.paperText !== null ? conversationKey(s.paper, s.paperText) : null;
}

async function switchTo(store: PaperStore, key: string | null): Promise<void> {
  shownKey = key;
  if (get().ask.status === 'asking') return;
  const saved = key ? await store.loadConversation(key) : null;
  // Another paper may have arrived while this one was read.
  if (shownKey !== key) return;
  patchAsk({ turns: saved?.turns ?? [], status: 'idle', error: null });
}

/** Resolves with the unsubscribe function once the current paper's conversation is shown. */
export async function syncConversations(store: PaperStore, save: (op: () => Promise<unknown>) => void): Promise<() => void> {
  shownKey = null;
  const stop = useApp.subscribe((s, prev) => {
    const key = keyOf(s);
    if (key !== null && key !== shownKey) void switchTo(store, key);
    else if (s.ask.turns !== prev.ask.turns && shownKey !== null && key === shownKey) {
      const c = { key: shownKey, turns: s.ask.turns, savedAt: new Date().toISOString() };
      save(() => store.saveConversation(c));
    }
  });
  const key = keyOf(get());
  if (key) await switchTo(store, key);
  return stop;
}
