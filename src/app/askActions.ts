// Asking the paper: send the question with the conversation so far, stream the answer, keep it
// in the conversation (saved with the paper), stop, export.
import type { WorkerEvent } from '../worker/protocol';
import type { SentenceRef } from '../pipeline/facts/types';
import { currentPaper, urlDeltaMs, worker } from './actions';
import { conversationFile } from './export/conversationExport';
import { fileBaseName, titleOf } from './export/summaryExport';
import { saveFile } from './history/historyActions';
import { t } from './i18n';
import { errorText } from './i18n/messages';
import { toGenerationOptions } from './settings';
import { servedEmbedder } from './catalogueView';
import { get, patchAsk, set } from './store';

export function setQuestion(input: string): void {
  patchAsk({ input });
}

export function isAsking(): boolean {
  return get().ask.status === 'asking';
}

/** Decoding settings for answers: the user's method, repetition and max-token settings; no minimum length. */
function answerGeneration() {
  const { min_new_tokens: _min, ...rest } = toGenerationOptions(get().decoding);
  return rest;
}

export async function ask(): Promise<void> {
  const question = get().ask.input.trim();
  if (!question) {
    patchAsk({ status: 'error', error: t('errors.ask.empty-question') });
    return;
  }
  if (isAsking()) return;
  set({ activity: 'ask' });
  patchAsk({ status: 'asking', pending: question, streaming: '', error: null, totalMs: null, requestId: null, progress: null });
  const paper = await currentPaper();
  if (get().ask.status !== 'asking') return; // stopped while the paper was read
  if (!paper) {
    patchAsk({ status: 'error', pending: null, error: get().ingest.error ?? t('paper.unreadable') });
    return;
  }
  // The embedder reads English only (see worker/services.ts).
  const embedder = paper.language === 'zh' ? null : await servedEmbedder();
  patchAsk({ embedder });
  const s = get();
  const useModel = s.model.status === 'ready' && s.runtime?.modelKind === 'causal';
  const req = worker().request(
    {
      type: 'ask',
      paper,
      question,
      history: s.ask.turns,
      generation: answerGeneration(),
      extractive: !useModel,
      deltaIntervalMs: urlDeltaMs(),
      ...(embedder ? { embedder: { kind: 'same-origin' as const, path: embedder } } : {}),
    },
    (ev) => onAskEvent(ev, req.id),
  );
  patchAsk({ requestId: req.id });
  await req.done;
}

function onAskEvent(ev: WorkerEvent, id: number): void {
  const a = get().ask;
  if (a.requestId !== id) return;
  if (ev.type === 'ask-delta') patchAsk({ streaming: a.streaming + ev.text });
  else if (ev.type === 'ask-progress') patchAsk({ progress: { step: ev.step, done: ev.done, total: ev.total } });
  else if (ev.type === 'ask-done') {
    const turn = { question: a.pending ?? '', answer: ev.answer, askedAt: new Date().toISOString() };
    patchAsk({ status: ev.answer.partial ? 'stopped' : 'done', requestId: null, pending: null, streaming: '', input: '', turns: [...a.turns, turn], totalMs: ev.totalMs, progress: null });
  } else if (ev.type === 'error') patchAsk({ status: 'error', requestId: null, pending: null, error: errorText(ev), progress: null });
  else if (ev.type === 'cancelled') keepStopped();
}

/** A stopped answer keeps what was written, as a partial turn. */
function keepStopped(): void {
  const a = get().ask;
  const turns = a.pending && a.streaming ? [...a.turns, { question: a.pending, answer: { text: a.streaming, kind: 'generated' as const, citations: [], partial: true }, askedAt: new Date().toISOString() }] : a.turns;
  patchAsk({ status: 'stopped', requestId: null, pending: null, streaming: '', turns, progress: null });
}

export function stopAsking(): void {
  const a = get().ask;
  if (a.status !== 'asking') return;
  // The worker answers with ask-done (partial) or cancelled; until then the answer stays on screen.
  if (a.requestId !== null) worker().cancel(a.requestId);
  else keepStopped();
}

export function clearConversation(): void {
  if (isAsking()) return;
  patchAsk({ turns: [], status: 'idle', error: null });
}

/** Opens the paper view at these sentences (a citation marker or a fact's source). */
export function showSentences(refs: readonly SentenceRef[]): void {
  set({ highlight: refs.map((r) => ({ ...r })) });
}

export function downloadConversation(): void {
  const s = get();
  const title = titleOf(s.paper?.title === 'Untitled' ? undefined : s.paper?.title, s.text);
  saveFile(`${fileBaseName(title).replace(/-summary$/, '')}-questions.md`, 'text/markdown;charset=utf-8', conversationFile(title, s.ask.turns));
}
