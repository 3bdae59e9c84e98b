// Resolves generation options: defaults (generation_config.json) overlaid by the caller's
// options, validated, with Hugging Face length semantics turned into absolute counted lengths.
import type { GenerationOptions } from '../types';
import { GenerationOptionError } from './contract';

/** Hugging Face GenerationConfig defaults for the options the engine implements. */
const HF_DEFAULTS = {
  max_length: 20,
  min_length: 0,
  do_sample: false,
  num_beams: 1,
  length_penalty: 1.0,
  early_stopping: false as boolean | 'never',
  num_return_sequences: 1,
  temperature: 1.0,
  top_k: 50,
  top_p: 1.0,
  repetition_penalty: 1.0,
  no_repeat_ngram_size: 0,
};

const KNOWN: ReadonlySet<string> = new Set<keyof GenerationOptions>([
  'max_length',
  'max_new_tokens',
  'min_length',
  'min_new_tokens',
  'do_sample',
  'num_beams',
  'length_penalty',
  'early_stopping',
  'num_return_sequences',
  'temperature',
  'top_k',
  'top_p',
  'seed',
  'repetition_penalty',
  'no_repeat_ngram_size',
  'bad_words_ids',
  'bad_words',
  'prompt_lookup_num_tokens',
  'output_scores',
]);

/** Prompt-lookup drafts per verify when neither the caller nor the model says (see bench/NOTES.md). */
export const DEFAULT_PROMPT_LOOKUP_TOKENS = 0;
/** Longest draft run one verify may check. */
export const MAX_PROMPT_LOOKUP_TOKENS = 64;

export interface ResolvedOptions {
  /** Stop when countedStartLength + generated reaches this. */
  maxLength: number;
  /** EOS is masked while countedStartLength + generated < minLength (HF min_length). */
  minLength: number;
  /** EOS is masked while fewer than this many tokens were generated (HF min_new_tokens). */
  minNewTokens: number;
  doSample: boolean;
  numBeams: number;
  lengthPenalty: number;
  earlyStopping: boolean | 'never';
  numReturnSequences: number;
  temperature: number;
  /** 0 disables top-k. */
  topK: number;
  topP: number;
  seed: number | undefined;
  repetitionPenalty: number;
  noRepeatNgramSize: number;
  badWordsIds: number[][];
  /** Prompt-lookup drafts per verify (greedy only); 0 when off or when the search is not greedy. */
  promptLookupNumTokens: number;
  /** Greedy: compute the sequence score (a log-sum-exp per token). */
  outputScores: boolean;
}

export interface ResolveInput {
  defaults?: GenerationOptions;
  options: GenerationOptions;
  countedStartLength: number;
  vocabSize: number;
}

