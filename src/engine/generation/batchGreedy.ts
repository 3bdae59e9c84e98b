// Greedy decoding of several independent prompts in one batch: one decoder run per step for all
// rows still going, rows that stop (EOS or their length limit) dropped from the batch at once.
// Each row gets the processors and length limits it would get alone (resolveOptions with its own
// prompt length), so a row's tokens are those of a single-row greedy run up to float rounding of
// a batched vs single-row matrix product (checked on the real model in batchedCausal.test.ts).
import type { DecodeResult, SpecialTokens } from './contract';
import { resolveOptions, type ResolvedOptions } from './options';
import { LogitsProcessors } from './processors';
import { argmax } from './select';
import { breathe } from './breathe';
import type { GenerationOptions } from '../types';

/** A model that decodes a batch: rows are the prompts, in order, until keep() drops some. */
export interface BatchStepModel {
  readonly vocabSize: number;
  /** Feeds every row's prompt; logits of each row's last prompt position. */
  prefill(prompts: number[][]): Promise<Float32Array[]>;
  /** One new token per row still in the batch; logits per row. */
  step(tokens: number[]): Promise<Float32Array[]>;
  /** Keeps only these rows (indexes into the current batch, ascending). */
  keep(rows: number[]): Promise<void>;
}

export interface BatchRow {
  /** Prompt ids (decoder-only: the whole prompt, all counted towards max_length). */
  start: number[];
}

export interface BatchDecodeRequest {
  model: BatchStepModel;
  rows: BatchRow[];
  options: GenerationOptions;
  defaults?: GenerationOptions;
  special: SpecialTokens;
  signal?: AbortSignal;
  /** A row's new token (row = index into `rows`). */
  onToken?: (row: number, token: number, step: number) => void;
  /** A row is finished (its result is final). */
  onDone?: (row: number, result: DecodeResult) => void;
}

/** True when these options decode greedily without beams (the only search batched here). */
export function batchable(o: ResolvedOptions): boolean {
  return !o.doSample && o.numBeams === 1 && o.numReturnSequences === 1 && !o.outputScores;
}

interface Live {
  row: number;
  opts: ResolvedOptions;
  processors: LogitsProcessors;
  ids: number[];
  generated: number[];
  stop?: DecodeResult['stopReason'];
}

export async function batchGreedy(req: BatchDecodeRequest): Promise<DecodeResult[]> {
  const { model, special, signal } = req;
  const vocab = model.vocabSize;
  const eos = new Set(special.eosTokenIds);
  let live: Live[] = req.rows.map((r, row) => {
    const opts = resolveOptions({ defaults: req.defaults, options: req.options, countedStartLength: r.start.length, vocabSize: vocab });
    if (!batchable(opts)) throw new Error('batchGreedy: only greedy single-sequence decoding is batched');
    return { row, opts, processors: new LogitsProcessors(opts, special, vocab, r.start.length), ids: r.start.slice(), generated: [] };
  });
  const results: DecodeResult[] = new Array(req.rows.length);
  const scores = new Float32Array(vocab);
  const finish = (l: Live, reason: DecodeResult['stopReason']) => {
    const res: DecodeResult = { sequences: [{ ids: l.generated }], stopReason: reason, stats: { decoderRuns: l.generated.length, draftedTokens: 0, acceptedTokens: 0 } };
    results[l.row] = res;
    req.onDone?.(l.row, res);
  };

  let logits = signal?.aborted ? null : await model.prefill(live.map((l) => l.ids.slice()));
  while (logits && live.length) {
    const next: number[] = [];
    const kept: number[] = [];
    for (let i = 0; i < live.length; i++) {
      const l = live[i];
      scores.set(logits[i]);
      l.processors.apply(l.ids, l.generated.length, scores);
      const token = argmax(scores);
      l.ids.push(token);
      l.generated.push(token);
      req.onToken?.(l.row, token, l.generated.length);
      if (eos.has(token)) finish(l, 'eos');
      else if (l.ids.length >= l.opts.maxLength) finish(l, 'length');
      else {
        kept.push(i);
        next.push(token);
      }
    }
    if (signal?.aborted) break;
    if (!kept.length) {
      live = [];
      break;
    }
    if (kept.length < live.length) {
      await model.keep(kept);
      live = kept.map((i) => live[i]);
    }
    await breathe();
    if (signal?.aborted) break;
    logits = await model.step(next);
  }
  // Aborted: whatever each unfinished row has so far.
  for (const l of live) if (!results[l.row]) finish(l, 'aborted');
  for (let r = 0; r < results.length; r++) results[r] ??= { sequences: [{ ids: [] }], stopReason: 'aborted' };
  return results;
}
