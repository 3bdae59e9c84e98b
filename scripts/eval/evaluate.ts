// Scores PaperLens's extractive default and three classic baselines on the evaluation papers
// (papers.ts), abstract withheld. ROUGE on the "abstract" style (medium), every baseline cut to
// the same number of words; redundancy and section coverage on key points (medium), the baselines
// taking as many top-ranked sentences; length accuracy of ours on every length preset.
import { summarizePaper, type Paper, type SummaryLength, type SummaryStyle } from '../../src/pipeline';
import { SIZES } from '../../src/pipeline/extractive/styles';
import { terms } from '../../src/pipeline/extractive/terms';
import { pageRank } from '../../src/pipeline/extractive/textrank';
import { buildTfIdf, similarityGraph, type SimilarityGraph } from '../../src/pipeline/extractive/tfidf';
import { paperSentences, selectSections } from '../../src/pipeline/selection';
import { splitSentences } from '../../src/pipeline/sentences';
import { lengthAccuracy, redundancy, rougeJs, rougeOwn, sectionsDrawnOn, type Rouge } from './metrics';
import type { EvalPaper } from './papers';

export const SYSTEMS = ['ours', 'lead', 'lexrank', 'textrank'] as const;
export type System = (typeof SYSTEMS)[number];

export interface SystemFigures {
  rouge: Rouge;
  /** Our implementation's ROUGE: the cross-check of js-rouge's. */
  rougeOwn: Rouge;
  redundancy: number;
  /** Main sections the key points draw on, over min(key points, main sections). */
  coverage: number;
}

export interface PaperFigures {
  id: string;
  set: EvalPaper['set'];
  words: number;
  mainSections: number;
  systems: Record<System, SystemFigures>;
  /** Ours only: style -> length -> accuracy in the style's unit. */
  length: Record<string, Record<SummaryLength, number>>;
}

