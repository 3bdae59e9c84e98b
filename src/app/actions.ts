// What the UI does: every worker conversation and every multi-step user action lives here, so
// components only read the store and call these.
import type { Dtype, DtypeRequest, GenerationOptions } from '../engine/types';
import type { Paper } from '../pipeline/types';
import type { IngestRequest, ModelLocation, WorkerEvent } from '../worker/protocol';
import type { PickedFile } from './folderPick';
import { render, fileBaseName, mimeOf, titleOf, type ExportFormat, type SummaryRecord } from './export/summaryExport';
import { settingsFromDefaults, settingsProblems, toGenerationOptions } from './settings';
import { defaultInclusion, get, initialRun, isRunning, patchModel, patchRun, set } from './store';
import { t } from './i18n';
import { errorText } from './i18n/messages';
import { countText } from '../pipeline/cjk/script';
import { findChoice, refreshCatalogue, type ModelChoice } from './catalogueView';
import { parseUrlOptions, type UrlOptions } from './urlParams';
import { WorkerClient } from './workerClient';

let client: WorkerClient | null = null;
let url: UrlOptions = { model: null, backend: 'auto' };
let catalogue: Promise<void> = Promise.resolve();
let countTimer: ReturnType<typeof setTimeout> | undefined;
let ingestTimer: ReturnType<typeof setTimeout> | undefined;

const WORD_COUNT_DELAY_MS = 120;
const INGEST_DELAY_MS = 700;

export function worker(): WorkerClient {
  if (!client) throw new Error('PaperLens has not started');
  return client;
}

/** Settles once the first look at where each catalogue model lives (and what is cached) is done. */
export function catalogueReady(): Promise<void> {
  return catalogue;
}

/** The `?backend=` choice. */
export function urlBackend(): UrlOptions['backend'] {
  return url.backend;
}

/** Whether `?model=` named a model to load at start (it wins over the remembered choice). */
export function urlPicksModel(): boolean {
  return url.model !== null;
}

export function startApp(search: string): void {
  if (client) return;
  url = parseUrlOptions(search);
  client = WorkerClient.create(
    (status) => set({ runtime: status }),
    (message) => set({ fatal: message }),
  );
  catalogue = refreshCatalogue();
  if (url.model) {
    const id = url.model;
    // A catalogue id loads that summarizer (once we know where it lives); anything else is a
    // folder under models/. Test fixtures are reachable only this way, labelled as what they are.
    void catalogue.then(() => {
      const choice = findChoice(id);
      if (choice) return loadChoice(choice);
      const label = id.startsWith('fixtures/') ? t('model.fixture', { id }) : id;
      return loadModel(id, label, { kind: 'same-origin', path: id });
    });
  }
}

// ---- paper input ---------------------------------------------------------------------------

export function setText(text: string): void {
  set({ text });
  clearTimeout(countTimer);
  clearTimeout(ingestTimer);
  // Counting and structure detection wait for a pause in typing; a 100k-word paste is counted once.
  countTimer = setTimeout(() => set({ counts: countText(get().text) }), WORD_COUNT_DELAY_MS);
  if (text.trim() === '') {
    set({ paper: null, paperText: null, included: [], ingest: { busy: false, error: null, requestId: null } });
    return;
  }
  ingestTimer = setTimeout(() => void ingestText(), INGEST_DELAY_MS);
}

function acceptPaper(paper: Paper, text: string): void {
  set({ paper, paperText: text, included: defaultInclusion(paper), ingest: { busy: false, error: null, requestId: null } });
}

/** The paper in the box, read again first when the text changed since it was last read. */
export function currentPaper(): Promise<Paper | null> {
  const s = get();
  return s.paperText === s.text && s.paper ? Promise.resolve(s.paper) : ingestText();
}

/** The URL's delta interval (`?delta=`), for every streamed request. */
export function urlDeltaMs(): number | undefined {
  return url.deltaMs;
}

function ingestText(): Promise<Paper | null> {
  clearTimeout(ingestTimer);
  const text = get().text;
  if (get().paperText === text && get().paper) return Promise.resolve(get().paper);
  const previous = get().ingest.requestId;
  if (previous !== null) worker().cancel(previous);
  const req = worker().request({ type: 'ingest', input: { kind: 'text', text } });
  set((s) => ({ ingest: { ...s.ingest, busy: true, requestId: req.id } }));
  return req.done.then((ev) => finishIngest(ev, req.id, text));
}

function finishIngest(ev: WorkerEvent, id: number, text: string): Paper | null {
  if (get().ingest.requestId !== id) return ev.type === 'ingested' ? ev.paper : null;
  if (ev.type === 'ingested') {
    acceptPaper(ev.paper, text);
    return ev.paper;
  }
  set({ ingest: { busy: false, error: ev.type === 'error' ? errorText(ev) : null, requestId: null } });
  return null;
}

