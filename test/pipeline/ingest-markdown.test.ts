// Markdown as Manubot and pandoc write it: citations by identifier, pandoc-crossref references,
// attributes, comments, multi-line figure captions and table captions.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline';
import { removeCitations } from '../../src/pipeline/extractive';
import { parseMarkdown } from '../../src/pipeline/ingest/markdown';

const MD = `# A Manubot Paper

## Introduction {.page_break_before}

<!-- *Contributors to this section: ABC*
spanning two lines -->
Version control helps [@doi:10.1371/journal.pcbi.1004947].
Many tools exist [@doi:10.1038/514127a; @pmid:25851694, p. 3] and records are kept in repositories[@doi:10.1371/journal.pcbi.1004947] (see [Box 1](#definitions)).
The earlier pipeline @doi:10.1186/s13059-016-0918-z was rebuilt, as shown in Figure @fig:workflow and (Table @tbl:roles).
A bare reference @fig:contrib gets its kind; write to @dhimmel or me@example.org, and see <https://manubot.org>.
We keep [brackets with text] and [an @ sign; in them] alone.

![
**Editing workflow.**
Any reader can become a contributor.
](images/workflow.svg){#fig:workflow width=5in}

| A | B |
|---|---|
| 1 | 2 |

Table: Collaborative writing platforms.
A summary of features.
{#tbl:platforms}

## Methods

We follow the steps [@url:https://github.com/about; @tag:techblog-csl].
`;