const LENGTHS: SummaryLength[] = ['short', 'medium', 'long'];
/** Styles whose size is a count the output shows plainly (the unit in SIZES). */
const MEASURED: SummaryStyle[] = ['tldr', 'key_points', 'abstract'];
const KEY_POINTS = SIZES.key_points.medium;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The summary's sentences: bullets one each, other text split as the pipeline splits it. */
export function summarySentences(text: string): string[] {
  const bullets = text.split('\n').filter((l) => /^\s*[-*•]\s+/.test(l));
  if (bullets.length) return bullets.map((l) => l.replace(/^\s*[-*•]\s+/, '').trim());
  return splitSentences(text.replace(/^#+ .*$/gm, ''));
}

function unitsOf(style: SummaryStyle, text: string): number {
  if (style === 'abstract') return words(text);
  return summarySentences(text).length;
}

/** Sentences in `order` until `budget` words, in paper order, cut to exactly the budget. */
function cut(sentences: string[], order: number[], budget: number): string {
  const picked: number[] = [];
  let used = 0;
  for (const i of order) {
    if (used >= budget) break;
    picked.push(i);
    used += words(sentences[i]);
  }
  return picked
    .sort((a, b) => a - b)
    .map((i) => sentences[i])
    .join(' ')
    .split(/\s+/)
    .slice(0, budget)
    .join(' ');
}

function byRank(rank: Float64Array): number[] {
  return [...rank.keys()].sort((a, b) => rank[b] - rank[a] || a - b);
}

/** LexRank (Erkan & Radev 2004): TF-IDF cosine graph above 0.1, uniform PageRank. */
function lexRank(sentences: string[]): number[] {
  return byRank(pageRank(similarityGraph(buildTfIdf(sentences.map(terms)).vectors, 0.1)));
}

/** TextRank (Mihalcea & Tarau 2004): shared words over the log of both lengths, PageRank. */
function textRank(sentences: string[]): number[] {
  const sets = sentences.map((s) => new Set(terms(s)));
  const graph: SimilarityGraph = { neighbours: [], weights: [] };
  for (let i = 0; i < sets.length; i++) {
    const ns: number[] = [];
    const ws: number[] = [];
    for (let j = 0; j < sets.length; j++) {
      if (i === j || sets[i].size < 2 || sets[j].size < 2) continue;
      let shared = 0;
      for (const t of sets[i]) if (sets[j].has(t)) shared++;
      if (shared > 0) {
        ns.push(j);
        ws.push(shared / (Math.log(sets[i].size) + Math.log(sets[j].size)));
      }
    }
    graph.neighbours.push(Int32Array.from(ns));
    graph.weights.push(Float64Array.from(ws));
  }
  return byRank(pageRank(graph));
}

function figures(text: string, points: string[], paper: Paper, mainIdx: number[], reference: string): SystemFigures {
  const js = rougeJs(text, reference);
  const own = rougeOwn(text, reference);
  const drawn = sectionsDrawnOn(points, mainIdx.map((i) => paper.sections[i]));
  return {
    rouge: js,
    rougeOwn: own,
    redundancy: redundancy(points),
    coverage: mainIdx.length ? drawn / Math.min(points.length || 1, mainIdx.length) : 1,
  };
}

export async function evaluatePaper(p: EvalPaper): Promise<PaperFigures> {
  const { paper, reference } = p;
  const picked = selectSections(paper);
  const sentences = paperSentences(paper, picked).map((s) => s.text);
  // Main sections: the top-level body sections the summary may draw on (text before a heading too).
  const top = Math.min(...picked.map((i) => paper.sections[i].level));
  const mainIdx = picked.filter((i) => paper.sections[i].kind === 'body' && paper.sections[i].level === top);

  const abstract = (await summarizePaper(paper, { style: 'abstract', length: 'medium' })).text;
  const points = summarySentences((await summarizePaper(paper, { style: 'key_points', length: 'medium' })).text);
  const budget = words(abstract);
  const orders: Record<Exclude<System, 'ours'>, number[]> = {
    lead: sentences.map((_, i) => i),
    lexrank: lexRank(sentences),
    textrank: textRank(sentences),
  };
  const systems = { ours: figures(abstract, points, paper, mainIdx, reference) } as Record<System, SystemFigures>;
  for (const [name, order] of Object.entries(orders) as [Exclude<System, 'ours'>, number[]][]) {
    const top5 = order.slice(0, KEY_POINTS).sort((a, b) => a - b).map((i) => sentences[i]);
    systems[name] = figures(cut(sentences, order, budget), top5, paper, mainIdx, reference);
  }

  const length: PaperFigures['length'] = {};
  for (const style of MEASURED) {
    length[style] = {} as Record<SummaryLength, number>;
    for (const l of LENGTHS) {
      const text = (await summarizePaper(paper, { style, length: l })).text;
      length[style][l] = lengthAccuracy(unitsOf(style, text), SIZES[style][l]);
    }
  }
  return { id: p.id, set: p.set, words: paper.wordCount, mainSections: mainIdx.length, systems, length };
}

export interface Overall {
  papers: number;
  systems: Record<System, SystemFigures>;
  /** Ours: mean length accuracy per style and preset. */
  length: Record<string, Record<SummaryLength, number>>;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function overall(rows: PaperFigures[]): Overall {
  const systems = {} as Record<System, SystemFigures>;
  for (const s of SYSTEMS) {
    const f = rows.map((r) => r.systems[s]);
    systems[s] = {
      rouge: { r1: mean(f.map((x) => x.rouge.r1)), r2: mean(f.map((x) => x.rouge.r2)), rl: mean(f.map((x) => x.rouge.rl)) },
      rougeOwn: { r1: mean(f.map((x) => x.rougeOwn.r1)), r2: mean(f.map((x) => x.rougeOwn.r2)), rl: mean(f.map((x) => x.rougeOwn.rl)) },
      redundancy: mean(f.map((x) => x.redundancy)),
      coverage: mean(f.map((x) => x.coverage)),
    };
  }
  const length: Overall['length'] = {};
  for (const style of MEASURED) {
    length[style] = {} as Record<SummaryLength, number>;
    for (const l of LENGTHS) length[style][l] = mean(rows.map((r) => r.length[style][l]));
  }
  return { papers: rows.length, systems, length };
}

const f3 = (x: number) => x.toFixed(3);

export function formatTable(o: Overall): string {
  const lines = [
    `Extractive summaries of ${o.papers} real papers, abstract withheld and used as the reference`,
    '',
    '| system | ROUGE-1 | ROUGE-2 | ROUGE-L | redundancy | coverage | cross-check R1 / R2 / L |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...SYSTEMS.map((s) => {
      const f = o.systems[s];
      const own = `${f3(f.rougeOwn.r1)} / ${f3(f.rougeOwn.r2)} / ${f3(f.rougeOwn.rl)}`;
      return `| ${s} | ${f3(f.rouge.r1)} | ${f3(f.rouge.r2)} | ${f3(f.rouge.rl)} | ${f3(f.redundancy)} | ${f3(f.coverage)} | ${own} |`;
    }),
    '',
    '| length accuracy (ours) | short | medium | long |',
    '| --- | --- | --- | --- |',
    ...Object.entries(o.length).map(([style, l]) => `| ${style} | ${f3(l.short)} | ${f3(l.medium)} | ${f3(l.long)} |`),
  ];
  return lines.join('\n');
}

/** The figures the test holds the subset to, rounded down (up for redundancy) to 3 places. */
export function baselineOf(o: Overall): Record<string, number> {
  const down = (x: number) => Math.floor(x * 1000) / 1000;
  const ours = o.systems.ours;
  const out: Record<string, number> = {
    'ours.rouge1': down(ours.rouge.r1),
    'ours.rouge2': down(ours.rouge.r2),
    'ours.rougeL': down(ours.rouge.rl),
    'ours.coverage': down(ours.coverage),
    'ours.redundancy': Math.ceil(ours.redundancy * 1000) / 1000,
  };
  for (const [style, l] of Object.entries(o.length)) for (const [len, x] of Object.entries(l)) out[`ours.length.${style}.${len}`] = down(x);
  return out;
}
