// Answers one question about a paper: retrieve, then quote (no model) or let an instruction model
// answer from the retrieved passages and tie its sentences back to them.
import type { GenerationOptions, TextGenerator } from '../../engine/types';
import type { PaperRetriever } from '../retrieval/retriever';
import type { Paper } from '../types';
import { tidyAnswer } from './answerText';
import { groundAnswer, pointedSentence, unsupportedNumbers } from './citations';
import { askPrompt, fitPassages, NOT_ADDRESSED } from './prompt';
import { citationsOf, quotedAnswer } from './quoted';
import type { Answer, AskEvent, Turn } from './types';

export interface AskOptions {
  retriever: PaperRetriever;
  /** An instruction (decoder-only) model; a seq2seq summarizer cannot take a question, so it quotes. */
  generator?: TextGenerator;
  modelId?: string | null;
  history?: Turn[];
  /** Decoding settings (the model's catalogue defaults); the answer's length is set here. */
  generation?: GenerationOptions;
  signal?: AbortSignal;
  onEvent?: (ev: AskEvent) => void;
}

/** Passages offered to the model; fewer when its prompt budget is small. */
const MODEL_PASSAGES = 5;
// One to three sentences; a small model that keeps going past that only repeats itself.
const ANSWER_TOKENS = 96;
const CLOSEST_PASSAGES = 2;
/** The model's way of saying the passages lack the answer (it varies the ending). */
const NOT_ADDRESSED_SAID = /does not seem to address|do not contain the answer/i;

export class AskError extends Error {
  constructor(readonly code: 'empty-question') {
    super('Type a question about the paper first.');
    this.name = 'AskError';
  }
}

export async function askPaper(paper: Paper, question: string, opts: AskOptions): Promise<Answer> {
  const q = question.trim();
  if (!q) throw new AskError('empty-question');
  const emit = opts.onEvent ?? (() => {});
  const history = opts.history ?? [];
  const language = paper.language === 'zh' ? 'zh' : 'en';
  emit({ type: 'progress', step: 'retrieve', done: 0, total: 1 });
  const retrieval = await opts.retriever.retrieve(q, { previous: history.map((t) => t.question) });
  emit({ type: 'progress', step: 'retrieve', done: 1, total: 1 });
  const g = opts.generator;
  if (!retrieval.answerable) {
    const text = NOT_ADDRESSED[language];
    emit({ type: 'delta', text });
    return { text, kind: 'not-found', citations: [], closest: citationsOf(retrieval, CLOSEST_PASSAGES), modelId: null };
  }
  if (!g || g.kind !== 'causal') {
    const answer = quotedAnswer(retrieval);
    emit({ type: 'delta', text: answer.text });
    return answer;
  }
  const maxNew = opts.generation?.max_new_tokens ?? ANSWER_TOKENS;
  const make = (passages: ReturnType<typeof citationsOf>) => askPrompt({ title: paper.title, question: q, passages, history, language });
  const { prompt, used } = fitPassages(make, citationsOf(retrieval, MODEL_PASSAGES), (t) => g.countTokens(t), g.maxInputTokens - maxNew);
  emit({ type: 'progress', step: 'write', done: 0, total: 1 });
  const result = await g.generate(
    prompt,
    { ...opts.generation, max_new_tokens: maxNew },
    { signal: opts.signal, onToken: (ev) => ev.text && emit({ type: 'delta', text: ev.text }) },
  );
  emit({ type: 'progress', step: 'write', done: 1, total: 1 });
  const partial = result.stopReason === 'aborted' || opts.signal?.aborted === true;
  const said = tidyAnswer(result.text, result.stopReason === 'length');
  if (NOT_ADDRESSED_SAID.test(said) || said.includes(NOT_ADDRESSED.zh.slice(0, 8))) {
    return { text: NOT_ADDRESSED[language], kind: 'not-found', citations: [], closest: used.slice(0, CLOSEST_PASSAGES), modelId: opts.modelId ?? null, ...(partial ? { partial } : {}) };
  }
  const grounded = groundAnswer(said, used);
  const pointed = partial ? null : pointedSentence(grounded.text, q, grounded.citations);
  const unchecked = pointed ? [] : unsupportedNumbers(grounded.text, grounded.citations.length ? grounded.citations : used);
  return {
    text: pointed ?? grounded.text,
    kind: 'generated',
    citations: grounded.citations,
    modelId: opts.modelId ?? null,
    ...(pointed ? { pointed: true } : {}),
    ...(unchecked.length ? { uncheckedNumbers: unchecked } : {}),
    ...(partial ? { partial } : {}),
  };
}