/** Text shown in the paste area for a paper read from a file: headings as Markdown. */
export function paperToText(paper: Paper): string {
  const parts = paper.title && paper.title !== 'Untitled' ? [paper.title] : [];
  if (paper.authors) parts.push(paper.authors);
  for (const s of paper.sections) {
    parts.push(s.title ? `${'#'.repeat(Math.min(6, s.level + 1))} ${s.title}\n\n${s.text}` : s.text);
  }
  return parts.join('\n\n');
}

export const ACCEPTED_FILES = '.pdf,.txt,.md,.markdown,.tex,.rnw,.bbl,.zip,.tar,.gz,.tgz';
const PAPER_FILE_NAME = /\.(pdf|txt|md|markdown|tex|rnw|zip|tar|gz|tgz)$/i;

export async function ingestFile(file: File): Promise<void> {
  if (!PAPER_FILE_NAME.test(file.name)) {
    set({ ingest: { busy: false, error: t('paper.unsupportedFile', { name: file.name }), requestId: null } });
    return;
  }
  const bytes = await file.arrayBuffer();
  // The file's bytes move to the worker (transferred, not copied).
  await sendIngest({ kind: 'file', name: file.name, bytes }, [bytes]);
}

/** A dropped folder or several files, read as one paper (a LaTeX project from its main file). */
export async function ingestFiles(files: PickedFile[]): Promise<void> {
  if (files.length === 1) return ingestFile(files[0].file);
  const parts = await Promise.all(files.map(async (f) => ({ path: f.path, bytes: await f.file.arrayBuffer() })));
  const top = files[0]?.path.split('/')[0];
  const name = top && files.every((f) => f.path.startsWith(`${top}/`)) ? top : `${files.length} files`;
  await sendIngest({ kind: 'files', name, files: parts }, parts.map((p) => p.bytes));
}

async function sendIngest(input: IngestRequest['input'], transfer: ArrayBuffer[]): Promise<void> {
  clearTimeout(ingestTimer);
  const previous = get().ingest.requestId;
  if (previous !== null) worker().cancel(previous);
  const req = worker().request({ type: 'ingest', input }, undefined, transfer);
  set({ ingest: { busy: true, error: null, requestId: req.id } });
  const ev = await req.done;
  if (get().ingest.requestId !== req.id) return;
  if (ev.type !== 'ingested') {
    set({ ingest: { busy: false, error: ev.type === 'error' ? errorText(ev) : null, requestId: null } });
    return;
  }
  const text = paperToText(ev.paper);
  clearTimeout(countTimer);
  set({ text, counts: countText(text) });
  acceptPaper(ev.paper, text);
}

export function toggleSection(index: number): void {
  set((s) => ({ included: s.included.map((v, i) => (i === index ? !v : v)) }));
}

export function setAllSections(include: boolean): void {
  set((s) => ({ included: s.paper ? s.paper.sections.map(() => include) : [] }));
}

// ---- models --------------------------------------------------------------------------------

export interface ModelChoiceOptions {
  dtype?: DtypeRequest;
  /** Decoding defaults laid over the model's generation_config.json (the catalogue's choice). */
  generation?: GenerationOptions;
}

/** The dtype the user picked for a catalogue model, if it still offers it. */
export function pickedDtype(choice: ModelChoice): Dtype | undefined {
  const picked = get().dtypeChoice[choice.id];
  return picked && choice.dtypes.some((d) => d.dtype === picked) ? picked : undefined;
}

/** The dtype a catalogue model loads with: the one picked for it, else the catalogue's per-backend defaults. */
export function dtypeFor(choice: ModelChoice): DtypeRequest | undefined {
  const picked = pickedDtype(choice);
  if (picked) return picked;
  const b = choice.backendDtypes;
  if (!b || !choice.dtype) return choice.dtype;
  return { wasm: b.wasm ?? choice.dtype, webgpu: b.webgpu ?? choice.dtype };
}

/** Loads a catalogue model with its picked dtype and the catalogue's decoding defaults. */
export function loadChoice(choice: ModelChoice): Promise<void> {
  return loadModel(choice.id, choice.label, choice.location, { dtype: dtypeFor(choice), generation: choice.generation });
}

/** The user picked a model in the picker (null: no model); remembered for the next visit. */
export function chooseModel(choice: ModelChoice | null): void {
  set({ chosenModel: choice?.id ?? null });
  if (!choice) unloadModel();
  else void loadChoice(choice);
}

