// Each pattern family of the rule-based extractor on small hand-written inputs, with negatives.
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/pipeline/facts';
import { findArxivIds, findDois } from '../../src/pipeline/facts/identifiers';
import { classifyLink } from '../../src/pipeline/facts/links';
import { splitPeople } from '../../src/pipeline/facts/people';
import { paperSentences } from '../../src/pipeline/selection';
import { makePaper } from './helpers';

describe('front matter', () => {
  it('splits people from affiliations and footnote marks', () => {
    expect(splitPeople('Daniel Foreman-Mackey1, 2, David W. Hogg2, 3, and, Ruth Angus')).toEqual({ people: ['Daniel Foreman-Mackey', 'David W. Hogg', 'Ruth Angus'], affiliations: [] });
    expect(splitPeople('Achim Zeileis, Universität Innsbruck, Nathaniel Graham, Texas A&M, International University')).toEqual({
      people: ['Achim Zeileis', 'Nathaniel Graham'],
      affiliations: ['Universität Innsbruck', 'Texas A&M, International University'],
    });
    expect(splitPeople('Achim Zeileis Friedrich Leisch Kurt Hornik Christian Kleiber').people).toEqual(['Achim Zeileis', 'Friedrich Leisch', 'Kurt Hornik', 'Christian Kleiber']);
    expect(splitPeople('张三、李四，王五').people).toEqual(['张三', '李四', '王五']);
  });

  it('finds DOIs, but not in an email address, and trims sentence punctuation', () => {
    expect(findDois('See https://doi.org/10.1234/abc.5678.')).toEqual(['10.1234/abc.5678']);
    expect(findDois('Write to jane@10.1234.org or jane.doe@univ.edu for data.')).toEqual([]);
    expect(findDois('Paper (doi:10.1109/MCSE.2007.55), cited.')).toEqual(['10.1109/MCSE.2007.55']);
  });

  it('finds arXiv ids of both styles', () => {
    expect(findArxivIds('arXiv:2101.01234v2 and arxiv.org/abs/1904.02180')).toEqual(['2101.01234v2', '1904.02180']);
    expect(findArxivIds('arXiv:hep-th/9901001 and arXiv: math.GT/0309136')).toEqual(['hep-th/9901001', 'math.GT/0309136']);
    expect(findArxivIds('version 1234.5678 of the code')).toEqual([]);
  });

  it("reads the paper's DOI, arXiv id and year from its front, not from citations", () => {
    const paper = makePaper([
      { title: '', text: 'DOI: 10.21105/joss.01864\n\nPublished: 19 November 2019\n\narXiv:1911.07688' },
      { title: 'Introduction', text: 'Earlier work (Smith et al. 2013, doi:10.1000/xyz123) used arXiv:1202.3665 in 2015.' },
    ]);
    const f = extractFacts(paper);
    expect(f.doi?.value).toBe('10.21105/joss.01864');
    expect(f.doi?.refs).toEqual([{ section: 0, position: 0 }]);
    expect(f.year?.value).toBe('2019');
    expect(f.arxivId?.value).toBe('1911.07688');
  });

  it('takes no year, DOI or arXiv id from the body alone', () => {
    const f = extractFacts(makePaper([{ title: 'Introduction', text: 'As shown by Lee (2018), see doi:10.1000/abc and arXiv:1801.00001.' }]));
    expect(f.year).toBeUndefined();
    expect(f.doi).toBeUndefined();
    expect(f.arxivId).toBeUndefined();
  });

  it('an archive DOI on the front is a link, not the paper DOI', () => {
    const f = extractFacts(makePaper([{ title: '', text: 'Software Archive: http://dx.doi.org/10.5281/zenodo.53155' }]));
    expect(f.doi).toBeUndefined();
    // "Software" in the sentence makes the archive a code link.
    expect(f.links.map((l) => l.kind)).toEqual(['code']);
  });
});

