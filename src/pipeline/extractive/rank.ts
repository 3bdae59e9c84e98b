// Sentence salience for the extractive summarizer: LexRank-style centrality over TF-IDF cosine,
// personalized and multiplied by a prior: section role and position, sentence quality, contribution
// cue phrases ("here we show", "our results") and a penalty for citation-heavy sentences.
import { hasCjk, wordEquivalents } from '../cjk/script';
import type { PaperSentence } from '../selection';
import type { Paper } from '../types';
import { pageRank } from './textrank';
import { similarityTerms } from './terms';
import { buildTfIdf, cosine, similarityGraph, type SparseVector } from './tfidf';

/** Above this many sentences the graph is built over the best candidates only (keeps it ~linear). */
export const MAX_GRAPH_SENTENCES = 450;
/** Prior factor for a sentence with a contribution cue (Edmundson's cue method). */
const CUE_BOOST = 2;

export interface RankedSentences {
  sentences: PaperSentence[];
  scores: Float64Array;
  vectors: SparseVector[];
  wordCounts: Int32Array;
  /** Mean inverse frequency of a sentence's terms, for the lay style's jargon penalty. */
  rarity: Float64Array;
}

function sectionPrior(title: string, kind: string): number {
  if (kind === 'abstract') return 1.6;
  const t = title.toLowerCase();
  if (/introduction|overview|引言|前言|绪论|导言|概述/.test(t)) return 1.3;
  if (/conclu|summary|concluding|结论|总结|结语/.test(t)) return 1.4;
  if (/discussion|讨论/.test(t)) return 1.1;
  if (/result|evaluation|finding|结果|评估|评价/.test(t)) return 1.05;
  if (/related|background|prior work|literature|preliminar|相关工作|背景|综述|预备/.test(t)) return 0.7;
  if (/limitation|future|局限|不足|展望/.test(t)) return 0.85;
  if (/implementation|setup|detail|hyper|dataset|data$|实现|设置|细节|超参|数据集/.test(t)) return 0.75;
  return 1;
}

// "Figure 3: ...", "Fig. 2.", "Table 1 | ...", "Supplementary Figure S4." – captions, not prose.
const CAPTION = /^(?:supplementary\s+)?(?:table|tab\.|figure|fig\.?|scheme|algorithm|listing)\s*S?\d+[a-z]?\s*[:.|–—-]/i;

// "图 3 ...", "表1：..." – Chinese captions.
const CJK_CAPTION = /^(?:图|表|算法|附图|附表)\s*[A-Z]?\d+(?:[.-]\d+)?\s*(?:[：:．.|　 ]|$)/u;

/**
 * A display formula, on its own or as what is left of a "sentence" once its inline math is gone:
 * `$$...$$`, `\[...\]`, an equation environment, or a line of symbols with hardly a word in it.
 */
export function isFormula(s: string): boolean {
  const t = s.trim();
  if (/^\$\$[\s\S]*\$\$$/.test(t) || /^\\\[[\s\S]*\\\]$/.test(t) || /^\\begin\{(?:equation|align|gather|multline|eqnarray)\*?\}/.test(t)) return true;
  const prose = t.replace(/\$[^$]*\$/g, ' ').replace(/\\[a-zA-Z]+/g, ' ');
  return /[=^_\\]/.test(t) && wordEquivalents(prose.replace(/[^\p{L}\s]/gu, ' ')) < 3;
}

/**
 * True for heading-like fragments that reach the sentence list when a PDF heading was not
 * recognised: short, no closing punctuation, and mostly capitalised words ("3.2 Experimental Setup").
 */
