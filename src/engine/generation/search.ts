// Greedy and multinomial-sampling decoding: one row, one token per step, streamed at once.
// Mirrors the transformers.js generate loop: processors on raw float32 logits, argmax with ties
// to the lowest id, stop on EOS (kept in the output) or when max_length is reached.
//
// Greedy may also use prompt-lookup decoding (lossless speculative decoding with drafts copied
// from the input, as Hugging Face's `prompt_lookup_num_tokens`): when the last few tokens occur
// earlier in the input or the output, the tokens that followed them there are fed as drafts in
// ONE decoder run that returns logits for every fed position. Each position's logits go through
// the processors exactly as plain greedy would see them (the sequence as it is after accepting
// the previous drafts), and drafts are accepted while they equal the argmax; the argmax at the
// first disagreement is the next token anyway, and the rejected positions are dropped from the
// cache. The tokens are those of plain greedy (up to float rounding of a batched vs. single-row
// run), only fewer decoder runs are made when drafts are right.
//
// A token constraint (JSON schema) masks each position's scores after the processors, inside
// the same take(): drafts are checked against the constrained choice, so prompt lookup stays
// lossless under it (a draft the constraint forbids is simply rejected).
import type { DecodeRequest, DecodeResult, DecodeStats, StepModel } from './contract';
import type { ResolvedOptions } from './options';
import type { LogitsProcessors } from './processors';
import { createRng, randomSeed } from './rng';
import { Sampler } from './sampler';
import { argmax, logSumExp } from './select';
import { ABORTED, callStep, callStepAll } from './step';

export async function greedyOrSample(
  req: DecodeRequest,
  opts: ResolvedOptions,
  processors: LogitsProcessors,
): Promise<DecodeResult> {
  const { model, start, countedStartLength, signal, onToken, constraint } = req;
  const vocab = model.vocabSize;
  const eos = new Set(req.special.eosTokenIds);
  const sampler = opts.doSample ? new Sampler(opts, vocab, createRng(opts.seed ?? randomSeed())) : null;
  // Greedy scores cost a log-sum-exp over the whole vocabulary per token: only when asked.
  const scored = sampler !== null || opts.outputScores;
  const lookup = !sampler && opts.promptLookupNumTokens > 0 && hasVerify(model) ? new PromptLookup(opts.promptLookupNumTokens, req.lookupSource ?? []) : null;

  const ids = start.slice(); // full sequence, what the processors see
  const generated: number[] = [];
  const scores = new Float32Array(vocab); // reused: the runner may reuse its output buffers
  let score = 0;
  let feed: number[][] = [start.slice()];
  let parents: number[] | null = null;
  let stopReason: DecodeResult['stopReason'] = 'length';
  const stats: DecodeStats = { decoderRuns: 0, draftedTokens: 0, acceptedTokens: 0 };

  /** Processes one position's logits and appends its token; true when decoding must stop. */
  const take = (logits: Float32Array): { token: number; stop: boolean } => {
    scores.set(logits);
    processors.apply(ids, generated.length, scores);
    // The constraint masks after the processors: it has the last word on what may come next.
    if (constraint && !constraint.mask(scores)) return { token: -1, stop: true };
    let token: number;
    if (sampler) {
      const s = sampler.sample(scores);
      token = s.token;
      score += s.logProb;
    } else {
      token = argmax(scores);
      if (scored) score += scores[token] - logSumExp(scores);
    }
    constraint?.advance(token);
    ids.push(token);
    generated.push(token);
    onToken?.({ ids: [token], step: generated.length });
    if (eos.has(token)) {
      stopReason = 'eos';
      return { token, stop: true };
    }
    if (countedStartLength + generated.length >= opts.maxLength) return { token, stop: true };
    // An abort from onToken: no further token, even one a verify has already computed.
    if (signal?.aborted) {
      stopReason = 'aborted';
      return { token, stop: true };
    }
    return { token, stop: false };
  };

  while (countedStartLength + generated.length < opts.maxLength) {
    // Room for k drafts plus the token after them; never on the first (prefill) call.
    const room = opts.maxLength - (countedStartLength + generated.length) - 1;
    const drafts = lookup && parents ? lookup.propose(ids, room) : [];
    if (drafts.length > 0) {
      const verifier = model as Required<StepModel>;
      const rows = await callStepAll(verifier, [[...feed[0], ...drafts]], parents, signal);
      stats.decoderRuns++;
      if (rows === ABORTED) {
        stopReason = 'aborted';
        break;
      }
      stats.draftedTokens += drafts.length;
      let accepted = 0;
      let last = take(rows[0]);
      while (!last.stop && accepted < drafts.length && last.token === drafts[accepted]) {
        accepted++;
        last = take(rows[accepted]);
      }
      stats.acceptedTokens += accepted;
      lookup!.record(accepted, drafts.length);
      if (last.stop) break;
      // The cache holds the fed token and every draft; keep the accepted ones only.
      if (accepted < drafts.length) await verifier.rollback(drafts.length - accepted);
      feed = [[last.token]];
      parents = [0];
      continue;
    }
    const rows = await callStep(model, feed, parents, signal);
    stats.decoderRuns++;
    if (rows === ABORTED) {
      stopReason = 'aborted';
      break;
    }
    const { token, stop } = take(rows[0]);
    if (stop) break;
    feed = [[token]];
    parents = [0];
  }
  // Cut short (length, abort, no token allowed): the constraint's closing tokens finish the
  // output, streamed like the others (they do not add to the score).
  if (constraint && !constraint.complete) {
    const tail = constraint.close();
    if (tail.length) {
      generated.push(...tail);
      onToken?.({ ids: tail, step: generated.length });
    }
  }
  const sequence = scored ? { ids: generated, score } : { ids: generated };
  return { sequences: [sequence], stopReason, stats };
}