/** The user picked a dtype for a catalogue model; a loaded (or loading) copy of it is reloaded with it. */
export function chooseDtype(id: string, dtype: Dtype): void {
  set((s) => ({ dtypeChoice: { ...s.dtypeChoice, [id]: dtype } }));
  const m = get().model;
  const choice = findChoice(id);
  if (choice && m.id === id && m.status !== 'none') void loadChoice(choice);
}

export async function loadModel(id: string, label: string, location: ModelLocation, opts: ModelChoiceOptions = {}): Promise<void> {
  set({ activity: 'run' });
  const old = get().model.requestId;
  if (old !== null) worker().cancel(old);
  const startedAt = performance.now();
  let lastBytes = 0;
  let lastAt = startedAt;
  let speed = 0;
  const req = worker().request(
    { type: 'load-model', modelId: id, location, backend: url.backend, dtype: opts.dtype, failWebgpuAtStep: url.failWebgpuAtStep, contextTokens: url.contextTokens },
    (ev) => {
      if (ev.type !== 'load-progress') return;
      const now = performance.now();
      if (now - lastAt > 250) {
        const inst = ((ev.loaded - lastBytes) * 1000) / (now - lastAt);
        speed = speed ? 0.7 * speed + 0.3 * inst : inst;
        lastBytes = ev.loaded;
        lastAt = now;
      }
      patchModel({ download: { stage: ev.stage, files: ev.files, loaded: ev.loaded, total: ev.total, startedAt, speed } });
    },
  );
  patchModel({ id, label, status: 'loading', requestId: req.id, download: null, error: null });
  const ev = await req.done;
  if (get().model.requestId !== req.id) return;
  if (ev.type === 'loaded') {
    const defaults = { ...(ev.status.modelDefaults ?? {}), ...(opts.generation ?? {}) };
    patchModel({ status: 'ready', requestId: null, defaults });
    set({ decoding: settingsFromDefaults(defaults) });
    if (location.kind === 'url') void refreshCatalogue();
  } else if (ev.type === 'error') {
    patchModel({ status: 'error', requestId: null, error: errorText(ev) });
  } else {
    patchModel({ id: null, label: null, status: 'none', requestId: null, download: null });
  }
}

/**
 * A model folder picked from disk (an Optimum/transformers.js export). Paths are made relative to
 * the folder, whose name becomes the model id.
 */
export function loadModelFolder(files: File[]): Promise<void> {
  return loadPickedFolder(files.map((file) => ({ path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name, file })));
}

/**
 * A model folder as `{ path, file }` entries whose paths start with the folder's name (what
 * `webkitdirectory`, `showDirectoryPicker()` walks and dropped folders give).
 */
export function loadPickedFolder(picked: { path: string; file: File }[]): Promise<void> {
  if (!picked.length) return Promise.resolve();
  const rel = picked.map((p) => p.path.replaceAll('\\', '/'));
  const top = rel[0].includes('/') ? rel[0].slice(0, rel[0].indexOf('/')) : 'picked model';
  const entries = picked.map(({ file }, i) => ({ path: rel[i].startsWith(top + '/') ? rel[i].slice(top.length + 1) : rel[i], file }));
  return loadModel(`local/${top}`, t('model.fromDisk', { name: top }), { kind: 'files', files: entries });
}

export function cancelModelLoad(): void {
  const id = get().model.requestId;
  if (id !== null) worker().cancel(id);
}

export function unloadModel(): void {
  cancelModelLoad();
  worker().request({ type: 'unload-model' });
  patchModel({ id: null, label: null, status: 'none', requestId: null, download: null, error: null, defaults: null });
}

// ---- summaries -----------------------------------------------------------------------------

/** Why Summarize cannot run now, in words; null when it can. */
export function summarizeBlocker(): string | null {
  const s = get();
  if (isRunning(s)) return t('blocker.running');
  if (s.text.trim() === '') return t('blocker.noText');
  if (s.model.status === 'loading') return t('blocker.loading');
  const problems = settingsProblems(s.decoding);
  if (s.model.status === 'ready' && problems.length) return problems[0];
  if (s.paper && s.paperText === s.text && !s.included.some(Boolean)) return t('blocker.noSection');
  return null;
}

