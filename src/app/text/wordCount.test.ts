import { beforeEach, describe, expect, it } from 'vitest';
import { countText } from '../../pipeline/cjk/script';
import { setLanguage } from '../i18n';
import { countLabel, estimateTokens } from './wordCount';

describe('count labels', () => {
  beforeEach(() => setLanguage('en'));

  it('names words for Latin text, characters for Chinese, both for mixed text', async () => {
    expect(countLabel(countText('one two three'))).toBe('3 words');
    expect(countLabel(countText('one'))).toBe('1 word');
    expect(countLabel({ words: 12345, characters: 0 })).toBe('12,345 words');
    expect(countLabel(countText('中文摘要'))).toBe('4 characters');
    expect(countLabel(countText('使用 BERT 模型'))).toBe('4 characters · 1 word');
    await setLanguage('zh');
    expect(countLabel(countText('中文摘要'))).toBe('4 字');
    expect(countLabel(countText('使用 BERT 模型'))).toBe('4 字 · 1 个词');
  });

  it('estimates more tokens than words, and about one per Chinese character', () => {
    expect(estimateTokens({ words: 1000, characters: 0 })).toBeGreaterThan(1000);
    expect(estimateTokens({ words: 0, characters: 600 })).toBe(600);
    expect(estimateTokens({ words: 0, characters: 0 })).toBe(0);
  });
});
