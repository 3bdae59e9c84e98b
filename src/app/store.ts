// All UI state in one zustand store. Actions that talk to the worker live in actions.ts; this
// file only holds state and plain setters so components stay simple.
import { create } from 'zustand';
import type { Dtype, GenerationOptions } from '../engine/types';
import type { TextCounts } from '../pipeline/cjk/script';
import type { Paper, SummaryLength, SummaryStyle } from '../pipeline/types';
import type { Turn } from '../pipeline/ask/types';
import type { PaperFacts, SentenceRef } from '../pipeline/facts/types';
import type { FileDownloadProgress, LoadStage, RuntimeStatus, SummaryStats } from '../worker/protocol';
import { BUILTIN_DEFAULTS, type DecodingSettings } from './settings';

export interface DownloadState {
  stage: LoadStage;
  files: FileDownloadProgress[];
  loaded: number;
  total: number | null;
  startedAt: number;
  /** Bytes per second, smoothed. */
  speed: number;
}

export interface ModelState {
  /** Catalogue id or `?model=` folder; null: no model, extractive summaries. */
  id: string | null;
  label: string | null;
  status: 'none' | 'loading' | 'ready' | 'error';
  requestId: number | null;
  download: DownloadState | null;
  error: string | null;
  defaults: GenerationOptions | null;
}

/** The language an instruction model is asked to write in; 'auto': the paper's. */
export type OutputLanguage = 'auto' | 'en' | 'zh';

export type RunStatus = 'idle' | 'preparing' | 'summarizing' | 'done' | 'stopped' | 'error';

export interface RunState {
  status: RunStatus;
  requestId: number | null;
  text: string;
  kind: 'extractive' | 'abstractive' | null;
  modelId: string | null;
  /** `step`/`n` name the label for translation (i18n/messages.ts progressText). */
  progress: { label: string; done: number; total: number; step?: string; n?: number } | null;
  startedAt: number | null;
  firstTextAt: number | null;
  tokens: number;
  stats: SummaryStats | null;
  backend: RuntimeStatus['backend'];
  fellBack: RuntimeStatus['fellBack'];
  error: string | null;
  /** Settings the summary was made with (for the exports). */
  request: { style: SummaryStyle; length: SummaryLength; generation: GenerationOptions | null; sections: string[] } | null;
  finishedAt: string | null;
}

export interface AskState {
  status: 'idle' | 'asking' | 'done' | 'stopped' | 'error';
  requestId: number | null;
  /** The question box. */
  input: string;
  /** The question being answered, and its text as it streams. */
  pending: string | null;
  streaming: string;
  /** The conversation about the paper in the box, oldest first; saved with it. */
  turns: Turn[];
  error: string | null;
  totalMs: number | null;
  progress: { step: 'index' | 'retrieve' | 'write'; done: number; total: number } | null;
  /** The sentence-embedding folder this site serves, used for hybrid retrieval; null: BM25 only. */
  embedder: string | null;
}

export interface FactsState {
  status: 'idle' | 'extracting' | 'done' | 'error';
  requestId: number | null;
  facts: PaperFacts | null;
  /** The paper text the card was made from: a card is only shown beside its paper. */
  paperText: string | null;
  withModel: boolean;
  error: string | null;
  progress: { step: 'rules' | 'model'; done: number; total: number } | null;
  totalMs: number | null;
}

export interface AppState {
  text: string;
  /** Words and CJK characters of `text`, counted apart (pipeline/cjk/script.ts). */
  counts: TextCounts;
  paper: Paper | null;
  /** The text `paper` was built from; when `text` differs the paper is stale. */
  paperText: string | null;
  included: boolean[];
  ingest: { busy: boolean; error: string | null; requestId: number | null };
  style: SummaryStyle;
  length: SummaryLength;
  outputLanguage: OutputLanguage;
  decoding: DecodingSettings;
  model: ModelState;
  /** The dtype picked for each catalogue model (id -> dtype); absent: the catalogue's default. Persisted. */
  dtypeChoice: Record<string, Dtype>;
  /** Catalogue id last picked in the picker (null: none); persisted so the next visit starts with it. */
  chosenModel: string | null;
  runtime: RuntimeStatus | null;
  run: RunState;
  ask: AskState;
  facts: FactsState;
  /** The sentences the paper view shows highlighted (a citation or a fact was opened); [] none. */
  highlight: SentenceRef[];
  /** What the user started last, for the status line. */
  activity: 'run' | 'ask' | 'facts';
  /** A fatal problem (the worker crashed). */
  fatal: string | null;
}

export const initialRun: RunState = {
  status: 'idle',
  requestId: null,
  text: '',
  kind: null,
  modelId: null,
  progress: null,
  startedAt: null,
  firstTextAt: null,
  tokens: 0,
  stats: null,
  backend: null,
  fellBack: null,
  error: null,
  request: null,
  finishedAt: null,
};

export const initialAsk: AskState = { status: 'idle', requestId: null, input: '', pending: null, streaming: '', turns: [], error: null, totalMs: null, progress: null, embedder: null };
export const initialFacts: FactsState = { status: 'idle', requestId: null, facts: null, paperText: null, withModel: false, error: null, progress: null, totalMs: null };

export const initialState: AppState = {
  text: '',
  counts: { words: 0, characters: 0 },
  paper: null,
  paperText: null,
  included: [],
  ingest: { busy: false, error: null, requestId: null },
  style: 'tldr',
  length: 'medium',
  outputLanguage: 'auto',
  decoding: { ...BUILTIN_DEFAULTS },
  model: { id: null, label: null, status: 'none', requestId: null, download: null, error: null, defaults: null },
  dtypeChoice: {},
  chosenModel: null,
  runtime: null,
  run: initialRun,
  ask: initialAsk,
  facts: initialFacts,
  highlight: [],
  activity: 'run',
  fatal: null,
};

export const useApp = create<AppState>()(() => ({ ...initialState }));

export const set = useApp.setState;
export const get = useApp.getState;

export function patchRun(p: Partial<RunState>): void {
  set((s) => ({ run: { ...s.run, ...p } }));
}

export function patchAsk(p: Partial<AskState>): void {
  set((s) => ({ ask: { ...s.ask, ...p } }));
}

export function patchFacts(p: Partial<FactsState>): void {
  set((s) => ({ facts: { ...s.facts, ...p } }));
}

export function patchModel(p: Partial<ModelState>): void {
  set((s) => ({ model: { ...s.model, ...p } }));
}

/** Default inclusion: everything but references, acknowledgements and appendices. */
export function defaultInclusion(paper: Paper): boolean[] {
  return paper.sections.map((s) => s.kind === 'abstract' || s.kind === 'body');
}

export function isRunning(s: AppState): boolean {
  return s.run.status === 'preparing' || s.run.status === 'summarizing';
}
