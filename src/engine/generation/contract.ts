// The seam between the decoding algorithms (greedy, beam, sampling, logits processors; pure
// TypeScript, testable with fake models) and the ONNX model runners (seq2seq, decoder-only).
import type { GenerationOptions, TokenEvent } from '../types';
import type { Scores } from './select';

/**
 * A model the decoding loop can drive one step at a time. Rows are hypotheses (beams or
 * sequences). The runner owns the KV cache; `parents` tells it how to reorder the cache rows
 * before this step.
 */
export interface StepModel {
  readonly vocabSize: number;
  /**
   * Feed `tokens[r]` (the new token ids of row r; on the first call the whole start sequence)
   * and return the logits of the last position of every row, one Float32Array of vocabSize each.
   * `parents[r]` is the row of the previous call whose cache row r continues; null on the first
   * call. `parents.length` may differ from the previous row count (e.g. 1 row expands to N beams).
   */
  step(tokens: number[][], parents: number[] | null, signal?: AbortSignal): Promise<Float32Array[]>;
  /**
   * Optional (prompt-lookup decoding needs it): like step(), but returns the logits of EVERY fed
   * position, row-major: row r position p at index r * tokens[0].length + p.
   */
  stepAll?(tokens: number[][], parents: number[] | null, signal?: AbortSignal): Promise<Float32Array[]>;
  /**
   * Optional (with stepAll): forget the last `positions` positions of every row's cache, i.e.
   * drafts the model rejected. The next step() continues from the shorter sequence.
   */
  rollback?(positions: number): Promise<void>;
  /**
   * False when stepAll cannot take several tokens after the first step (Optimum's split
   * decoder_with_past graphs fix input_ids to one token); prompt lookup is then not used.
   */
  readonly canVerify?: boolean;
}

/** Token ids and length rules the loop needs, taken from config.json / generation_config.json. */
export interface SpecialTokens {
  eosTokenIds: number[];
  padTokenId?: number;
  forcedBosTokenId?: number;
  forcedEosTokenId?: number;
}

export interface DecodeRequest {
  model: StepModel;
  /** Sequence every hypothesis starts from: decoder start ids (seq2seq) or the prompt (decoder-only). */
  start: number[];
  /**
   * How many tokens of `start` count towards max_length/min_length, as in Hugging Face:
   * seq2seq counts the decoder start token, decoder-only counts the whole prompt.
   */
  countedStartLength: number;
  /** The caller's options; they override `defaults` key by key. */
  options: GenerationOptions;
  /** Defaults from generation_config.json (see readGenerationConfig); HF defaults fill the rest. */
  defaults?: GenerationOptions;
  special: SpecialTokens;
  signal?: AbortSignal;
  /**
   * Prompt-lookup decoding searches drafts in these tokens followed by the decoded sequence
   * (`start` + generated): the encoder input for seq2seq; nothing for decoder-only, whose prompt
   * already is `start`.
   */
  lookupSource?: readonly number[];
  /** Called as tokens of the best hypothesis become final (each step for greedy/sampling). */
  onToken?: (ev: Omit<TokenEvent, 'text'>) => void;
  /**
   * Constrained decoding (greedy and sampling; beam search rejects it): a fresh constraint for
   * this run, e.g. a JSON schema's (./json). Its mask is applied after the logits processors.
   */
  constraint?: TokenConstraint;
}

/** Restricts which tokens may come next; stateful, one per run. */
export interface TokenConstraint {
  /**
   * Sets the scores of tokens not allowed next to -Infinity. Should the processors have banned
   * every allowed token, the constraint wins and leaves one allowed token finite. Returns false
   * (scores untouched) when no token at all may follow: decoding then stops.
   */
  mask(scores: Scores): boolean;
  /** Records the token chosen (one the last mask allowed). */
  advance(token: number): void;
  /** True when the tokens so far form a complete output. */
  readonly complete: boolean;
  /** Ends an output cut short (max length, abort): the ids that complete it, appended as generated. */
  close(): number[];
}

export interface DecodedSequence {
  /** Generated ids only (start excluded). */
  ids: number[];
  /**
   * Beam score (length-penalised sum of log-probs) or sum of log-probs; greedy leaves it out
   * unless `output_scores` is set (it costs a full-vocabulary log-sum-exp per token).
   */
  score?: number;
}

/** What the loop asked of the model. */
export interface DecodeStats {
  /** step()/stepAll() calls. */
  decoderRuns: number;
  /** Prompt-lookup drafts fed to the model for checking. */
  draftedTokens: number;
  /** Drafts equal to what plain greedy picks (each saves one decoder run). */
  acceptedTokens: number;
}

export interface DecodeResult {
  sequences: DecodedSequence[];
  stopReason: 'eos' | 'length' | 'aborted';
  stats?: DecodeStats;
}

/** Implemented in ./decode.ts: validates options (throwing GenerationOptionError) and runs the search. */
export type Decode = (req: DecodeRequest) => Promise<DecodeResult>;

export class GenerationOptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`Invalid generation option "${option}": ${message}`);
    this.name = 'GenerationOptionError';
  }
}
