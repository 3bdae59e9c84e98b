// Chinese papers through the text pipeline: sentence ends, counts, headings and tails, terms for the
// ranker, and display formulas kept out of extractive summaries.
import { describe, expect, it } from 'vitest';
import { countText, textLanguage, wordEquivalents } from '../../src/pipeline/cjk/script';
import { summarizeExtractive } from '../../src/pipeline/extractive';
import { similarityTerms, terms } from '../../src/pipeline/extractive/terms';
import { CJK_CONTRIBUTION_CUE, isFormula, isHeadingFragment, proseShare, sentenceQuality } from '../../src/pipeline/extractive/rank';
import { kindOfTitle, matchHeading } from '../../src/pipeline/headings';
import { ingest } from '../../src/pipeline/ingest';
import { splitSentences } from '../../src/pipeline/sentences';
import { structureText } from '../../src/pipeline/structure';
import { ZH_PAPER } from './support/zhPaper';

describe('Chinese sentence splitting', () => {
  it('ends sentences at 。！？；and ……, keeping closing quotes and brackets with their sentence', () => {
    expect(splitSentences('我们提出了一种新方法。它真的有效！为什么有效？原因有二；其一是数据……其二是模型。')).toEqual([
      '我们提出了一种新方法。',
      '它真的有效！',
      '为什么有效？',
      '原因有二；',
      '其一是数据……',
      '其二是模型。',
    ]);
    expect(splitSentences('他说：“这是引用。”随后离开了。（见图 2。）结果很好。')).toEqual(['他说：“这是引用。”', '随后离开了。', '（见图 2。）', '结果很好。']);
  });

  it('keeps a "；" inside brackets, which separates list items or citations, within its sentence', () => {
    expect(splitSentences('已有研究发现类似效应（张三，2019；李四，2020）。该机制尚不清楚；需要更多研究。')).toEqual([
      '已有研究发现类似效应（张三，2019；李四，2020）。',
      '该机制尚不清楚；',
      '需要更多研究。',
    ]);
    expect(splitSentences('然后创建 DOI（例如，将仓库与 Zenodo 关联；或使用 Figshare）。之后发布。')).toEqual(['然后创建 DOI（例如，将仓库与 Zenodo 关联；或使用 Figshare）。', '之后发布。']);
  });

  it('splits mixed Chinese and English, and keeps decimals, abbreviations and URLs whole', () => {
    expect(splitSentences('准确率为 95.3%，优于基线。We use BERT et al. as a baseline. See https://example.org/a.b?c=1 for code. 代码已开源。')).toEqual([
      '准确率为 95.3%，优于基线。',
      'We use BERT et al. as a baseline.',
      'See https://example.org/a.b?c=1 for code.',
      '代码已开源。',
    ]);
  });

  it('puts a display formula apart from the sentences around it', () => {
    const s = splitSentences('模型定义如下。\n$$h_t = \\text{FFN}(x_t) + x_t$$\n其中 $x_t$ 为输入。');
    expect(s).toEqual(['模型定义如下。', '$$h_t = \\text{FFN}(x_t) + x_t$$', '其中 $x_t$ 为输入。']);
    expect(s.map(isFormula)).toEqual([false, true, false]);
  });
});

describe('Chinese counts', () => {
  it('counts CJK characters one by one and Latin text by words, punctuation in neither', () => {
    expect(countText('我们使用 BERT 模型，效果很好。')).toEqual({ characters: 10, words: 1 });
    expect(countText('Attention is all you need.')).toEqual({ characters: 0, words: 5 });
    expect(countText('')).toEqual({ characters: 0, words: 0 });
  });

  it('measures length in word equivalents and tells the language from the script', () => {
    expect(wordEquivalents('一二三四五六七八九十一二三四五六')).toBe(10);
    expect(textLanguage('本文提出一种基于 Transformer 的中文摘要方法。')).toBe('zh');
    expect(textLanguage('We propose a method for 中文 summarization of long papers.')).toBe('en');
  });
});