describe('links', () => {
  it('classifies by host and sentence', () => {
    expect(classifyLink('https://github.com/dfm/emcee', '')).toBe('code');
    expect(classifyLink('https://zenodo.org/record/1', 'The data are archived at')).toBe('data');
    expect(classifyLink('https://doi.org/10.5281/zenodo.806847', 'The source code is archived on Zenodo')).toBe('code');
    expect(classifyLink('https://huggingface.co/datasets/squad', '')).toBe('data');
    expect(classifyLink('https://dfm.github.io/emcee', '')).toBe('project');
    expect(classifyLink('https://example.org/x', 'see the documentation at')).toBe('project');
    expect(classifyLink('https://example.org/x', 'an example')).toBe('other');
  });

  it('reads no links from the reference list, and none from an email', () => {
    const f = extractFacts(
      makePaper([
        { title: 'Code availability', text: 'The code is at github.com/acme/tool. Contact mailto:me@acme.org.' },
        { title: 'References', text: 'Other, A. 2020. https://github.com/other/lib.', kind: 'references' },
      ]),
    );
    expect(f.links).toEqual([{ value: 'github.com/acme/tool', refs: [{ section: 0, position: 0 }], source: 'rules', kind: 'code' }]);
  });
});

describe('statements', () => {
  const paper = makePaper([
    { title: 'Abstract', kind: 'abstract', text: 'In this paper, we propose a fast sampler. Our approach is simple.' },
    { title: 'Related work', text: 'Smith proposed a slow one.' },
    { title: 'Limitations', text: 'A limitation is memory use. The method does not scale to very wide models.' },
    { title: 'Conclusion', text: 'In future work, we plan to add GPU support.' },
  ]);
  const f = extractFacts(paper);

  it('finds contributions only where the paper speaks of itself', () => {
    expect(f.contributions.map((c) => c.value)).toEqual(['In this paper, we propose a fast sampler.']);
  });

  it('finds limitations and future work by section role and cue', () => {
    expect(f.limitations.map((c) => c.value)).toEqual(['A limitation is memory use.', 'The method does not scale to very wide models.']);
    expect(f.futureWork.map((c) => c.value)).toEqual(['In future work, we plan to add GPU support.']);
    expect(f.futureWork[0].refs).toEqual([{ section: 3, position: 0 }]);
  });

  it('refs address sentences exactly as paperSentences numbers them', () => {
    const all = paperSentences(paper, paper.sections.map((_, i) => i));
    for (const v of [...f.contributions, ...f.limitations, ...f.futureWork]) {
      for (const r of v.refs) expect(all.find((s) => s.section === r.section && s.position === r.position)?.text).toBe(v.value);
    }
  });
});

describe('datasets and metrics', () => {
  it('finds named datasets, known benchmarks and data-titled sections, not sentence openers', () => {
    const f = extractFacts(
      makePaper([
        { title: 'Experiments', text: 'We evaluate on ImageNet and on the Boston Housing data. Data from the UK Biobank were used. Results follow.' },
        { title: 'Titanic survival data', text: 'The data concern passengers.' },
        { title: 'Obtaining data', text: 'Obtaining data is hard.' },
      ]),
    );
    expect(f.datasets.map((d) => d.value).sort()).toEqual(['Boston Housing', 'ImageNet', 'Titanic survival data', 'UK Biobank']);
  });

  it('finds metrics where numbers are reported', () => {
    const f = extractFacts(makePaper([{ title: 'Results', text: 'The model reaches an accuracy of 92.1% and an F1 of 0.87.' }]));
    expect(f.metrics.map((m) => m.value).sort()).toEqual(['F1', 'accuracy']);
  });
});

describe('numerical results', () => {
  it('reads value, unit, what was measured and the comparison', () => {
    const f = extractFacts(
      makePaper([
        { title: 'Results', text: 'Our method improves top-1 accuracy by 3.2% over ResNet-50. It is 4.5 times faster than the baseline sampler. It achieves 92.1% accuracy on CIFAR-10.' },
      ]),
    );
    const r = f.results.map(({ value, unit, measured, comparedWith }) => ({ value, unit, measured, comparedWith }));
    expect(r).toContainEqual({ value: '3.2', unit: '%', measured: 'top-1 accuracy', comparedWith: 'ResNet-50' });
    expect(r).toContainEqual({ value: '4.5', unit: '×', measured: 'faster', comparedWith: 'baseline sampler' });
    expect(r.find((x) => x.value === '92.1')).toMatchObject({ unit: '%', measured: 'accuracy on' });
  });

  it('a number in the methods section is a setting, not a result', () => {
    const f = extractFacts(makePaper([{ title: 'Methods', text: 'We train for 90 epochs and reduce the learning rate by 10% every 30 epochs.' }]));
    expect(f.results).toEqual([]);
  });

  it('a citation year is not a result', () => {
    const f = extractFacts(makePaper([{ title: 'Results', text: 'This improves on Smith by 2019 [12].' }]));
    expect(f.results).toEqual([]);
  });
});

