// The worker's request handling, with the engine and pipeline injected so it runs under Node
// tests with fakes. worker.ts wires the real ones and the postMessage transport.
import type { FileProgress, TextGenerator } from '../engine/types';
import type { Paper, SummaryEvent, SummaryOutcome, SummaryRequest } from '../pipeline/types';
import { DeltaBatcher } from './deltaBatcher';
import { ObservedGenerator } from './observedGenerator';
import { runAsk, runExtract, type PaperTaskDeps, type TaskHost } from './paperTasks';
import { describeError } from './plainErrors';
import type {
  FileDownloadProgress,
  IngestRequest,
  LoadModelRequest,
  LoadStage,
  RuntimeStatus,
  SummarizeRequest,
  WorkerEvent,
  WorkerRequest,
} from './protocol';

export interface LoadHooks {
  signal: AbortSignal;
  onProgress: (p: FileProgress) => void;
  onStage: (stage: LoadStage) => void;
}

export interface SummarizeHooks {
  generator?: TextGenerator;
  signal: AbortSignal;
  onEvent: (ev: SummaryEvent) => void;
}

export interface RuntimeFacts {
  threads: number;
  crossOriginIsolated: boolean;
  webgpuAvailable: boolean;
  /** Whether the WebGPU adapter has shader-f16 (fp16/q4f16 graphs); null/absent: not known. */
  webgpuShaderF16?: boolean | null;
}

export interface WorkerDeps extends PaperTaskDeps {
  /** `notes` say in words why the backend differs from what was asked. */
  loadModel(req: LoadModelRequest, hooks: LoadHooks): Promise<TextGenerator & { notes?: readonly string[]; dtype?: string }>;
  ingest(input: IngestRequest['input'], signal: AbortSignal): Promise<Paper>;
  summarize(paper: Paper, request: SummaryRequest, hooks: SummarizeHooks): Promise<SummaryOutcome>;
  runtime(): Promise<RuntimeFacts>;
  /** Minimum time between two progress events of one download. */
  progressIntervalMs?: number;
}

type Post = (ev: WorkerEvent) => void;

export class WorkerController {
  private generator: ObservedGenerator | null = null;
  private modelId: string | null = null;
  private dtype: string | null = null;
  private webgpuSkipped: string | null = null;
  private facts: RuntimeFacts | null = null;
  private readonly running = new Map<number, AbortController>();
  private loading: number | null = null;
  private summarizing: number | null = null;

  private readonly tasks: TaskHost;

  constructor(
    private readonly deps: WorkerDeps,
    private readonly post: Post,
  ) {
    this.tasks = {
      deps,
      post,
      generator: () => this.generator,
      modelId: () => (this.generator ? this.modelId : null),
      track: (id) => this.track(id),
      done: (id) => void this.running.delete(id),
      fellBack: async (fb) => {
        if (!this.generator) return;
        this.generator.firstFallBack ??= fb;
        this.post({ type: 'status', status: await this.status() });
      },
    };
  }

  async handle(req: WorkerRequest): Promise<void> {
    switch (req.type) {
      case 'load-model':
        return this.load(req);
      case 'unload-model':
        await this.unload();
        this.post({ type: 'status', status: await this.status() });
        return;
      case 'ingest':
        return this.ingest(req);
      case 'summarize':
        return this.summarize(req);
      case 'ask':
        return runAsk(this.tasks, req);
      case 'extract':
        return runExtract(this.tasks, req);
      case 'cancel':
        this.running.get(req.target)?.abort();
        return;
    }
  }


  async status(): Promise<RuntimeStatus> {
    this.facts ??= await this.deps.runtime();
    const g = this.generator;
    return {
      backend: g ? g.backend : null,
      threads: this.facts.threads,
      crossOriginIsolated: this.facts.crossOriginIsolated,
      webgpuAvailable: this.facts.webgpuAvailable,
      webgpuShaderF16: this.facts.webgpuShaderF16 ?? null,
      modelId: g ? this.modelId : null,
      dtype: g ? this.dtype : null,
      fellBack: g ? (g.firstFallBack ?? null) : null,
      webgpuSkipped: g ? this.webgpuSkipped : null,
      maxInputTokens: g ? g.maxInputTokens : null,
      modelKind: g ? g.kind : null,
      modelDefaults: g ? g.defaults : null,
    };
  }

  private track(id: number): AbortController {
    const ac = new AbortController();
    this.running.set(id, ac);
    return ac;
  }

  private async unload(): Promise<void> {
    const g = this.generator;
    this.generator = null;
    this.modelId = null;
    this.webgpuSkipped = null;
    if (g) await g.dispose().catch(() => {});
  }

