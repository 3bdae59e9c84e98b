// Beam search for one input, following Hugging Face Python's (vectorised, v4.50+) `_beam_search`
// semantics; transformers.js has no beam search to compare with.
//  - scores are log-softmax(logits) THEN the logits processors, summed along the beam;
//  - each step keeps the best num_beams * max(2, 1 + #eos) candidates over all beams; a candidate
//    ending in EOS (or reaching max_length) becomes a finished hypothesis only if it ranks within
//    the top num_beams; the best num_beams unfinished candidates run on;
//  - a finished hypothesis scores sum_logprobs / generated_len ** length_penalty, where
//    generated_len counts the generated tokens including the final EOS (as returned in `ids`);
//  - early_stopping true stops once num_beams hypotheses are finished; false stops when the best
//    running beam, scored at its current length, cannot beat the worst finished one (HF's
//    heuristic); 'never' uses the best length reachable, which makes the stop exact.
// The first step expands the single start row into up to num_beams rows through `parents`.
import type { DecodeRequest, DecodeResult, DecodedSequence } from './contract';
import type { ResolvedOptions } from './options';
import type { LogitsProcessors } from './processors';
import { logSumExp, TopK } from './select';
import { ABORTED, callStep } from './step';

interface Hypothesis {
  ids: number[];
  score: number;
}

/** Finished hypotheses, best first (ties keep the earlier one first), at most `capacity`. */
class FinishedHypotheses {
  readonly list: Hypothesis[] = [];
  constructor(private readonly capacity: number) {}

  get full(): boolean {
    return this.list.length >= this.capacity;
  }

  get worst(): number {
    return this.list[this.list.length - 1].score;
  }

  add(h: Hypothesis): void {
    const l = this.list;
    if (this.full && !(h.score > this.worst)) return;
    let i = l.length;
    while (i > 0 && l[i - 1].score < h.score) i--;
    l.splice(i, 0, h);
    if (l.length > this.capacity) l.pop();
  }
}

export async function beamSearch(req: DecodeRequest, opts: ResolvedOptions, processors: LogitsProcessors): Promise<DecodeResult> {
  const { model, start, countedStartLength, signal, onToken } = req;
  const V = model.vocabSize;
  const numBeams = opts.numBeams;
  const eos = new Set(req.special.eosTokenIds);
  const lp = opts.lengthPenalty;
  const keep = numBeams * Math.max(2, 1 + eos.size);
  const heap = new TopK(keep);
  const candScores = new Float64Array(keep);
  const candFlat = new Int32Array(keep);
  const logProbs: Float64Array[] = [];
  const finished = new FinishedHypotheses(numBeams);
  const startLen = start.length;
  const maxNew = opts.maxLength - countedStartLength;

  // Running beams: full sequences (start + generated) and summed log-probs, best first.
  let seqs: number[][] = [start.slice()];
  let beamScores: number[] = [0];
  let feed: number[][] = [start.slice()];
  let parents: number[] | null = null;
  let generated = 0;
  let emitted = 0;
  let aborted = false;

  const emit = (ids: number[]) => {
    if (ids.length === 0) return;
    emitted += ids.length;
    onToken?.({ ids, step: emitted });
  };

  for (;;) {
    const rows = await callStep(model, feed, parents, signal);
    if (rows === ABORTED) {
      aborted = true;
      break;
    }

    heap.reset(keep);
    for (let r = 0; r < rows.length; r++) {
      let buf = logProbs[r];
      if (!buf) buf = logProbs[r] = new Float64Array(V);
      const logits = rows[r];
      const lse = logSumExp(logits);
      for (let i = 0; i < V; i++) buf[i] = logits[i] - lse;
      processors.apply(seqs[r], generated, buf);
      const base = beamScores[r];
      const offset = r * V;
      for (let i = 0; i < V; i++) {
        const v = base + buf[i];
        if (v > -Infinity && v >= heap.threshold) heap.push(v, offset + i);
      }
    }
    const n = heap.drainSorted(candScores, candFlat);

    generated++;
    const hitsMax = generated >= maxNew;
    const denom = Math.pow(generated, lp);
    const nextSeqs: number[][] = [];
    const nextScores: number[] = [];
    const nextParents: number[] = [];
    const nextFeed: number[][] = [];
    for (let c = 0; c < n; c++) {
      const r = Math.floor(candFlat[c] / V);
      const token = candFlat[c] - r * V;
      if (eos.has(token) || hitsMax) {
        // Only candidates among the top num_beams may finish (HF's top_num_beam_mask).
        if (c < numBeams) {
          const ids = seqs[r].slice(startLen);
          ids.push(token);
          finished.add({ ids, score: candScores[c] / denom });
        }
      } else if (nextSeqs.length < numBeams) {
        const seq = seqs[r].slice();
        seq.push(token);
        nextSeqs.push(seq);
        nextScores.push(candScores[c]);
        nextParents.push(r);
        nextFeed.push([token]);
      }
    }
    seqs = nextSeqs;
    beamScores = nextScores;
    if (hitsMax || seqs.length === 0) break;

    emit(newlySettled(seqs, startLen, finished.list[0]?.ids, emitted));
    if (finished.full) {
      if (opts.earlyStopping === true) break;
      const hypLen = opts.earlyStopping === 'never' && lp > 0 ? maxNew : generated;
      if (!(beamScores[0] / Math.pow(hypLen, lp) > finished.worst)) break;
    }
    feed = nextFeed;
    parents = nextParents;
  }

  let results: Hypothesis[] = finished.list;
  if (aborted || results.length === 0) {
    // Stopped early (or nothing could finish): running beams compete at their current length.
    const all = new FinishedHypotheses(numBeams);
    for (const h of results) all.add(h);
    if (generated > 0 || results.length === 0) {
      for (let r = 0; r < seqs.length; r++) {
        const len = seqs[r].length - startLen;
        all.add({ ids: seqs[r].slice(startLen), score: len > 0 ? beamScores[r] / Math.pow(len, lp) : beamScores[r] });
      }
    }
    results = all.list;
  }
  const sequences: DecodedSequence[] = results.slice(0, opts.numReturnSequences).map((h) => ({ ids: h.ids, score: h.score }));
  if (sequences.length === 0) sequences.push({ ids: [], score: 0 });
  const best = sequences[0].ids;
  emit(best.slice(emitted));
  const stopReason = aborted ? 'aborted' : best.length > 0 && eos.has(best[best.length - 1]) ? 'eos' : 'length';
  return { sequences, stopReason };
}

/**
 * Generated tokens no later step can change: the common prefix of every running beam and of the
 * best finished hypothesis (the only finished one that can still end up best). Returns the part
 * beyond what was already emitted.
 */
function newlySettled(seqs: number[][], startLen: number, best: number[] | undefined, emitted: number): number[] {
  const first = seqs[0];
  let end = first.length - startLen;
  if (best) end = Math.min(end, best.length);
  for (let r = 1; r < seqs.length; r++) end = Math.min(end, seqs[r].length - startLen);
  let i = emitted;
  outer: for (; i < end; i++) {
    const t = first[startLen + i];
    for (let r = 1; r < seqs.length; r++) if (seqs[r][startLen + i] !== t) break outer;
    if (best && best[i] !== t) break;
  }
  return i > emitted ? first.slice(startLen + emitted, startLen + i) : [];
}
