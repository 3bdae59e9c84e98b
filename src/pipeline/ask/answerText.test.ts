import { describe, expect, it } from 'vitest';
import { tidyAnswer, withoutHalfSentence, withoutLoops } from './answerText';

describe('answer tidying', () => {
  it('drops the half sentence a length stop leaves, keeping the markers of the last whole one', () => {
    expect(withoutHalfSentence('It rose by 0.8 degrees. [1] Lakes above 2000 metres')).toBe('It rose by 0.8 degrees. [1]');
    expect(withoutHalfSentence('It rose by 0.8 degrees [1]. Lakes')).toBe('It rose by 0.8 degrees [1].');
    expect(withoutHalfSentence('no sentence end at all')).toBe('no sentence end at all');
  });

  it('stops at the sentence where a loop starts', () => {
    const looped = 'The metadata should include dates and names. It should include the sample collection method, sample collection method, sample collection methods, sample collection method, sample collection type.';
    expect(withoutLoops(looped)).toBe('The metadata should include dates and names.');
    const repeated = 'The author list is a collection of all the contributions. The author list is a collection of all the contributions made by the author.';
    expect(withoutLoops(repeated)).toBe('The author list is a collection of all the contributions.');
  });

  it('leaves a plain answer alone', () => {
    const a = 'Hetionet integrates 29 public resources [1]. It has 47,031 nodes [2].';
    expect(tidyAnswer(a, false)).toBe(a);
    expect(tidyAnswer(a, true)).toBe(a);
  });
});