  private async load(req: LoadModelRequest): Promise<void> {
    if (this.loading !== null) this.running.get(this.loading)?.abort();
    if (this.summarizing !== null) this.running.get(this.summarizing)?.abort();
    this.loading = req.id;
    const ac = this.track(req.id);
    const files = new Map<string, FileDownloadProgress>();
    let stage: LoadStage = 'download';
    let lastSent = -Infinity;
    const interval = this.deps.progressIntervalMs ?? 100;
    const send = (force: boolean) => {
      const now = this.deps.now();
      if (!force && now - lastSent < interval) return;
      lastSent = now;
      const list = [...files.values()];
      const loaded = list.reduce((s, f) => s + f.loaded, 0);
      const total = list.every((f) => f.total !== undefined) ? list.reduce((s, f) => s + (f.total ?? 0), 0) : null;
      this.post({ type: 'load-progress', id: req.id, stage, files: list, loaded, total });
    };
    try {
      await this.unload();
      const loading = this.deps.loadModel(req, {
        signal: ac.signal,
        onProgress: (p) => {
          const done = p.total !== undefined && p.loaded >= p.total;
          files.set(p.path, { path: p.path, loaded: p.loaded, total: p.total });
          send(done);
        },
        onStage: (s) => {
          stage = s;
          send(true);
        },
      });
      // Cancel answers at once even when the engine is inside a step that takes no signal (a
      // HEAD probe, a session build); a model that still arrives later is disposed.
      const inner = await Promise.race([loading, abortion(ac.signal)]);
      if (inner === null) {
        void loading.then((g) => g.dispose()).catch(() => {});
        this.post({ type: 'cancelled', id: req.id });
        return;
      }
      if (ac.signal.aborted) {
        await inner.dispose().catch(() => {});
        this.post({ type: 'cancelled', id: req.id });
        return;
      }
      this.generator = new ObservedGenerator(inner);
      this.modelId = req.modelId;
      this.dtype = inner.dtype ?? null;
      // Asked for WebGPU (or auto with an adapter) but the session ended up on WASM.
      const facts = (this.facts ??= await this.deps.runtime());
      const wanted = req.backend === 'webgpu' || req.backend === 'auto';
      const reason = inner.notes?.join(' ') || (facts.webgpuAvailable ? 'WebGPU could not run this model.' : 'This browser offers no WebGPU adapter.');
      this.webgpuSkipped = wanted && inner.backend === 'wasm' ? reason : null;
      stage = 'ready';
      send(true);
      this.post({ type: 'loaded', id: req.id, status: await this.status() });
    } catch (e) {
      if (ac.signal.aborted) this.post({ type: 'cancelled', id: req.id });
      else this.post({ type: 'error', id: req.id, request: req.type, ...describeError(e, { key: 'load', name: req.modelId }) });
    } finally {
      this.running.delete(req.id);
      if (this.loading === req.id) this.loading = null;
    }
  }

  private async ingest(req: IngestRequest): Promise<void> {
    const ac = this.track(req.id);
    try {
      const paper = await this.deps.ingest(req.input, ac.signal);
      this.post({ type: 'ingested', id: req.id, paper });
    } catch (e) {
      const name = req.input.kind === 'text' ? undefined : req.input.name;
      if (ac.signal.aborted) this.post({ type: 'cancelled', id: req.id });
      else this.post({ type: 'error', id: req.id, request: req.type, ...describeError(e, { key: 'read', name }) });
    } finally {
      this.running.delete(req.id);
    }
  }

  private async summarize(req: SummarizeRequest): Promise<void> {
    if (this.summarizing !== null) this.running.get(this.summarizing)?.abort();
    this.summarizing = req.id;
    const ac = this.track(req.id);
    const started = this.deps.now();
    let firstDelta: number | null = null;
    let text = '';
    const batcher = new DeltaBatcher(
      (b) => this.post({ type: 'summary-delta', id: req.id, text: b.text, tokens: b.tokens }),
      req.deltaIntervalMs ?? this.deps.deltaIntervalMs ?? 32,
    );
    const generator = req.extractive ? undefined : (this.generator ?? undefined);
    generator?.reset(started);
    if (generator) generator.onTokens = (n) => batcher.push('', n);
    const finish = async (outcome: { text: string; kind: 'extractive' | 'abstractive'; partial: boolean }) => {
      batcher.flush();
      const now = this.deps.now();
      const status = await this.status();
      this.post({
        type: 'summary-done',
        id: req.id,
        text: outcome.text,
        kind: outcome.kind,
        partial: outcome.partial,
        backend: generator ? generator.backend : null,
        fellBack: generator ? (generator.fellBack() ?? null) : null,
        stats: {
          timings: generator ? generator.timings(now) : null,
          totalMs: now - started,
          firstDeltaMs: firstDelta === null ? null : firstDelta - started,
        },
      });
      if (generator?.fellBack()) this.post({ type: 'status', status });
    };
    try {
      const outcome = await this.deps.summarize(
        req.paper,
        { style: req.style, length: req.length, sectionIndexes: req.sectionIndexes, generation: req.generation, outputLanguage: req.outputLanguage },
        {
          generator,
          signal: ac.signal,
          onEvent: (ev) => {
            if (ev.type === 'delta') {
              if (firstDelta === null && ev.text) firstDelta = this.deps.now();
              text += ev.text;
              batcher.push(ev.text);
            } else if (ev.type === 'reset') {
              batcher.discard();
              text = '';
              this.post({ type: 'summary-reset', id: req.id });
            } else {
              batcher.flush();
              this.post({ type: 'summary-progress', id: req.id, stage: ev.stage, done: ev.done, total: ev.total, label: ev.label, step: ev.step, n: ev.n });
            }
          },
        },
      );
      await finish({ text: outcome.text, kind: outcome.kind, partial: outcome.partial || ac.signal.aborted });
    } catch (e) {
      if (ac.signal.aborted) {
        // Stop keeps what was written: report the streamed text as a partial summary.
        await finish({ text, kind: generator ? 'abstractive' : 'extractive', partial: true });
      } else {
        batcher.flush();
        this.post({ type: 'error', id: req.id, request: req.type, ...describeError(e, { key: 'summarize' }) });
        if (generator?.fellBack()) this.post({ type: 'status', status: await this.status() });
      }
    } finally {
      this.running.delete(req.id);
      if (this.summarizing === req.id) this.summarizing = null;
    }
  }
}

/** Resolves with null when the signal aborts. */
function abortion(signal: AbortSignal): Promise<null> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve(null);
    else signal.addEventListener('abort', () => resolve(null), { once: true });
  });
}