export function isHeadingFragment(s: string): boolean {
  const t = s.trim();
  // A Chinese sentence ends in 。！？ and has no spaces to count capitalised words by.
  if (/[.!?。！？]["')\]”’」』）】]*$/.test(t) || /[,;:，；：]$/.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length || words.length > 12) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w) || /^(of|and|the|for|in|on|to|with|a|an|vs\.?)$/i.test(w));
  return capitalised.length / words.length >= 0.8;
}

/** The weight of a Han character against a Latin letter: about a word's letters over 1.6 characters a word. */
const HAN_WEIGHT = 3;
const HAN = /\p{Script=Han}/gu;

/**
 * How much of a sentence is words rather than numbers, symbols or table residue. Alphabetic text:
 * letters over all characters, spaces included (the threshold was set on such text). Chinese has no
 * spaces between words and packs a word into 1.6 characters, so there a Han character weighs as
 * much as a short word's letters, spaces (which only pad Latin runs) do not count, and numeric
 * citation markers are left to citationFactor: with the plain share, "2011 年……汇编了 593 种药物与
 * 313 种疾病之间的 1,933 种治疗关系[24]。" read as residue where its English original did not.
 */
export function proseShare(s: string): number {
  if (!hasCjk(s)) return s.length ? (s.match(/\p{L}/gu) ?? []).length / s.length : 1;
  const t = s.replace(/\[\d+(?:\s*[-–,]\s*\d+)*\]/g, '').replace(/\s+/g, '');
  const han = (t.match(HAN) ?? []).length;
  const letters = (t.match(/\p{L}/gu) ?? []).length - han;
  const total = t.length - han + HAN_WEIGHT * han;
  return total ? (HAN_WEIGHT * han + letters) / total : 1;
}

const DISPLAY_MATH = /\$\$|\\\[|\\begin\{(?:equation|align|gather|multline|eqnarray|displaymath)\*?\}/;

/**
 * 0 for text that must never be quoted (captions, heading fragments); otherwise a factor that
 * penalizes fragments, run-ons, tables/math residue and citation-only sentences.
 */
export function sentenceQuality(s: string, words: number): number {
  if (CAPTION.test(s.trim()) || CJK_CAPTION.test(s.trim()) || isHeadingFragment(s) || isFormula(s)) return 0;
  // Display math in pasted Markdown or LaTeX is a formula, not a sentence to quote.
  if (DISPLAY_MATH.test(s)) return 0;
  if (words < 5) return 0.1;
  let q = 1;
  if (words < 8) q *= 0.6;
  if (words > 55) q *= 0.6;
  if (words > 80) q *= 0.4;
  if (proseShare(s) < 0.6) q *= 0.4;
  if (/[?？]$/.test(s)) q *= 0.7;
  if (!/[.!。！]["')\]”’」』）】]*$/.test(s)) q *= 0.7;
  return q;
}

// Phrases with which authors state their own contribution or finding ("here we show", "in this
// paper", "our results"): the sentences an abstract is made of, in any field.
const CONTRIBUTION_CUE =
  /\b(?:here,?\s+we|in\s+this\s+(?:paper|study|work|article|manuscript|review|report)|(?:this|the\s+present|our)\s+(?:paper|study|work|article|manuscript|review)\s+(?:\w+\s+)?(?:presents?|describes?|introduces?|proposes?|shows?|demonstrates?|provides?|reports?|outlines?|aims?)|we\s+(?:\w+ly\s+)?(?:propose|present|introduce|describe|develop(?:ed)?|show|showed|demonstrate(?:d)?|find|found|report|provide|outline(?:d)?|conclude|recommend|argue|identif(?:y|ied)|construct(?:ed)?|predict(?:ed)?|discuss|highlight|adapt(?:ed)?|buil[dt]|create(?:d)?|compiled?|obtain(?:ed)?|integrate(?:d)?|address)|our\s+(?:results?|findings?|approach|method|analys[ie]s|recommendations?|predictions?|framework|model|contributions?)\s)/i;

/**
 * The same in Chinese papers, with the English list's verbs: 本文提出, 在本研究中, 我们从……获取并整合,
 * 我们的方法, 本文模型, 结果表明. Chinese puts adverbials between the subject and the verb ("我们在这些成果的
 * 基础上构建了"), so a verb may come later in the clause; the verbs that are also nouns (研究, 分析,
 * 开发 ...: "我们召集了在研究项目中……") count only straight after the subject and an adverb, as
 * the English pattern wants "we (adverb) show". A possessive (本研究的局限) or a passive (被认为)
 * is no cue.
 */
const CJK_CUE_VERB =
  '提出|介绍|描述|构建|建立|实现|展示|呈现|证明|表明|提供|概述|推荐|认为|主张|识别|确定|强调|改编|创建|汇编|获取|获得|整合|解决|探讨|给出|旨在';
const CJK_CUE_NOUN_VERB = '研究|分析|开发|设计|发现|报告|总结|讨论|建议|预测';
const CJK_SUBJECT = '(?:本文|本研究|本工作|本论文|我们|笔者)(?!的)';
const CJK_ADVERB = '(?:首先|主要|进一步|进而|还|也|又|则|将|已|仍)';
export const CJK_CONTRIBUTION_CUE = new RegExp(
  [
    '在本(?:文|研究|工作|论文)中',
    `${CJK_SUBJECT}${CJK_ADVERB}?(?:${CJK_CUE_VERB}|${CJK_CUE_NOUN_VERB})`,
    `${CJK_SUBJECT}[^，。；：！？,;:!?]{0,16}?(?<!被)(?:${CJK_CUE_VERB})`,
    // "our results", "our model": 我们的结果, and as Chinese papers also say it, 本文方法, 本研究的发现.
    '(?:我们|本文|本研究)的?(?:结果|发现|方法|分析|建议|预测|框架|模型|贡献|算法)',
    '(?:结果|实验|研究|分析)(?:结果)?(?:表明|显示|证明)',
    '主要贡献',
  ].join('|'),
  'u',
);

/** Citation markers: pandoc keys ([@doi:...], @pmid:...), numeric ([3], [4-6]) and author-year ("(Smith et al., 2020)"). */
const CITATION = /@(?:doi|pmid|pmcid|arxiv|url|isbn|wikidata|tag):|\[@|\[\d+(?:\s*[-–,]\s*\d+)*\]|\([A-Z][^()]{0,60}?,?\s(?:19|20)\d{2}[a-z]?\)/g;

/** 1 for a sentence that cites nothing; less the more it cites (citing sentences report others' work). */
export function citationFactor(s: string): number {
  const n = (s.match(CITATION) ?? []).length;
  return n ? 1 / (1 + 0.25 * Math.min(n, 6)) : 1;
}

export function rankSentences(paper: Paper, sentences: PaperSentence[]): RankedSentences {
  const n = sentences.length;
  const termLists = sentences.map((s) => similarityTerms(s.text));
  const model = buildTfIdf(termLists);
  // Word equivalents: a Chinese sentence has no spaces, so counting them would call it one word.
  const wordCounts = Int32Array.from(sentences, (s) => wordEquivalents(s.text));
  const rarity = new Float64Array(n);
  termLists.forEach((ts, i) => {
    let sum = 0;
    for (const t of ts) sum += model.idf[model.vocabulary.get(t)!];
    rarity[i] = ts.length ? sum / ts.length : 0;
  });

  const prior = new Float64Array(n);
  sentences.forEach((s, i) => {
    const sec = paper.sections[s.section];
    const lead = 1 + 0.4 * Math.exp(-s.position / 1.5);
    const cue = CONTRIBUTION_CUE.test(s.text) || CJK_CONTRIBUTION_CUE.test(s.text) ? CUE_BOOST : 1;
    prior[i] = sectionPrior(sec.title, sec.kind) * lead * sentenceQuality(s.text, wordCounts[i]) * cue * citationFactor(s.text);
  });

  // Candidate cap: keep the sentences closest to the document centroid (times prior).
  let nodes = Array.from({ length: n }, (_, i) => i);
  if (n > MAX_GRAPH_SENTENCES) {
    const centroid = new Map<number, number>();
    for (const v of model.vectors) for (let k = 0; k < v.ids.length; k++) centroid.set(v.ids[k], (centroid.get(v.ids[k]) ?? 0) + v.weights[k]);
    const ids = Int32Array.from(centroid.keys()).sort();
    const cv: SparseVector = { ids, weights: Float64Array.from(ids, (id) => centroid.get(id)!) };
    const pre = nodes.map((i) => cosine(model.vectors[i], cv) * prior[i]);
    nodes = nodes.sort((a, b) => pre[b] - pre[a]).slice(0, MAX_GRAPH_SENTENCES).sort((a, b) => a - b);
  }
  const subVectors = nodes.map((i) => model.vectors[i]);
  const graph = similarityGraph(subVectors, 0.08);
  const rank = pageRank(graph, Float64Array.from(nodes, (i) => prior[i]));
  const scores = new Float64Array(n);
  const mean = 1 / Math.max(1, nodes.length);
  nodes.forEach((i, k) => {
    scores[i] = (rank[k] / mean) * prior[i];
  });
  return { sentences, scores, vectors: model.vectors, wordCounts, rarity };
}