export function resolveOptions({ defaults = {}, options, countedStartLength, vocabSize }: ResolveInput): ResolvedOptions {
  const d = cleaned(defaults, 'generation defaults');
  const u = cleaned(options, 'options');
  const pick = <K extends keyof GenerationOptions>(k: K): GenerationOptions[K] => (k in u ? u[k] : d[k]);
  const fromUser = (k: keyof GenerationOptions) => k in u;

  const maxNew = pick('max_new_tokens');
  if (maxNew !== undefined) posInt('max_new_tokens', maxNew);
  const maxLengthOpt = pick('max_length') ?? HF_DEFAULTS.max_length;
  posInt('max_length', maxLengthOpt);
  const minLengthOpt = pick('min_length') ?? HF_DEFAULTS.min_length;
  nonNegInt('min_length', minLengthOpt);
  const minNew = pick('min_new_tokens') ?? 0;
  nonNegInt('min_new_tokens', minNew);

  // As in transformers: max_new_tokens, when set, overrides max_length.
  const maxLength = maxNew !== undefined ? countedStartLength + maxNew : maxLengthOpt;
  if (maxLength <= countedStartLength) {
    throw new GenerationOptionError(
      'max_length',
      `${maxLength} leaves no room to generate after the ${countedStartLength} counted start tokens; ` +
        `raise it or set max_new_tokens instead`,
    );
  }
  // A minimum above the maximum is an error when the caller asked for it; when it comes from the
  // model's defaults (e.g. BART-CNN min_length 56) and the caller shortened max, HF semantics
  // apply: EOS stays masked and generation stops at the maximum.
  if (minLengthOpt > maxLength && fromUser('min_length')) {
    throw new GenerationOptionError('min_length', `${minLengthOpt} exceeds the maximum length ${maxLength}`);
  }
  if (countedStartLength + minNew > maxLength && fromUser('min_new_tokens')) {
    throw new GenerationOptionError(
      'min_new_tokens',
      `${minNew} exceeds the ${maxLength - countedStartLength} new tokens allowed by max_length/max_new_tokens`,
    );
  }

  const doSample = pick('do_sample') ?? HF_DEFAULTS.do_sample;
  if (typeof doSample !== 'boolean') bad('do_sample', 'must be true or false', doSample);

  const numBeams = pick('num_beams') ?? HF_DEFAULTS.num_beams;
  posInt('num_beams', numBeams);
  const numReturnSequences = pick('num_return_sequences') ?? HF_DEFAULTS.num_return_sequences;
  posInt('num_return_sequences', numReturnSequences);
  if (numReturnSequences > numBeams) {
    throw new GenerationOptionError(
      'num_return_sequences',
      `${numReturnSequences} is more than num_beams (${numBeams}); only beam search returns several sequences`,
    );
  }
  if (doSample && numBeams > 1) {
    throw new GenerationOptionError(
      'num_beams',
      `beam sampling (do_sample with num_beams ${numBeams}) is not supported; use num_beams 1 to sample`,
    );
  }

  const lengthPenalty = pick('length_penalty') ?? HF_DEFAULTS.length_penalty;
  finite('length_penalty', lengthPenalty);
  const earlyStopping = pick('early_stopping') ?? HF_DEFAULTS.early_stopping;
  if (earlyStopping !== true && earlyStopping !== false && earlyStopping !== 'never') {
    bad('early_stopping', "must be true, false or 'never'", earlyStopping);
  }

  const temperature = pick('temperature') ?? HF_DEFAULTS.temperature;
  finite('temperature', temperature);
  if (temperature < 0 || (doSample && temperature === 0)) {
    bad('temperature', 'must be > 0 when sampling (use do_sample: false for greedy)', temperature);
  }
  const topK = pick('top_k') ?? HF_DEFAULTS.top_k;
  nonNegInt('top_k', topK);
  const topP = pick('top_p') ?? HF_DEFAULTS.top_p;
  finite('top_p', topP);
  if (!(topP > 0 && topP <= 1)) bad('top_p', 'must be in (0, 1]', topP);
  const seed = pick('seed');
  if (seed !== undefined && !Number.isSafeInteger(seed)) bad('seed', 'must be a safe integer', seed);

  const repetitionPenalty = pick('repetition_penalty') ?? HF_DEFAULTS.repetition_penalty;
  finite('repetition_penalty', repetitionPenalty);
  if (repetitionPenalty <= 0) bad('repetition_penalty', 'must be > 0 (1 means no penalty)', repetitionPenalty);
  const noRepeatNgramSize = pick('no_repeat_ngram_size') ?? HF_DEFAULTS.no_repeat_ngram_size;
  nonNegInt('no_repeat_ngram_size', noRepeatNgramSize);

  const badWordsIds = pick('bad_words_ids') ?? [];
  checkBadWords(badWordsIds, vocabSize);
  const badWords = pick('bad_words');
  if (badWords !== undefined && (!Array.isArray(badWords) || badWords.length > 0)) {
    // Text needs the tokenizer, which lives in the model runner; silently ignoring it would
    // let banned words through.
    throw new GenerationOptionError('bad_words', 'must be tokenized into bad_words_ids by the model runner before decoding');
  }

  const lookupOpt = pick('prompt_lookup_num_tokens');
  if (lookupOpt !== undefined) {
    nonNegInt('prompt_lookup_num_tokens', lookupOpt);
    if (lookupOpt > MAX_PROMPT_LOOKUP_TOKENS) bad('prompt_lookup_num_tokens', `must be at most ${MAX_PROMPT_LOOKUP_TOKENS}`, lookupOpt);
  }
  const greedy = !doSample && numBeams === 1;
  // Asking for it with beams or sampling is a contradiction; a model default is just not used.
  if (lookupOpt && !greedy && fromUser('prompt_lookup_num_tokens')) {
    throw new GenerationOptionError(
      'prompt_lookup_num_tokens',
      'prompt-lookup decoding is only for greedy decoding (num_beams 1, do_sample false)',
    );
  }
  const promptLookupNumTokens = greedy ? (lookupOpt ?? DEFAULT_PROMPT_LOOKUP_TOKENS) : 0;
  const outputScores = pick('output_scores') ?? false;
  if (typeof outputScores !== 'boolean') bad('output_scores', 'must be true or false', outputScores);

  return {
    maxLength,
    minLength: minLengthOpt,
    minNewTokens: minNew,
    doSample,
    numBeams,
    lengthPenalty,
    earlyStopping,
    numReturnSequences,
    temperature,
    topK,
    topP,
    seed,
    repetitionPenalty,
    noRepeatNgramSize,
    badWordsIds,
    promptLookupNumTokens,
    outputScores,
  };
}

/** Rejects unknown names and drops unset (undefined/null) entries. */
function cleaned(o: GenerationOptions, where: string): GenerationOptions {
  if (o === null || typeof o !== 'object') throw new GenerationOptionError(where, 'must be an object');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (!KNOWN.has(k)) {
      throw new GenerationOptionError(k, `unknown option in ${where}; known: ${[...KNOWN].join(', ')}`);
    }
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out as GenerationOptions;
}

function bad(name: string, why: string, got: unknown): never {
  throw new GenerationOptionError(name, `${why}, got ${describe(got)}`);
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function finite(name: string, v: unknown): asserts v is number {
  if (typeof v !== 'number' || !Number.isFinite(v)) bad(name, 'must be a finite number', v);
}

function posInt(name: string, v: unknown): asserts v is number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) bad(name, 'must be an integer >= 1', v);
}

function nonNegInt(name: string, v: unknown): asserts v is number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) bad(name, 'must be an integer >= 0', v);
}

function checkBadWords(v: unknown, vocabSize: number): asserts v is number[][] {
  if (!Array.isArray(v)) bad('bad_words_ids', 'must be an array of token-id arrays', v);
  for (const word of v) {
    if (!Array.isArray(word) || word.length === 0) bad('bad_words_ids', 'every entry must be a non-empty array', word);
    for (const id of word) {
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= vocabSize) {
        bad('bad_words_ids', `token ids must be integers in [0, ${vocabSize})`, id);
      }
    }
  }
}