describe('Chinese headings and tails', () => {
  it.each([
    ['摘要', '摘要', 1],
    ['摘 要', '摘要', 1],
    ['关键词', '关键词', 1],
    ['引言', '引言', 1],
    ['一、引言', '引言', 1],
    ['二、相关工作', '相关工作', 1],
    ['第一章 绪论', '绪论', 1],
    ['第二节 实验设置', '实验设置', 2],
    ['（一）数据来源', '数据来源', 2],
    ['1 引言', '引言', 1],
    ['1.1 研究背景', '研究背景', 2],
    ['2.3.1 模型结构', '模型结构', 3],
    ['参考文献', '参考文献', 1],
    ['致谢', '致谢', 1],
    ['附录A', '附录A', 1],
  ])('%s is a heading', (line, title, level) => {
    expect(matchHeading(line)).toMatchObject({ title, level });
  });

  it.each([
    '我们提出了一种新方法。',
    '1. 首先，我们收集了数据，然后进行清洗。',
    '一、二、三',
    '图 3 模型在各数据集上的表现，括号内为标准差，其中加粗者为最好结果并且这一行很长很长很长',
  ])('%s is not a heading', (line) => {
    expect(matchHeading(line)).toBeNull();
  });

  it('reads an inline 摘要： and 关键词： as the start of their sections', () => {
    expect(matchHeading('摘要：本文提出一种方法，用于中文论文的自动摘要。')).toEqual({ title: '摘要', level: 1, rest: '本文提出一种方法，用于中文论文的自动摘要。' });
    expect(matchHeading('关键词：自动摘要；中文；抽取式')).toMatchObject({ title: '关键词' });
  });

  it('gives tails their kinds', () => {
    expect(kindOfTitle('摘要', false)).toBe('abstract');
    expect(kindOfTitle('参考文献', false)).toBe('references');
    expect(kindOfTitle('致谢', true)).toBe('acknowledgements');
    expect(kindOfTitle('附录 B', true)).toBe('appendix');
    expect(kindOfTitle('五、参考文献', false)).toBe('references');
    expect(kindOfTitle('引言', false)).toBe('body');
  });
});


describe('Chinese sentences in the ranker', () => {
  it('finds the contribution cues the English pattern finds, not verbs that are nouns here', () => {
    for (const s of [
      '本文提出一种自适应动态图卷积网络。',
      '在本研究中，我们整合了数十年来的生物医学知识。',
      '我们在这些成果的基础上构建了一个框架。',
      '我们从 29 个公开资源中获取并整合数据。',
      '本文模型的平均绝对误差为18.6。',
      '我们仍描述了两种使用场景。',
      '实验结果表明，该方法优于基线。',
    ])
      expect(CJK_CONTRIBUTION_CUE.test(s), s).toBe(true);
    for (const s of [
      '本研究的局限在于睡眠信息为自我报告。', // possessive: the study's limitation
      '我们召集了约三十名在研究项目中使用 GitHub 的研究人员。', // 研究 as a noun
      '借此，我们得以捕捉已被认为对药物重定位具有影响的多种效应。', // passive
      '我们使用线性混合模型分析年限的效应。', // "we used ... to analyse": no cue in English either
      '这些数据重塑了我们对生物体多样性的认识。',
    ])
      expect(CJK_CONTRIBUTION_CUE.test(s), s).toBe(false);
  });

  it('does not take numbers and citations in Chinese prose for table residue', () => {
    const s = '2011 年一项名为 PREDICT 的研究汇编了 593 种药物与 313 种疾病之间的 1,933 种治疗关系[24]。';
    expect(proseShare(s)).toBeGreaterThan(0.6);
    expect(sentenceQuality(s, wordEquivalents(s))).toBe(1);
    expect(proseShare('模型 A 0.91 0.85 0.77 模型 B 0.88 0.80 0.79')).toBeLessThan(0.6);
    // Unchanged for English: letters over all characters.
    expect(proseShare('ab 12')).toBeCloseTo(2 / 5);
  });

  it('never calls a Chinese sentence with citations a heading fragment', () => {
    const s = '借此，我们捕捉到多种效应，包括药物-药物相似性[24, 27]、疾病-疾病相似性[24, 28]、转录特征[25, 29, 17, 30, 18]以及分子通路[36]。';
    expect(isHeadingFragment(s)).toBe(false);
    expect(sentenceQuality(s, wordEquivalents(s))).toBeGreaterThan(0);
    expect(isHeadingFragment('3.2 Experimental Setup')).toBe(true);
  });
});