function hasVerify(m: StepModel): boolean {
  return typeof m.stepAll === 'function' && typeof m.rollback === 'function' && m.canVerify !== false;
}

/** Longest n-gram matched first when looking for drafts (then shorter ones, down to 1). */
const MAX_NGRAM = 3;
/** Verifies in a row that accept nothing before drafting pauses. */
const MISS_STREAK = 3;

/**
 * Draft proposals and their adaptive length. The draft length grows by 2 after a fully accepted
 * run and shrinks by 1 after a rejection (Hugging Face's assisted-generation heuristic); after
 * MISS_STREAK verifies in a row with nothing accepted, drafting pauses for a number of steps that
 * doubles each time, so a model that does not copy its input (e.g. random weights) pays for
 * a few rejected verifies only.
 */
export class PromptLookup {
  private k: number;
  private misses = 0;
  private pause = 0;
  private pauseLength = 4;

  constructor(
    private readonly maxDrafts: number,
    private readonly source: readonly number[],
  ) {
    this.k = maxDrafts;
  }

  /** Drafts to check after `ids` (at most `room`), or [] to take a plain step. */
  propose(ids: readonly number[], room: number): number[] {
    if (this.pause > 0) {
      this.pause--;
      return [];
    }
    const k = Math.min(this.k, room);
    if (k <= 0) return [];
    return findDrafts(this.source, ids, k, MAX_NGRAM);
  }

  record(accepted: number, drafted: number): void {
    if (accepted === drafted) this.k = Math.min(this.maxDrafts, this.k + 2);
    else this.k = Math.max(1, this.k - 1);
    if (accepted > 0) {
      this.misses = 0;
      return;
    }
    if (++this.misses >= MISS_STREAK) {
      this.misses = 0;
      this.pause = this.pauseLength;
      this.pauseLength *= 2;
    }
  }
}

/**
 * The up to `k` tokens that follow the latest earlier occurrence of the last n tokens of `ids`
 * (n = maxN down to 1) in `source` followed by `ids`.
 */
export function findDrafts(source: readonly number[], ids: readonly number[], k: number, maxN: number): number[] {
  const S = source.length;
  const total = S + ids.length;
  const at = (i: number) => (i < S ? source[i] : ids[i - S]);
  for (let n = Math.min(maxN, ids.length); n >= 1; n--) {
    const tail = total - n; // the n-gram to find starts here
    // Latest occurrence that has at least one token after it and is not the tail itself.
    for (let j = tail - 1; j >= 0; j--) {
      let match = true;
      for (let m = 0; m < n; m++) {
        if (at(j + m) !== at(tail + m)) {
          match = false;
          break;
        }
      }
      if (!match) continue;
      const from = j + n;
      const to = Math.min(from + k, total);
      const out: number[] = [];
      for (let i = from; i < to; i++) out.push(at(i));
      return out;
    }
  }
  return [];
}
