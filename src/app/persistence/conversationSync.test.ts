import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { structureText } from '../../pipeline/structure';
import { get, initialAsk, patchAsk, set } from '../store';
import { syncConversations } from './conversationSync';
import { MemoryPaperStore } from './paperStore';
import { conversationKey } from './records';

const textA = 'Lakes Are Warming\n\n1 Results\n\nThe lakes warmed by 0.8 degrees per decade.';
const textB = 'Glaciers Are Retreating\n\n1 Results\n\nThe glaciers lost a third of their mass.';
const paperA = structureText(textA, { source: 'paste' });
const paperB = structureText(textB, { source: 'paste' });
const turn = (q: string) => ({ question: q, answer: { text: 'a', kind: 'quoted' as const, citations: [] }, askedAt: '2026-12-01T00:00:00Z' });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('conversations kept with their paper', () => {
  let store: MemoryPaperStore;
  let pending: Promise<unknown>;
  let stop = () => {};
  afterEach(() => stop());
  beforeEach(async () => {
    store = new MemoryPaperStore();
    pending = Promise.resolve();
    set({ paper: paperA, paperText: textA, text: textA, ask: { ...initialAsk } });
    stop = await syncConversations(store, (op) => (pending = pending.then(op)));
  });

  it('saves each new turn under the paper it was asked about, and brings it back with that paper', async () => {
    patchAsk({ turns: [turn('How much did they warm?')] });
    await pending;
    expect((await store.loadConversation(conversationKey(paperA, textA)))?.turns).toHaveLength(1);
    set({ paper: paperB, paperText: textB, text: textB });
    await tick();
    expect(get().ask.turns).toEqual([]);
    set({ paper: paperA, paperText: textA, text: textA });
    await tick();
    expect(get().ask.turns.map((t) => t.question)).toEqual(['How much did they warm?']);
  });

  it('keeps the conversation when the text is edited but the paper stays the same', async () => {
    patchAsk({ turns: [turn('q')] });
    await pending;
    const edited = textA.replace('decade.', 'decade (a typo fixed).');
    set({ paper: structureText(edited, { source: 'paste' }), paperText: edited, text: edited });
    await tick();
    expect(get().ask.turns).toHaveLength(1);
  });
});
