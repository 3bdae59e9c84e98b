// The settings panel's values and their mapping to Hugging Face generation options. Empty
// min/max fields mean "let the summary length choose".
import type { GenerationOptions } from '../engine/types';
import { t } from './i18n';

export type Strategy = 'greedy' | 'beam' | 'sample';

export interface DecodingSettings {
  strategy: Strategy;
  numBeams: number;
  temperature: number;
  topP: number;
  topK: number;
  repetitionPenalty: number;
  noRepeatNgramSize: number;
  minNewTokens: number | null;
  maxNewTokens: number | null;
  /** Greedy only: prompt-lookup decoding (drafts copied from the paper, same output as greedy). */
  promptLookup: boolean;
}

/** Draft tokens per verify when prompt lookup is on (the engine adapts it from there). */
export const PROMPT_LOOKUP_TOKENS = 4;

export const BUILTIN_DEFAULTS: DecodingSettings = {
  strategy: 'beam',
  numBeams: 4,
  temperature: 0.7,
  topP: 0.9,
  topK: 50,
  repetitionPenalty: 1.0,
  noRepeatNgramSize: 3,
  minNewTokens: null,
  maxNewTokens: null,
  promptLookup: false,
};

/** Settings seeded from a model's generation_config.json; what it lacks keeps the built-in value. */
export function settingsFromDefaults(d: GenerationOptions | null | undefined): DecodingSettings {
  if (!d) return { ...BUILTIN_DEFAULTS };
  const beams = d.num_beams ?? BUILTIN_DEFAULTS.numBeams;
  return {
    strategy: d.do_sample ? 'sample' : beams > 1 ? 'beam' : 'greedy',
    numBeams: Math.max(2, beams),
    temperature: d.temperature ?? BUILTIN_DEFAULTS.temperature,
    topP: d.top_p ?? BUILTIN_DEFAULTS.topP,
    topK: d.top_k ?? BUILTIN_DEFAULTS.topK,
    repetitionPenalty: d.repetition_penalty ?? BUILTIN_DEFAULTS.repetitionPenalty,
    noRepeatNgramSize: d.no_repeat_ngram_size ?? 0,
    minNewTokens: null,
    maxNewTokens: null,
    promptLookup: (d.prompt_lookup_num_tokens ?? 0) > 0,
  };
}

export function toGenerationOptions(s: DecodingSettings): GenerationOptions {
  const o: GenerationOptions = {
    repetition_penalty: s.repetitionPenalty,
    no_repeat_ngram_size: s.noRepeatNgramSize,
  };
  // Off is sent as 0 too, so the checkbox also overrides a model whose generation_config turns it on.
  if (s.strategy === 'greedy') Object.assign(o, { do_sample: false, num_beams: 1, prompt_lookup_num_tokens: s.promptLookup ? PROMPT_LOOKUP_TOKENS : 0 });
  else if (s.strategy === 'beam') Object.assign(o, { do_sample: false, num_beams: s.numBeams });
  else Object.assign(o, { do_sample: true, num_beams: 1, temperature: s.temperature, top_p: s.topP, top_k: s.topK });
  if (s.minNewTokens !== null) o.min_new_tokens = s.minNewTokens;
  if (s.maxNewTokens !== null) o.max_new_tokens = s.maxNewTokens;
  return o;
}

/** Plain-words problems with the current values, shown next to the Summarize button. */
export function settingsProblems(s: DecodingSettings): string[] {
  const p: string[] = [];
  if (s.maxNewTokens !== null && s.maxNewTokens < 1) p.push(t('settings.problem.maxTokens'));
  if (s.minNewTokens !== null && s.maxNewTokens !== null && s.minNewTokens > s.maxNewTokens) p.push(t('settings.problem.minOverMax'));
  if (s.strategy === 'beam' && (s.numBeams < 2 || s.numBeams > 16)) p.push(t('settings.problem.beams'));
  if (s.strategy === 'sample') {
    if (!(s.temperature > 0)) p.push(t('settings.problem.temperature'));
    if (!(s.topP > 0 && s.topP <= 1)) p.push(t('settings.problem.topP'));
    if (s.topK < 0) p.push(t('settings.problem.topK'));
  }
  if (!(s.repetitionPenalty > 0)) p.push(t('settings.problem.repetition'));
  if (s.noRepeatNgramSize < 0) p.push(t('settings.problem.noRepeat'));
  return p;
}
