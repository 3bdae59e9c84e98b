// Keeps a generation alive when WebGPU fails mid-run: ORT only falls back at session creation, so
// on a failed run we build the sessions on WASM, recompute the cache for every row's tokens so far
// and answer the same step, letting the decoding loop carry on as if nothing happened.
import type { Backbone, Runner } from './backbone';
import type { StepModel } from './generation/contract';
import { describe } from './session';
import type { Backend } from './types';

export interface FallbackHost {
  /** The backbone in use now; replaced after a fallback. */
  current(): Backbone;
  /** Builds (once) the WASM backbone and makes it current; returns it. */
  fallBack(reason: string): Promise<Backbone>;
  /**
   * Builds a backbone of a numerically safer dtype on the same backend (fp16 -> fp32, ...) and
   * makes it current, after the current weights produced NaN/inf logits; undefined when the folder
   * has none.
   */
  saferDtype?(reason: string): Promise<Backbone | undefined>;
}

/** The weights produced NaN or infinite logits (float16 overflow, a broken export) and nothing safer was at hand. */
export class NonFiniteLogitsError extends Error {
  constructor(readonly dtype: string) {
    super(
      `The ${dtype} weights produced invalid numbers (NaN or infinite logits, typically a float16 overflow) ` +
        'and the model folder has no safer variant: load its fp32 or q8 weights instead.',
    );
    this.name = 'NonFiniteLogitsError';
  }
}

/** True when every logit is a finite number; a NaN anywhere would poison argmax, softmax and beam scores alike. */
export function allFinite(rows: readonly Float32Array[]): boolean {
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      // x - x is NaN for NaN and for +-Infinity, 0 for every finite x.
      if (row[i] - row[i] !== 0) return false;
    }
  }
  return true;
}

export class ResilientStepModel implements StepModel {
  readonly vocabSize: number;
  /** Every row's tokens so far (start included), to rebuild the cache elsewhere. */
  private rows: number[][] = [];
  private runner: Runner;
  fellBack?: { from: Backend; reason: string };
  /** The runner's cache is empty (after a fallback): the next run feeds every row's history. */
  private rebuild = false;
  /** Duration of the first step (the prefill of decoder-only models). */
  firstStepMs?: number;

  private constructor(
    private readonly host: FallbackHost,
    private readonly encoderIds: readonly number[],
    runner: Runner,
    vocabSize: number,
  ) {
    this.runner = runner;
    this.vocabSize = vocabSize;
  }

  /** Starts a runner on the current backbone, falling back when even that (e.g. the encoder) fails. */
  static async start(host: FallbackHost, encoderIds: readonly number[], vocabSize: number): Promise<ResilientStepModel> {
    let fellBack: ResilientStepModel['fellBack'];
    let runner: Runner;
    const bb = host.current();
    try {
      runner = await bb.startRunner(encoderIds);
    } catch (e) {
      if (bb.runtime.backend !== 'webgpu') throw e;
      const reason = `WebGPU run failed: ${describe(e)}`;
      runner = await (await host.fallBack(reason)).startRunner(encoderIds);
      fellBack = { from: 'webgpu', reason };
    }
    const m = new ResilientStepModel(host, encoderIds, runner, vocabSize);
    m.fellBack = fellBack;
    return m;
  }

  get canVerify(): boolean {
    return this.runner.canVerify;
  }

  step(tokens: number[][], parents: number[] | null, signal?: AbortSignal): Promise<Float32Array[]> {
    return this.run(tokens, parents, signal, false);
  }

  /** Every fed position's logits (prompt-lookup verify); survives a WebGPU failure like step(). */
  stepAll(tokens: number[][], parents: number[] | null, signal?: AbortSignal): Promise<Float32Array[]> {
    return this.run(tokens, parents, signal, true);
  }

  /** Drops rejected drafts from the cache; a failure here also moves to WASM (rebuilt on the next run). */
  async rollback(positions: number): Promise<void> {
    const kept = this.rows.map((r) => r.slice(0, r.length - positions));
    if (!this.rebuild) {
      try {
        await this.runner.rollback(positions);
      } catch (e) {
        if (this.host.current().runtime.backend !== 'webgpu') throw e;
        await this.switchToWasm(e);
      }
    }
    this.rows = kept;
  }

  private async run(tokens: number[][], parents: number[] | null, signal: AbortSignal | undefined, all: boolean): Promise<Float32Array[]> {
    const next = parents ? parents.map((p, r) => [...this.rows[p], ...tokens[r]]) : tokens.map((t) => [...t]);
    const t0 = performance.now();
    let logits = await this.attempt(tokens, parents, signal, all, next);
    if (!allFinite(logits)) {
      // The same step again on safer weights (the cache is rebuilt from the history); if those fail too, say so.
      const dtype = this.host.current().dtype;
      const safer = await this.host.saferDtype?.(`the ${dtype} weights produced NaN/inf logits`);
      if (!safer) throw new NonFiniteLogitsError(dtype);
      await this.replaceRunner(safer);
      logits = await this.attempt(tokens, parents, signal, all, next);
      if (!allFinite(logits)) throw new NonFiniteLogitsError(safer.dtype);
    }
    this.firstStepMs ??= performance.now() - t0;
    this.rows = next;
    return logits;
  }

  private async attempt(
    tokens: number[][],
    parents: number[] | null,
    signal: AbortSignal | undefined,
    all: boolean,
    next: number[][],
  ): Promise<Float32Array[]> {
    let logits: Float32Array[];
    try {
      if (this.rebuild) throw new Rebuild();
      logits = all ? await this.runner.stepAll(tokens, parents, signal) : await this.runner.step(tokens, parents, signal);
    } catch (e) {
      // An aborted generation needs no rescue; anything not on WebGPU has nowhere to fall back to.
      if (!(e instanceof Rebuild)) {
        if (signal?.aborted || this.host.current().runtime.backend !== 'webgpu') throw e;
        await this.switchToWasm(e);
      }
      this.rebuild = false;
      // The history before this step rebuilds the cache (the runner feeds a long one in pieces);
      // then this step's tokens run as they would have, so a verify still reads only its own
      // positions' logits, never the whole history's.
      const L = next[0].length;
      const len = tokens[0].length;
      const head = L - len;
      let feed = next;
      let from: number[] | null = null;
      if (head > 0) {
        await this.runner.step(next.map((h) => h.slice(0, head)), null, signal);
        feed = next.map((h) => h.slice(head));
        from = next.map((_, r) => r);
      }
      logits = all ? await this.runner.stepAll(feed, from, signal) : await this.runner.step(feed, from, signal);
    }
    return logits;
  }

  private async switchToWasm(e: unknown): Promise<void> {
    const reason = `WebGPU run failed: ${describe(e)}`;
    this.fellBack ??= { from: 'webgpu', reason };
    await this.replaceRunner(await this.host.fallBack(reason));
  }

  /** A fresh runner on `bb`, whose cache the next run rebuilds from every row's history. */
  private async replaceRunner(bb: Backbone): Promise<void> {
    this.runner.dispose();
    this.runner = await bb.startRunner(this.encoderIds);
    this.rebuild = true;
  }

  dispose(): void {
    this.runner.dispose();
  }
}

/** Marker: the runner was replaced and its cache must be rebuilt from the history. */
class Rebuild extends Error {}
