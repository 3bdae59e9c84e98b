import { describe, expect, it } from 'vitest';
import { fileBaseName, render, titleOf, type SummaryRecord } from './summaryExport';

const record: SummaryRecord = {
  title: 'Attention Is All You Need',
  summary: '## Key points\n- **Transformers** drop recurrence.\n- See [code](https://x.org).',
  kind: 'abstractive',
  partial: false,
  modelId: 'distilbart-cnn-6-6',
  backend: 'webgpu',
  threads: 4,
  fellBack: null,
  style: 'key_points',
  length: 'short',
  generation: { num_beams: 4, max_new_tokens: 120 },
  sectionsIncluded: ['Introduction'],
  timings: { summaryMs: 1200, firstTextMs: 300, tokensPerSecond: 20 },
  sourceName: 'paste',
  sourceWordCount: 5000,
  date: '2026-01-02T03:04:05.000Z',
};

describe('summary exports', () => {
  it('markdown keeps the summary verbatim under the title', () => {
    const md = render('md', record);
    expect(md.startsWith('# Attention Is All You Need\n')).toBe(true);
    expect(md).toContain(record.summary);
    expect(md).toContain('Abstractive summary by distilbart-cnn-6-6 on webgpu');
  });

  it('text drops the markup', () => {
    const txt = render('txt', record);
    expect(txt).toContain('- Transformers drop recurrence.');
    expect(txt).not.toContain('**');
    expect(txt).not.toContain('](');
  });

  it('json round-trips every field', () => {
    expect(JSON.parse(render('json', record))).toEqual(record);
  });

  it('labels extractive and stopped summaries', () => {
    const txt = render('txt', { ...record, kind: 'extractive', partial: true });
    expect(txt).toContain('Extractive summary');
    expect(txt).toContain('stopped before the end');
  });

  it('builds safe file names', () => {
    expect(fileBaseName('Attention Is All You Need')).toBe('attention-is-all-you-need-summary');
    expect(fileBaseName('../../etc/passwd')).toBe('etc-passwd-summary');
    expect(fileBaseName('Über <script> naïve: CON')).toBe('uber-script-naive-con-summary');
    expect(fileBaseName('???')).toBe('paper-summary');
    expect(fileBaseName('x'.repeat(200)).length).toBeLessThanOrEqual(60 + '-summary'.length);
  });

  it('takes the title from the paper or the first line', () => {
    expect(titleOf('  A Title ', 'x')).toBe('A Title');
    expect(titleOf('', '\n\n# Deep Nets\nbody')).toBe('Deep Nets');
    expect(titleOf(undefined, '   ')).toBe('Untitled paper');
  });

  it('keeps Markdown markup out of titles (history and exports)', () => {
    expect(titleOf(undefined, '**Deep _Sparse_ Nets**\n\nbody')).toBe('Deep Sparse Nets');
    expect(titleOf('# A `Fast` [Reader](https://x.org)', '')).toBe('A Fast Reader');
  });
});
