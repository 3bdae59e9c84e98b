// Logits processors with Hugging Face / transformers.js semantics, applied in the same order as
// transformers.js `_get_logits_processor`: repetition penalty, no-repeat n-gram, bad words,
// min_length, min_new_tokens, forced BOS, forced EOS. Greedy/sampling apply them to raw logits
// (Float32Array, as transformers.js does, so float32 rounding matches); beam search applies them
// to log-probabilities, as HF Python's beam search does.
//
// Known HF Python vs transformers.js difference we follow transformers.js on: Python drops a
// bad word equal to [eos]; transformers.js (and we) ban it like any other word.
import type { SpecialTokens } from './contract';
import type { ResolvedOptions } from './options';
import type { Scores } from './select';

export class LogitsProcessors {
  private readonly seen: Uint32Array;
  private stamp = 0;
  private readonly eos: number[];

  constructor(
    private readonly opts: ResolvedOptions,
    special: SpecialTokens,
    vocabSize: number,
    /** countedStartLength: how many start tokens count towards min/max length. */
    private readonly countedStart: number,
  ) {
    this.eos = special.eosTokenIds;
    this.forcedBos = special.forcedBosTokenId;
    this.forcedEos = special.forcedEosTokenId;
    this.seen = new Uint32Array(opts.repetitionPenalty !== 1 ? vocabSize : 0);
  }

  private readonly forcedBos: number | undefined;
  private readonly forcedEos: number | undefined;

  /**
   * Rewrites `scores` in place for the row whose full token sequence (start + generated) is
   * `ids`, of which `generated` tokens were generated.
   */
  apply(ids: readonly number[], generated: number, scores: Scores): void {
    const o = this.opts;
    if (o.repetitionPenalty !== 1) this.repetition(ids, scores);
    if (o.noRepeatNgramSize > 0) banRepeatedNgrams(ids, o.noRepeatNgramSize, scores);
    if (o.badWordsIds.length > 0) banBadWords(ids, o.badWordsIds, scores);
    const curLen = this.countedStart + generated;
    if (o.minLength > 0 && curLen < o.minLength) this.maskEos(scores);
    if (o.minNewTokens > 0 && generated < o.minNewTokens) this.maskEos(scores);
    // transformers.js and HF Python both key forced BOS on the whole sequence having length 1
    // (a lone decoder start token), not on "first generated position" in general.
    if (this.forcedBos !== undefined && ids.length === 1) force(scores, [this.forcedBos]);
    if (this.forcedEos !== undefined && curLen === o.maxLength - 1) force(scores, [this.forcedEos]);
  }

  private maskEos(scores: Scores): void {
    for (const e of this.eos) scores[e] = -Infinity;
  }

  /** Each distinct id once: divide positive scores, multiply negative ones (CTRL paper, HF). */
  private repetition(ids: readonly number[], scores: Scores): void {
    const p = this.opts.repetitionPenalty;
    const seen = this.seen;
    if (++this.stamp === 0xffffffff) {
      seen.fill(0);
      this.stamp = 1;
    }
    const s = this.stamp;
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i];
      if (seen[t] === s) continue;
      seen[t] = s;
      if (scores[t] < 0) scores[t] *= p;
      else scores[t] /= p;
    }
  }
}

/** Bans every token that would complete an n-gram already present in `ids`. */
export function banRepeatedNgrams(ids: readonly number[], n: number, scores: Scores): void {
  const len = ids.length;
  if (len + 1 < n) return;
  const prefixStart = len - n + 1; // the last n-1 tokens
  for (let j = 0; j + n <= len; j++) {
    let match = true;
    for (let k = 0; k < n - 1; k++) {
      if (ids[j + k] !== ids[prefixStart + k]) {
        match = false;
        break;
      }
    }
    if (match) scores[ids[j + n - 1]] = -Infinity;
  }
}

/** Bans the last token of each bad word whose other tokens end the sequence. */
export function banBadWords(ids: readonly number[], badWords: readonly number[][], scores: Scores): void {
  const len = ids.length;
  for (const word of badWords) {
    const m = word.length - 1;
    if (len < m) continue;
    let match = true;
    for (let j = 1; j <= m; j++) {
      if (word[m - j] !== ids[len - j]) {
        match = false;
        break;
      }
    }
    if (match) scores[word[m]] = -Infinity;
  }
}

function force(scores: Scores, allowed: readonly number[]): void {
  scores.fill(-Infinity);
  for (const t of allowed) scores[t] = 0;
}