describe('a Chinese paper', () => {
  const paper = structureText(ZH_PAPER, { source: 'paste' });

  it('gets its title, sections, kinds and counts', () => {
    expect(paper.title).toBe('基于图排序的中文论文抽取式摘要');
    expect(paper.authors).toBe('张三，李四');
    expect(paper.language).toBe('zh');
    expect(paper.sections.map((s) => [s.title, s.kind])).toEqual([
      ['摘要', 'abstract'],
      ['关键词', 'body'],
      ['引言', 'body'],
      ['方法', 'body'],
      ['实验', 'body'],
      ['结论', 'body'],
      ['致谢', 'acknowledgements'],
      ['参考文献', 'references'],
      ['附录', 'appendix'],
    ]);
    const intro = paper.sections[2];
    expect(intro.cjkChars).toBe(countText(intro.text).characters);
    expect(intro.cjkChars).toBeGreaterThan(50);
    expect(intro.wordCount).toBe(0);
    expect(paper.cjkChars).toBe(paper.sections.reduce((n, s) => n + (s.cjkChars ?? 0), 0));
  });

  it('is read from a .md file too (not refused as empty for having no Latin words)', async () => {
    const md = `# 测试论文\n\n## 摘要\n\n本文研究中文摘要。我们提出新方法。\n\n## 一、引言\n\n中文没有空格。`;
    const p = await ingest({ name: 'a.md', bytes: new TextEncoder().encode(md) });
    expect(p.wordCount).toBe(0);
    expect(p.cjkChars).toBeGreaterThan(10);
  });

  it('joins lines broken inside a Chinese paragraph without a space', () => {
    const p = structureText('标题\n\n摘要\n本文研究中文\n论文的摘要方法，效果\n很好。', { source: 'paste' });
    expect(p.sections[0].text).toBe('本文研究中文论文的摘要方法，效果很好。');
  });

  it.each(['tldr', 'key_points', 'abstract', 'lay', 'sections'] as const)('never quotes a display formula (%s)', async (style) => {
    const out = await summarizeExtractive(paper, { style, length: 'long' });
    expect(out.text).not.toContain('$$');
    expect(out.text).not.toMatch(/\\frac|s_\{ij\}/);
    expect(out.text).toMatch(/\p{Script=Han}{5}/u);
  });

  it('ranks by Chinese words: the TL;DR is a sentence that states the contribution', async () => {
    const out = await summarizeExtractive(paper, { style: 'tldr', length: 'short' });
    expect(out.text).toMatch(/^本文提出/);
  });

  it('segments Chinese into words for the ranker (not single characters, not whole runs)', () => {
    const t = terms('本文提出一种面向中文科技论文的抽取式摘要方法。');
    expect(t).toEqual(expect.arrayContaining(['中文', '论文', '摘要', '方法']));
    expect(t).not.toContain('的');
    expect(t.every((w) => w.length <= 4)).toBe(true);
  });

  it('compares Chinese sentences by words and character bigrams, so terms the dictionary cuts up still meet', () => {
    // ICU cuts 退耕 into 退|耕 and drops 还 (a function word elsewhere); the bigrams keep them.
    const t = similarityTerms('退耕还林提高了土壤有机碳储量，使用BERT模型。');
    expect(t).toEqual(expect.arrayContaining(['\u0002退耕', '\u0002还林', '土壤', '\u0002土壤', 'bert']));
    expect(t).not.toContain('退');
    expect(similarityTerms('Graph models are used.')).toEqual(terms('Graph models are used.'));
  });
});

describe('Chinese LaTeX (ctex)', () => {
  it('reads sections, the abstract and counts of a ctexart paper', async () => {
    const tex = String.raw`\documentclass{ctexart}
\title{中文摘要方法研究}
\author{张三 \and 李四}
\begin{document}
\maketitle
\begin{abstract}
本文提出一种中文论文摘要方法。实验表明其有效。
\end{abstract}
\section{引言}
中文文本没有空格，因此需要分词。我们使用 \textbf{Intl.Segmenter} 进行分词。
\section{方法}
模型定义为
\begin{equation}
s = \sum_i w_i
\end{equation}
其中 $w_i$ 为权重。
\section*{参考文献}
王五. 综述. 2020.
\end{document}`;
    const p = await ingest({ name: 'zh.tex', bytes: new TextEncoder().encode(tex) });
    expect(p.title).toBe('中文摘要方法研究');
    expect(p.language).toBe('zh');
    expect(p.sections.map((s) => [s.title, s.kind])).toEqual([
      ['摘要', 'abstract'],
      ['引言', 'body'],
      ['方法', 'body'],
      ['参考文献', 'references'],
    ]);
    expect(p.cjkChars).toBeGreaterThan(40);
  });

  it('names the bibliography 参考文献, as ctex prints it', async () => {
    const tex = String.raw`\documentclass{article}
\usepackage{ctex}
\begin{document}
\section{引言}
中文文本没有空格，因此需要分词。我们提出一种分词方法。
\begin{thebibliography}{9}
\bibitem{a} 王五. 综述. 2020.
\end{thebibliography}
\end{document}`;
    const p = await ingest({ name: 'zh.tex', bytes: new TextEncoder().encode(tex) });
    expect(p.sections.map((s) => [s.title, s.kind])).toEqual([
      ['引言', 'body'],
      ['参考文献', 'references'],
    ]);
  });
});
