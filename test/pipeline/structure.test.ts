import { describe, expect, it } from 'vitest';
import { matchHeading } from '../../src/pipeline/headings';
import { ingest } from '../../src/pipeline/ingest';
import { structureText } from '../../src/pipeline/structure';

const PAPER = `Attention Is Everything
Ann Author, Bob Writer

Abstract
We propose a new model for translation. It uses attention only.

1 Introduction
Sequence models are common in trans-
lation. Recurrent networks are slow. This is a state-of-the-
art result.

2.1 Method Details
The model stacks self-attention layers.

III. RESULTS
On WMT the model reaches 28.4 BLEU.

Conclusions
Attention alone suffices.

Acknowledgements
We thank our funders.

References
[1] A. Author. Something. 2017.

Appendix A Proofs
Proof details here.`;

describe('headings', () => {
  it.each([
    ['1 Introduction', 'Introduction', 1],
    ['2.1 Method Details', 'Method Details', 2],
    ['III. RESULTS', 'Results', 1],
    ['Related Work', 'Related Work', 1],
    ['CONCLUSIONS', 'Conclusions', 1],
    ['4. Experimental Setup', 'Experimental Setup', 1],
  ])('%s is a heading', (line, title, level) => {
    expect(matchHeading(line)).toMatchObject({ title, level });
  });

  it.each([
    '3 of the 12 participants were excluded because they did not finish.',
    'We introduce a model.',
    '2 0.53 0.71 0.88',
    'The results are shown below',
  ])('%s is not a heading', (line) => {
    expect(matchHeading(line)).toBeNull();
  });
});

describe('sentence-case headings on a line of their own', () => {
  it.each([
    ['3 Protein k-mers enable assembly-free microbial metapangenomics', 'Protein k-mers enable assembly-free microbial metapangenomics', 1],
    ['6 sPlotOpen', 'sPlotOpen', 1],
    ['5.2 Increase computational training opportunities targeted at reproducibility', 'Increase computational training opportunities targeted at reproducibility', 2],
  ])('%s is a heading only when it stands alone', (line, title, level) => {
    expect(matchHeading(line)).toBeNull();
    expect(matchHeading(line, true)).toMatchObject({ title, level });
  });

  it('a known section name in lower case is a heading only alone on its line', () => {
    expect(matchHeading('analysis')).toBeNull();
    expect(matchHeading('conclusions', true)).toMatchObject({ title: 'conclusions', level: 1 });
    expect(matchHeading('Conclusions')).toMatchObject({ title: 'Conclusions', level: 1 });
  });

  it.each(['3 of the 12 participants were excluded', '12 mg of the compound', '2 0.53 0.71 0.88', '4 We measured the effect.'])('%s is not a heading even alone', (line) => {
    expect(matchHeading(line, true)).toBeNull();
  });

  it('structureText takes them as sections between blank lines, not inside a paragraph', () => {
    const text = [
      'A Study',
      '',
      '1 Protein k-mers enable assembly-free metapangenomics',
      '',
      'We count protein k-mers in many samples. They show what the genomes share.',
      '',
      '2 Samples and the sequencing of them',
      '',
      'All samples came from one lake. They were sequenced twice.',
      '3 of the 12 samples failed quality control',
      'and were left out.',
    ].join('\n');
    const paper = structureText(text, { source: 'paste' });
    expect(paper.sections.map((s) => s.title)).toEqual(['Protein k-mers enable assembly-free metapangenomics', 'Samples and the sequencing of them']);
    expect(paper.sections[1].text).toContain('3 of the 12 samples failed quality control and were left out.');
  });
});

describe('structureText', () => {
  const paper = structureText(PAPER, { source: 'paste' });

  it('finds title, authors and abstract', () => {
    expect(paper.title).toBe('Attention Is Everything');
    expect(paper.authors).toBe('Ann Author, Bob Writer');
    expect(paper.abstract).toBe('We propose a new model for translation. It uses attention only.');
  });

  it('splits numbered and unnumbered sections with kinds and word counts', () => {
    expect(paper.sections.map((s) => [s.title, s.level, s.kind])).toEqual([
      ['Abstract', 1, 'abstract'],
      ['Introduction', 1, 'body'],
      ['Method Details', 2, 'body'],
      ['Results', 1, 'body'],
      ['Conclusions', 1, 'body'],
      ['Acknowledgements', 1, 'acknowledgements'],
      ['References', 1, 'references'],
      ['Proofs', 1, 'appendix'],
    ]);
    const intro = paper.sections[1];
    expect(intro.wordCount).toBe(intro.text.split(/\s+/).length);
    expect(paper.wordCount).toBe(paper.sections.reduce((n, s) => n + s.wordCount, 0));
  });

  it('mends words hyphenated at line ends but keeps compounds', () => {
    const intro = paper.sections[1].text;
    expect(intro).toContain('common in translation.');
    expect(intro).toContain('state-of-the-art result');
  });

  it('treats an unlabeled paragraph before the first heading as the abstract of a pasted paper', () => {
    const lead = 'We study a question that matters a great deal to many people in many fields of work. '.repeat(4);
    const p = structureText(`My Title\n\n${lead}\n\nIntroduction\nBody text here.`, { source: 'paste' });
    expect(p.sections[0].kind).toBe('abstract');
    expect(p.title).toBe('My Title');
  });
});

describe('ingest of text and markdown', () => {
  it('reads pasted text', async () => {
    const p = await ingest({ text: PAPER });
    expect(p.source).toBe('paste');
    expect(p.sections.some((s) => s.kind === 'references')).toBe(true);
  });

  it('reads markdown headings as sections and strips markup', async () => {
    const md = `# A Markdown Paper\n\n## Abstract\n\nWe do **bold** things with [links](http://x.y).\n\n## 1 Introduction\n\nSome *emphasis* here.\n\n\`\`\`\ncode is dropped\n\`\`\`\n\n### Details\n\n- item one\n- item two\n\n## References\n\n1. Ref one.`;
    const p = await ingest({ name: 'paper.md', bytes: new TextEncoder().encode(md) });
    expect(p.title).toBe('A Markdown Paper');
    expect(p.sections.map((s) => [s.title, s.level, s.kind])).toEqual([
      ['Abstract', 1, 'abstract'],
      ['1 Introduction', 1, 'body'],
      ['Details', 2, 'body'],
      ['References', 1, 'references'],
    ]);
    expect(p.abstract).toBe('We do bold things with links (http://x.y).');
    expect(p.sections[1].text).toBe('Some emphasis here.');
    expect(p.sections[2].text).toBe('item one\n\nitem two');
  });

  it('rejects empty input with a plain message', async () => {
    await expect(ingest({ text: '   \n ' })).rejects.toMatchObject({ name: 'IngestError', code: 'empty' });
    await expect(ingest({ name: 'a.txt', bytes: new Uint8Array(0) })).rejects.toMatchObject({ code: 'empty' });
  });

  it('keeps a short paste whole when its only lines read as a title and a lone numbered line', async () => {
    // Found by the text-pipeline property: the lone "3.14 ..." line read as a heading, and the
    // paste came out as the first word alone, or was refused as having no text.
    const two = await ingest({ text: 'a \n\n 3.14 aA a' });
    expect(two.sections.map((s) => s.text).join(' ').replace(/\s+/g, ' ')).toBe('a 3.14 aA a');
    const one = await ingest({ text: '3.14 aAa !' });
    expect(one.sections.map((s) => s.text).join(' ')).toBe('3.14 aAa !');
    await expect(ingest({ text: '1 Introduction\n\n2 Methods' })).rejects.toMatchObject({ code: 'empty' });
  });
});
