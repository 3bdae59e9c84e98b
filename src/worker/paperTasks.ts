// Asking and extracting, beside summarizing: both share the loaded model, are cancellable and
// stream progress. Kept out of controller.ts, which owns loading and summaries.
import type { TextGenerator } from '../engine/types';
import type { Answer, AskEvent, Turn } from '../pipeline/ask/types';
import type { PaperFacts } from '../pipeline/facts/types';
import type { Paper } from '../pipeline/types';
import type { GenerationOptions } from '../engine/types';
import { DeltaBatcher } from './deltaBatcher';
import { ObservedGenerator } from './observedGenerator';
import { describeError } from './plainErrors';
import type { AskRequest, ExtractRequest, WorkerEvent } from './protocol';

export interface AskHooks {
  generator?: TextGenerator;
  history: Turn[];
  generation: GenerationOptions;
  signal: AbortSignal;
  onEvent: (ev: AskEvent) => void;
}

export interface ExtractHooks {
  generator?: TextGenerator;
  generation?: GenerationOptions;
  signal: AbortSignal;
  onProgress: (step: 'rules' | 'model', done: number, total: number) => void;
}

export interface PaperTaskDeps {
  ask(paper: Paper, question: string, hooks: AskHooks & { modelId: string | null; embedder?: AskRequest['embedder'] }): Promise<Answer>;
  extract(paper: Paper, hooks: ExtractHooks): Promise<PaperFacts>;
  now(): number;
  deltaIntervalMs?: number;
}

/** What the controller lends a task: its model, request tracking and the status to re-post. */
export interface TaskHost {
  readonly deps: PaperTaskDeps;
  post(ev: WorkerEvent): void;
  generator(): ObservedGenerator | null;
  modelId(): string | null;
  track(id: number): AbortController;
  done(id: number): void;
  /** Called when the model fell back to WASM during the task (the status changes). */
  fellBack(fb: NonNullable<ReturnType<ObservedGenerator['fellBack']>>): Promise<void>;
}

export async function runAsk(host: TaskHost, req: AskRequest): Promise<void> {
  const ac = host.track(req.id);
  const started = host.deps.now();
  const batcher = new DeltaBatcher((b) => host.post({ type: 'ask-delta', id: req.id, text: b.text }), req.deltaIntervalMs ?? host.deps.deltaIntervalMs ?? 32);
  // Its own observation window: a question must not reset the timings of a summary running beside it.
  const loaded = req.extractive ? null : host.generator();
  const generator = loaded ? new ObservedGenerator(loaded.inner) : undefined;
  try {
    const answer = await host.deps.ask(req.paper, req.question, {
      generator,
      modelId: host.modelId(),
      embedder: req.embedder,
      history: req.history,
      generation: req.generation,
      signal: ac.signal,
      onEvent: (ev) => {
        if (ev.type === 'delta') batcher.push(ev.text);
        else host.post({ type: 'ask-progress', id: req.id, step: ev.step, done: ev.done, total: ev.total });
      },
    });
    batcher.flush();
    const out = ac.signal.aborted ? { ...answer, partial: true } : answer;
    host.post({ type: 'ask-done', id: req.id, answer: out, backend: generator && answer.kind === 'generated' ? generator.backend : null, totalMs: host.deps.now() - started });
  } catch (e) {
    batcher.flush();
    if (ac.signal.aborted) host.post({ type: 'cancelled', id: req.id });
    else host.post({ type: 'error', id: req.id, request: req.type, ...describeError(e, { key: 'ask' }) });
  } finally {
    const fb = generator?.fellBack();
    if (fb) await host.fellBack(fb);
    host.done(req.id);
  }
}

export async function runExtract(host: TaskHost, req: ExtractRequest): Promise<void> {
  const ac = host.track(req.id);
  const started = host.deps.now();
  const loaded = req.useModel ? host.generator() : null;
  const generator = loaded ? new ObservedGenerator(loaded.inner) : undefined;
  try {
    const facts = await host.deps.extract(req.paper, {
      generator,
      generation: req.generation,
      signal: ac.signal,
      onProgress: (step, done, total) => host.post({ type: 'extract-progress', id: req.id, step, done, total }),
    });
    host.post({ type: 'facts-done', id: req.id, facts, partial: ac.signal.aborted, totalMs: host.deps.now() - started });
  } catch (e) {
    if (ac.signal.aborted) host.post({ type: 'cancelled', id: req.id });
    else host.post({ type: 'error', id: req.id, request: req.type, ...describeError(e, { key: 'extract' }) });
  } finally {
    const fb = generator?.fellBack();
    if (fb) await host.fellBack(fb);
    host.done(req.id);
  }
}
