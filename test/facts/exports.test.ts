// Exports: RFC 4180 CSV, Markdown with caller-given labels, BibTeX with LaTeX escaping, JSON.
import { describe, expect, it } from 'vitest';
import { citationKey, emptyFacts, escapeLatex, factsToBibtex, factsToCsv, factsToJson, factsToMarkdown, type PaperFacts } from '../../src/pipeline/facts';
import { csvField } from '../../src/pipeline/facts/exports';
import { makePaper } from './helpers';

const paper = makePaper([
  { title: 'Results', text: 'It reaches 92.1% accuracy, "a record", on ImageNet.\nSecond line.' },
]);
const facts: PaperFacts = {
  ...emptyFacts(),
  title: { value: 'Fast & Correct: 100% of $x_i$ {sampled}', refs: [], source: 'rules' },
  authors: [
    { value: 'Daniel Foreman-Mackey', refs: [], source: 'rules' },
    { value: 'Martin Mächler', refs: [], source: 'rules' },
  ],
  year: { value: '2019', refs: [], source: 'rules' },
  arxivId: { value: 'hep-th/9901001', refs: [], source: 'rules' },
  results: [{ value: '92.1', unit: '%', measured: 'accuracy, top-1', comparedWith: 'the "best" baseline', refs: [{ section: 0, position: 0 }], source: 'model', unsupported: true }],
};

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('')).toBe('');
  });

  it('one row per value with section and sentence, CRLF line ends', () => {
    const csv = factsToCsv(facts, paper);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('field,value,unit,measured,compared_with,kind,section,sentence,unverified');
    expect(lines).toContain('Results,92.1,%,"accuracy, top-1","the ""best"" baseline",,Results,"It reaches 92.1% accuracy, ""a record"", on ImageNet.",true');
    expect(lines.filter(Boolean)).toHaveLength(1 + 1 + 2 + 1 + 1 + 1);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('takes translated field labels', () => {
    expect(factsToCsv(facts, paper, { results: '结果' })).toContain('\r\n结果,92.1');
  });
});

describe('Markdown', () => {
  it('headings per field, values with their section, unverified marked', () => {
    const md = factsToMarkdown(facts, paper);
    expect(md).toContain('## Results\n\n- 92.1% (accuracy, top-1), compared with the "best" baseline _(unverified)_ — Section: Results');
    expect(md).toContain('## Authors\n\n- Daniel Foreman-Mackey\n- Martin Mächler');
    expect(md.startsWith('# Facts: Fast & Correct: 100% of $x\\_i$ \\{sampled\\}')).toBe(true);
  });

  it('uses the labels it is given', () => {
    const md = factsToMarkdown(facts, paper, { facts: '要点', results: '结果', section: '章节', unverified: '未核实', comparedWith: '对比' });
    expect(md).toContain('# 要点');
    expect(md).toContain('## 结果');
    expect(md).toContain('对比 the "best" baseline _(未核实)_ — 章节: Results');
  });
});

describe('BibTeX', () => {
  it('escapes LaTeX specials', () => {
    expect(escapeLatex('A & B 100% $5 #1 x_i {y} ~ ^ \\')).toBe('A \\& B 100\\% \\$5 \\#1 x\\_i \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  });

  it('an arXiv preprint is @misc with eprint fields and a stable key', () => {
    const bib = factsToBibtex(facts);
    expect(bib).toBe(
      [
        '@misc{foremanmackey2019fast,',
        '  title         = {Fast \\& Correct: 100\\% of \\$x\\_i\\$ \\{sampled\\}},',
        '  author        = {Daniel Foreman-Mackey and Martin Mächler},',
        '  year          = {2019},',
        '  eprint        = {hep-th/9901001},',
        '  archivePrefix = {arXiv},',
        '  primaryClass  = {hep-th}',
        '}',
        '',
      ].join('\n'),
    );
    expect(citationKey(facts)).toBe(citationKey(structuredClone(facts)));
  });

  it('a paper with a venue is @article with journal and DOI', () => {
    const bib = factsToBibtex({ ...facts, arxivId: undefined, venue: { value: 'Journal of Open Source Software', refs: [], source: 'rules' }, doi: { value: '10.21105/joss.01864', refs: [], source: 'rules' } });
    expect(bib).toMatch(/^@article\{foremanmackey2019fast,/);
    expect(bib).toContain('journal = {Journal of Open Source Software}');
    expect(bib).toContain('doi     = {10.21105/joss.01864}');
  });

  it('a card with no author still gets a key', () => {
    expect(citationKey({ ...emptyFacts(), title: { value: '一种方法', refs: [], source: 'rules' }, arxivId: { value: '2101.01234', refs: [], source: 'rules' } })).toBe('paper210101234');
  });
});

describe('JSON', () => {
  it('round-trips the card', () => {
    expect(JSON.parse(factsToJson(facts))).toEqual(facts);
  });
});