describe('Markdown ingest (pandoc / Manubot)', async () => {
  const paper = await ingest({ name: 'paper.md', bytes: new TextEncoder().encode(MD) });
  const intro = paper.sections.find((s) => s.title === 'Introduction')!;

  it('drops heading attributes, comments, figure and table captions and attribute lines', () => {
    expect(paper.title).toBe('A Manubot Paper');
    expect(paper.sections.map((s) => s.title)).toEqual(['Introduction', 'Methods']);
    const all = paper.sections.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/Contributors|spanning|Editing workflow|Any reader|Collaborative writing platforms|summary of features|\{#|\{\.|@doi|@pmid|@fig|@tbl/);
  });

  it('numbers citations by first use, like LaTeX \\cite, and spaces glued markers', () => {
    expect(intro.text).toContain('Version control helps [1].');
    expect(intro.text).toContain('Many tools exist [2, 3] and records are kept in repositories [1] (see Box 1).');
    expect(intro.text).toContain('The earlier pipeline [4] was rebuilt');
    expect(paper.sections[1].text).toBe('We follow the steps [5, 6].');
  });

  it('turns pandoc-crossref references into the label, adding the kind only where missing', () => {
    expect(intro.text).toContain('as shown in Figure [workflow] and (Table [roles]).');
    expect(intro.text).toContain('A bare reference Figure [contrib] gets its kind;');
  });

  it('leaves handles, e-mail addresses, autolinks and ordinary brackets readable', () => {
    expect(intro.text).toContain('write to @dhimmel or me@example.org, and see https://manubot.org.');
    expect(intro.text).toContain('We keep [brackets with text] and [an @ sign; in them] alone.');
  });

  it('lets removeCitations strip the markers as it does for other formats', () => {
    expect(removeCitations('Many tools exist [2, 3] and repositories [1] (see Box 1).')).toBe('Many tools exist and repositories (see Box 1).');
  });
});

describe('Markdown links', () => {
  it('keep a web address after their words, not for anchors, mail or words that show the address', async () => {
    const md = '# T\n\n## Code\n\nThe [kombine library](https://github.com/bfarr/kombine "repo") helps; see [Box 1](#box), [mail](mailto:a@b.org) and [github.com/x/y](https://github.com/x/y/).\n';
    const paper = await ingest({ name: 'p.md', bytes: new TextEncoder().encode(md) });
    expect(paper.sections[0].text).toBe('The kombine library (https://github.com/bfarr/kombine) helps; see Box 1, mail and github.com/x/y.');
  });
});

describe('raw TeX in pandoc Markdown (JOSS)', () => {
  it('reads \\emph, \\url and \\href as their words and sets \\footnote{...} where footnotes go', async () => {
    const md = [
      '# T',
      '',
      '## Need',
      '',
      'Our code\\footnote{\\url{https://github.com/x/core}} is open; see \\emph{every spot} and other',
      'implementations\\footnote{\\url{https://github.com/a/b}, \\\\ \\href{https://github.com/c/d}{d}}.',
      '',
      '## Next',
      '',
      'Done.',
      '',
    ].join('\n');
    const paper = await ingest({ name: 'p.md', bytes: new TextEncoder().encode(md) });
    expect(paper.sections[0].text).toBe(
      'Our code is open; see every spot and other implementations.\n\nhttps://github.com/x/core\n\nhttps://github.com/a/b, d (https://github.com/c/d)',
    );
    expect(paper.sections[1].text).toBe('Done.');
  });
});

describe('Markdown footnotes', async () => {
  const md = [
    '# Tool',
    '',
    '## Ecosystem',
    '',
    'The core is separate[^core] and so are the extensions.[^ext]',
    '',
    '## Similar tools',
    '',
    'Others exist.',
    '',
    '# References',
    '',
    '[^core]: [https://github.com/x/core](https://github.com/x/core)',
    '[^ext]: More about this at',
    '    https://docs.x.org/ext',
    '[^unused]: Never cited.',
    '',
  ].join('\n');
  const paper = await ingest({ name: 'paper.md', bytes: new TextEncoder().encode(md) });

  it('end the section that cites them, as the printed page has them, not the reference list', () => {
    const eco = paper.sections.find((s) => s.title === 'Ecosystem')!;
    expect(eco.text).toContain('The core is separate and so are the extensions.');
    expect(eco.text).toContain('https://github.com/x/core');
    expect(eco.text).toContain('More about this at https://docs.x.org/ext');
    const all = paper.sections.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/\[\^|Never cited|^: /m);
    expect(paper.sections.find((s) => s.kind === 'references')?.text ?? '').not.toContain('github');
  });
});

describe('Markdown ingest of a Chinese Manubot paper', async () => {
  // As a Chinese paper writes them: no space after a key, full-width punctuation straight after it.
  const md = [
    '# 工作流',
    '',
    '## 引言',
    '',
    '许多工具无法访问 @doi:10.1186/s13059-019-1649-8。此外，有些工具根本无法安装 @doi:10.1186/s13059-019-1649-8。' +
      '我们构建了 Hetionet v1.0（图 @fig:hetionet）。该 hetnet 包含 47,031 个节点（@tbl:metanodes），见[@doi:10.1038/514127a; @pmid:25851694]。',
    '',
  ].join('\n');
  const paper = await ingest({ name: 'zh.md', bytes: new TextEncoder().encode(md) });
  const text = paper.sections.map((s) => s.text).join('\n');

  it('ends a citation key where the Chinese text resumes, keeping the sentences after it', () => {
    expect(text).toMatch(/许多工具无法访问 \[(\d)\]。此外，有些工具根本无法安装 \[\1\]。我们构建了/);
    expect(text).toMatch(/见\[\d, \d\]。$/);
    expect(text).not.toMatch(/@doi|@pmid|@fig|@tbl/);
  });

  it('writes the kind of a reference in Chinese', () => {
    expect(text).toContain('我们构建了 Hetionet v1.0（图 [hetionet]）。该 hetnet 包含 47,031 个节点（表 [metanodes]），');
  });
});

describe('Markdown front matter (JOSS, pandoc)', () => {
  const JOSS = `---
title: "\`corner.py\`: Scatterplot matrices in Python"
tags:
  - Python
authors:
  - name: Ada Lovelace
    orcid: 0000-0000-0000-0000
    affiliation: 1
  - name: Alan Turing
    affiliation: 2
affiliations:
  - name: University of Nowhere
    index: 1
date: 1 January 2020
bibliography: paper.bib
---

# Summary

This package draws scatterplot matrices for samples from many dimensions at once.

# References
`;

  it('takes the title and author names from YAML, so the first heading stays a section', () => {
    const p = parseMarkdown(JOSS, 'paper.md');
    expect(p.title).toBe('corner.py: Scatterplot matrices in Python');
    expect(p.authors).toBe('Ada Lovelace, Alan Turing');
    expect(p.sections.map((s) => [s.title, s.kind])).toEqual([
      ['Summary', 'body'],
      ['References', 'references'],
    ]);
  });
});