export async function summarize(): Promise<void> {
  set({ activity: 'run' });
  const blocker = summarizeBlocker();
  if (blocker) {
    if (!isRunning(get())) patchRun({ ...initialRun, status: 'error', error: blocker });
    return;
  }
  const startedAt = performance.now();
  patchRun({ ...initialRun, status: 'preparing', startedAt, progress: { label: 'reading the paper', step: 'reading', done: 0, total: 1 } });
  const stale = get().paperText !== get().text || !get().paper;
  const paper = stale ? await ingestText() : get().paper;
  if (get().run.status !== 'preparing') return; // stopped while reading
  if (!paper) {
    patchRun({ status: 'error', error: get().ingest.error ?? t('paper.unreadable'), progress: null });
    return;
  }
  const s = get();
  const sectionIndexes = s.included.flatMap((v, i) => (v ? [i] : []));
  if (!sectionIndexes.length) {
    patchRun({ status: 'error', error: t('blocker.noSection'), progress: null });
    return;
  }
  const useModel = s.model.status === 'ready';
  const generation = toGenerationOptions(s.decoding);
  const req = worker().request(
    {
      type: 'summarize',
      paper,
      style: s.style,
      length: s.length,
      sectionIndexes,
      generation,
      extractive: !useModel,
      deltaIntervalMs: url.deltaMs,
      ...(s.outputLanguage !== 'auto' ? { outputLanguage: s.outputLanguage } : {}),
    },
    (ev) => onRunEvent(ev, req.id),
  );
  patchRun({
    status: 'summarizing',
    requestId: req.id,
    modelId: useModel ? s.model.id : null,
    request: { style: s.style, length: s.length, generation: useModel ? generation : null, sections: sectionIndexes.map((i) => paper.sections[i].title || '(untitled)') },
  });
  await req.done;
}

function onRunEvent(ev: WorkerEvent, id: number): void {
  const run = get().run;
  if (run.requestId !== id) return;
  if (run.status === 'stopped') {
    // Stop shows the text written so far at once; the worker's own tally only adds statistics.
    if (ev.type === 'summary-done') patchRun({ stats: ev.stats, kind: ev.kind, backend: ev.backend, fellBack: ev.fellBack, requestId: null });
    return;
  }
  switch (ev.type) {
    case 'summary-progress':
      patchRun({ progress: { label: ev.label, done: ev.done, total: ev.total, step: ev.step, n: ev.n } });
      break;
    case 'summary-delta':
      patchRun({ text: run.text + ev.text, tokens: run.tokens + ev.tokens, firstTextAt: run.firstTextAt ?? performance.now() });
      break;
    case 'summary-reset':
      patchRun({ text: '' });
      break;
    case 'summary-done':
      patchRun({
        status: ev.partial ? 'stopped' : 'done',
        text: ev.text,
        kind: ev.kind,
        stats: ev.stats,
        backend: ev.backend,
        fellBack: ev.fellBack,
        progress: null,
        requestId: null,
        finishedAt: new Date().toISOString(),
      });
      break;
    case 'error':
      patchRun({ status: 'error', error: errorText(ev), progress: null, requestId: null });
      break;
    case 'cancelled':
      patchRun({ status: 'stopped', progress: null, requestId: null });
      break;
  }
}

export function stop(): void {
  const run = get().run;
  if (!isRunning(get())) return;
  if (run.requestId !== null) worker().cancel(run.requestId);
  patchRun({
    status: 'stopped',
    progress: null,
    kind: run.kind ?? (run.modelId ? 'abstractive' : 'extractive'),
    finishedAt: new Date().toISOString(),
  });
}

// ---- downloads -----------------------------------------------------------------------------

export function summaryRecord(): SummaryRecord | null {
  const s = get();
  const run = s.run;
  if (!run.text || !run.request || (run.status !== 'done' && run.status !== 'stopped')) return null;
  const t = run.stats?.timings;
  return {
    title: titleOf(s.paper?.title === 'Untitled' ? undefined : s.paper?.title, s.text),
    summary: run.text,
    kind: run.kind ?? (run.modelId ? 'abstractive' : 'extractive'),
    partial: run.status === 'stopped',
    modelId: run.modelId,
    backend: run.backend,
    threads: s.runtime?.threads ?? null,
    fellBack: run.fellBack,
    style: run.request.style,
    length: run.request.length,
    generation: run.request.generation,
    sectionsIncluded: run.request.sections,
    timings: run.stats
      ? { ...(t ?? {}), summaryMs: Math.round(run.stats.totalMs), firstTextMs: run.stats.firstDeltaMs === null ? null : Math.round(run.stats.firstDeltaMs) }
      : null,
    sourceName: s.paper?.source ?? 'paste',
    sourceWordCount: s.paper?.wordCount ?? s.counts.words,
    ...((s.paper?.cjkChars ?? s.counts.characters) ? { sourceCjkChars: s.paper?.cjkChars ?? s.counts.characters } : {}),
    date: run.finishedAt ?? new Date().toISOString(),
    ...(s.ask.turns.length ? { conversation: s.ask.turns } : {}),
  };
}

export function downloadSummary(format: ExportFormat): void {
  const record = summaryRecord();
  if (!record) return;
  const blob = new Blob([render(format, record)], { type: mimeOf(format) });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = `${fileBaseName(record.title)}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