describe('Chinese papers', () => {
  const paper = makePaper(
    [
      { title: '摘要', kind: 'abstract', text: '本文提出一种新的摘要方法。' },
      { title: '实验结果', text: '该方法的准确率达到92.1%，比基线模型提高了3.5个百分点。代码见 https://github.com/acme/zh-sum 。' },
      { title: '结论', text: '本方法的局限在于速度较慢。未来工作将扩展到更多语言。' },
    ],
    { title: '一种摘要方法', authors: '张三，李四', language: 'zh', abstract: '本文提出一种新的摘要方法。' },
  );
  const f = extractFacts(paper);

  it('gets front matter, abstract, links and numeric results', () => {
    expect(f.title?.value).toBe('一种摘要方法');
    expect(f.authors.map((a) => a.value)).toEqual(['张三', '李四']);
    expect(f.abstract?.value).toBe('本文提出一种新的摘要方法。');
    expect(f.links.map((l) => [l.value, l.kind])).toEqual([['https://github.com/acme/zh-sum', 'code']]);
    expect(f.results.map((r) => [r.value, r.unit])).toEqual([
      ['92.1', '%'],
      ['3.5', 'percentage points'],
    ]);
  });

  it('reads Chinese cue phrases', () => {
    expect(f.contributions.map((c) => c.value)).toEqual(['本文提出一种新的摘要方法。']);
    expect(f.limitations.map((c) => c.value)).toEqual(['本方法的局限在于速度较慢。']);
    expect(f.futureWork.map((c) => c.value)).toEqual(['未来工作将扩展到更多语言。']);
  });
});

describe('Chinese text around identifiers, datasets and counts', () => {
  it('ends a URL or DOI where Chinese text resumes', () => {
    const f = extractFacts(
      makePaper([
        { title: '引言', text: '课程材料见 https://github.com/greenelab/GCB535。许可证模式（https://opensource.org/licenses）使用户能够方便地使用工具；数据存档于 doi:10.5281/zenodo.53155。此外，我们还提供了说明。' },
      ]),
    );
    expect(f.links.map((l) => l.value)).toEqual(expect.arrayContaining(['https://github.com/greenelab/GCB535', 'https://opensource.org/licenses']));
    expect(f.links.every((l) => !/\p{Script=Han}|[。；）]/u.test(l.value))).toBe(true);
    expect(findDois('数据存档于 10.5281/zenodo.53155。此外')).toEqual(['10.5281/zenodo.53155']);
  });

  it('names a dataset by its Latin or quoted name before a data word, not by the clause before 数据集', () => {
    const f = extractFacts(
      makePaper([
        {
          title: '结果',
          text: '我们公开发布一个由94,210个植被样方组成的数据集。该数据库与TRY数据库完全整合。样本来自中国家庭追踪调查（CFPS）数据。植被样方数据（本文称为“出现-缺失”数据）具有许多优势。',
        },
      ]),
    );
    expect(f.datasets.map((d) => d.value).sort()).toEqual(['CFPS', 'TRY']);
  });

  it('reads the counts a Chinese paper reports of what it built, not the modifiers before them', () => {
    const f = extractFacts(makePaper([{ title: '结果', text: '该 hetnet 包含 11 种类型的 47,031 个节点（表 [metanodes]）以及 24 种类型的 2,250,197 条关系（表 [metaedges]）。' }]));
    expect(f.results.map((r) => [r.value, r.measured])).toEqual([
      ['47,031', '节点'],
      ['2,250,197', '关系'],
    ]);
  });
});

describe('links that are no code of the paper', () => {
  it('calls a person’s forge page or the journal’s review tracker "other", a repository "code"', () => {
    expect(classifyLink('https://github.com/benjaminrose', 'Editor: Benjamin Rose')).toBe('other');
    expect(classifyLink('https://github.com/openjournals/joss-reviews/issues/1864', 'Review')).toBe('other');
    expect(classifyLink('https://github.com/dfm/emcee', 'Repository')).toBe('code');
    expect(classifyLink('https://gitlab.com/group/project', 'the code')).toBe('code');
  });
});
