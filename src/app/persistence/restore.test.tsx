// @vitest-environment happy-dom
// A reload brings the saved paper back after IndexedDB opens, a moment after the page shows. In
// that moment the paper box says it is being restored and takes no typing: a keystroke there used
// to make the empty box non-empty, so the saved draft was skipped and then overwritten.
// IndexedDB's globals (idb needs IDBRequest and friends, not only a factory).
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setText } from '../actions';
import { PaperInput } from '../components/PaperInput';
import '../i18n';
import { get } from '../store';
import { startPersistence, usePersistence } from './autosave';
import { openPaperStore } from './paperStore';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SAVED = 'Attention Is Not All You Need\n\nThe saved paper the user came back for.';
let root: Root;
let host: HTMLElement;

/** Types into the box the way React sees a keystroke (the value setter, then an input event). */
function type(text: string): void {
  const box = host.querySelector('textarea')!;
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(box, text);
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeAll(async () => {
  const { store, problem } = await openPaperStore(indexedDB);
  expect(problem).toBeNull();
  await store.saveDraft({ text: SAVED, style: 'tldr', length: 'short', decoding: get().decoding, savedAt: new Date().toISOString() });
  store.close();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => root.render(<PaperInput />));
});

afterEach(() => {
  // Stops the ingest timer restoring set; no worker runs in this test.
  setText('');
});

describe('restoring the saved paper after a reload', () => {
  it('shows that it is restoring, ignores typing meanwhile, and then gives the box back with the saved paper', async () => {
    let started!: Promise<void>;
    // A synchronous act: the render happens, IndexedDB has not answered yet.
    act(() => {
      started = startPersistence();
    });
    const box = host.querySelector('textarea')!;
    const during = {
      restoring: usePersistence.getState().restoring,
      readOnly: box.readOnly,
      busy: box.getAttribute('aria-busy'),
      notice: host.querySelector('[data-testid="paper-restoring"]')?.textContent,
    };
    act(() => type('a'));
    const typed = get().text;

    await act(async () => started);
    // The saved paper is back, not replaced by the keystroke.
    expect(get().text).toBe(SAVED);
    expect(typed).toBe('');
    expect(during).toEqual({ restoring: true, readOnly: true, busy: 'true', notice: 'Restoring your saved paper…' });
    expect(box.value).toBe(SAVED);
    expect(box.readOnly).toBe(false);
    expect(host.querySelector('[data-testid="paper-restoring"]')).toBeNull();
    // Once restored, typing edits the paper as usual.
    await act(async () => type(`${SAVED} More.`));
    expect(get().text).toBe(`${SAVED} More.`);
  });
});
