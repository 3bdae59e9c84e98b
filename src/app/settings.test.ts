import { describe, expect, it } from 'vitest';
import { BUILTIN_DEFAULTS, PROMPT_LOOKUP_TOKENS, settingsFromDefaults, settingsProblems, toGenerationOptions } from './settings';

describe('decoding settings', () => {
  it('seeds from a BART-CNN style generation config', () => {
    const s = settingsFromDefaults({ num_beams: 4, no_repeat_ngram_size: 3, max_length: 142, min_length: 56 });
    expect(s.strategy).toBe('beam');
    expect(s.numBeams).toBe(4);
    expect(s.noRepeatNgramSize).toBe(3);
    expect(toGenerationOptions(s)).toEqual({ do_sample: false, num_beams: 4, repetition_penalty: 1, no_repeat_ngram_size: 3 });
  });

  it('maps greedy and sampling, sending limits only when set', () => {
    const greedy = { ...BUILTIN_DEFAULTS, strategy: 'greedy' as const, maxNewTokens: 20, minNewTokens: 5 };
    expect(toGenerationOptions(greedy)).toMatchObject({ do_sample: false, num_beams: 1, max_new_tokens: 20, min_new_tokens: 5 });
    const sample = toGenerationOptions({ ...BUILTIN_DEFAULTS, strategy: 'sample', temperature: 0.5, topK: 10, topP: 0.8 });
    expect(sample).toMatchObject({ do_sample: true, num_beams: 1, temperature: 0.5, top_k: 10, top_p: 0.8 });
    expect(sample.max_new_tokens).toBeUndefined();
  });

  it('reports bad values in words', () => {
    expect(settingsProblems(BUILTIN_DEFAULTS)).toEqual([]);
    expect(settingsProblems({ ...BUILTIN_DEFAULTS, minNewTokens: 50, maxNewTokens: 10 })).toEqual(['Min tokens is larger than max tokens.']);
    expect(settingsProblems({ ...BUILTIN_DEFAULTS, strategy: 'sample', temperature: 0 })).toContain('Temperature must be above 0.');
  });

  it('prompt lookup: off by default, sent only with greedy (0 when off), seeded from the model', () => {
    const greedy = { ...BUILTIN_DEFAULTS, strategy: 'greedy' as const };
    expect(BUILTIN_DEFAULTS.promptLookup).toBe(false);
    expect(toGenerationOptions(greedy).prompt_lookup_num_tokens).toBe(0);
    expect(toGenerationOptions({ ...greedy, promptLookup: true }).prompt_lookup_num_tokens).toBe(PROMPT_LOOKUP_TOKENS);
    expect(toGenerationOptions({ ...BUILTIN_DEFAULTS, promptLookup: true }).prompt_lookup_num_tokens).toBeUndefined();
    expect(toGenerationOptions({ ...greedy, strategy: 'sample', promptLookup: true }).prompt_lookup_num_tokens).toBeUndefined();
    expect(settingsFromDefaults({ num_beams: 1, prompt_lookup_num_tokens: 10 }).promptLookup).toBe(true);
    expect(settingsFromDefaults({ num_beams: 1 }).promptLookup).toBe(false);
  });
});
