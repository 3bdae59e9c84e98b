// Scores PaperLens's extractive default and three classic baselines on the evaluation papers
// (papers.ts). Abstract withheld: ROUGE on the "abstract" style (medium), every baseline cut to
// the same number of words; redundancy and section coverage on key points (medium), the baselines
// taking as many top-ranked sentences; length accuracy of ours on every length preset. Abstract
// included (the paper as a reader gives it): for every style (medium), the abstract echo (share of
// summary sentences that nearly repeat an abstract sentence) and redundancy, each by word overlap
// and, when prepared, by sentence embeddings (similarity.ts).
import { summarizePaper, type Paper, type SummaryLength, type SummaryStyle } from '../../src/pipeline';
import { SIZES } from '../../src/pipeline/extractive/styles';
import { paperSentences, selectSections } from '../../src/pipeline/selection';
import { splitSentences } from '../../src/pipeline/sentences';
import { BASELINES, baselineOrders, cut, type Baseline } from './baselines';
import { lengthAccuracy, rougeJs, rougeOwn, sectionsDrawnOn, type Rouge } from './metrics';
import type { EvalPaper } from './papers';
import { echoBy, redundancyBy, type Similarity } from './similarity';

export const SYSTEMS = ['ours', ...BASELINES] as const;
export type System = (typeof SYSTEMS)[number];
export const STYLES: SummaryStyle[] = ['tldr', 'key_points', 'abstract', 'sections', 'lay'];

/** A figure under each sentence-similarity measure there was ('words' always, 'embedding' when prepared). */
export type Measured = Partial<Record<Similarity['key'], number>>;

export interface SystemFigures {
  rouge: Rouge;
  /** Our implementation's ROUGE: the cross-check of js-rouge's. */
  rougeOwn: Rouge;
  /** Key points, abstract withheld: share of sentence pairs that say the same thing. */
  redundancy: Measured;
  /** Main sections the key points draw on, over min(key points, main sections). */
  coverage: number;
  /** Key points of the paper with its abstract: share that nearly repeat an abstract sentence. */
  echo: Measured;
}

export interface StyleFigures {
  echo: Measured;
  redundancy: Measured;
}

export interface PaperFigures {
  id: string;
  set: EvalPaper['set'];
  words: number;
  mainSections: number;
  systems: Record<System, SystemFigures>;
  /** Ours, abstract included, medium length: per style. */
  styles: Record<string, StyleFigures>;
  /** Ours: style -> length -> accuracy in the style's unit. */
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

async function measured(sims: Similarity[], f: (s: Similarity) => Promise<number>): Promise<Measured> {
  const out: Measured = {};
  for (const s of sims) out[s.key] = await f(s);
  return out;
}

/** The default selection's sentences and its main sections (top-level body, text before a heading too). */
function body(paper: Paper): { sentences: string[]; mainIdx: number[] } {
  const picked = selectSections(paper);
  const top = Math.min(...picked.map((i) => paper.sections[i].level));
  return {
    sentences: paperSentences(paper, picked).map((s) => s.text),
    mainIdx: picked.filter((i) => paper.sections[i].kind === 'body' && paper.sections[i].level === top),
  };
}

export async function evaluatePaper(p: EvalPaper, sims: Similarity[]): Promise<PaperFigures> {
  const { paper, full, reference } = p;
  const abstractSentences = splitSentences(reference);
  const { sentences, mainIdx } = body(paper);
  const fullSentences = body(full).sentences;
  const summary = async (pp: Paper, style: SummaryStyle, length: SummaryLength = 'medium') => (await summarizePaper(pp, { style, length })).text;

  const figures = async (text: string, points: string[], fullPoints: string[]): Promise<SystemFigures> => {
    const drawn = sectionsDrawnOn(points, mainIdx.map((i) => paper.sections[i]));
    return {
      rouge: rougeJs(text, reference),
      rougeOwn: rougeOwn(text, reference),
      redundancy: await measured(sims, (s) => redundancyBy(s, points)),
      coverage: mainIdx.length ? drawn / Math.min(points.length || 1, mainIdx.length) : 1,
      echo: await measured(sims, (s) => echoBy(s, fullPoints, abstractSentences)),
    };
  };

  const abstract = await summary(paper, 'abstract');
  const points = summarySentences(await summary(paper, 'key_points'));
  const fullPoints = summarySentences(await summary(full, 'key_points'));
  const systems = { ours: await figures(abstract, points, fullPoints) } as Record<System, SystemFigures>;
  const orders = baselineOrders(sentences);
  const fullOrders = baselineOrders(fullSentences);
  for (const name of BASELINES) {
    const top = (o: Record<Baseline, number[]>, ss: string[]) => o[name].slice(0, KEY_POINTS).sort((a, b) => a - b).map((i) => ss[i]);
    systems[name] = await figures(cut(sentences, orders[name], words(abstract)), top(orders, sentences), top(fullOrders, fullSentences));
  }

  const styles: PaperFigures['styles'] = {};
  for (const style of STYLES) {
    const ss = summarySentences(await summary(full, style));
    styles[style] = { echo: await measured(sims, (s) => echoBy(s, ss, abstractSentences)), redundancy: await measured(sims, (s) => redundancyBy(s, ss)) };
  }

  const length: PaperFigures['length'] = {};
  for (const style of MEASURED) {
    length[style] = {} as Record<SummaryLength, number>;
    for (const l of LENGTHS) length[style][l] = lengthAccuracy(unitsOf(style, await summary(paper, style, l)), SIZES[style][l]);
  }
  return { id: p.id, set: p.set, words: paper.wordCount, mainSections: mainIdx.length, systems, styles, length };
}

export interface Overall {
  papers: number;
  /** The similarity measures behind the redundancy and echo figures. */
  measures: Record<string, string>;
  systems: Record<System, SystemFigures>;
  /** Ours, abstract included: per style, means over papers. */
  styles: Record<string, StyleFigures & { duplicated: Measured }>;
  /** Ours: mean length accuracy per style and preset. */
  length: Record<string, Record<SummaryLength, number>>;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function meanMeasured(ms: Measured[], f: (x: number) => number = (x) => x): Measured {
  const out: Measured = {};
  for (const k of ['words', 'embedding'] as const) if (ms.every((m) => m[k] !== undefined) && ms.length) out[k] = mean(ms.map((m) => f(m[k]!)));
  return out;
}

export function overall(rows: PaperFigures[], sims: Similarity[]): Overall {
  const systems = {} as Record<System, SystemFigures>;
  for (const s of SYSTEMS) {
    const f = rows.map((r) => r.systems[s]);
    const r = (g: (x: SystemFigures) => Rouge) => ({ r1: mean(f.map((x) => g(x).r1)), r2: mean(f.map((x) => g(x).r2)), rl: mean(f.map((x) => g(x).rl)) });
    systems[s] = {
      rouge: r((x) => x.rouge),
      rougeOwn: r((x) => x.rougeOwn),
      redundancy: meanMeasured(f.map((x) => x.redundancy)),
      coverage: mean(f.map((x) => x.coverage)),
      echo: meanMeasured(f.map((x) => x.echo)),
    };
  }
  const styles: Overall['styles'] = {};
  for (const st of STYLES) {
    const f = rows.map((r) => r.styles[st]);
    // Summaries (one per paper) with at least one near-duplicate pair.
    const duplicated = meanMeasured(f.map((x) => x.redundancy), (x) => (x > 0 ? 1 : 0));
    styles[st] = { echo: meanMeasured(f.map((x) => x.echo)), redundancy: meanMeasured(f.map((x) => x.redundancy)), duplicated };
  }
  const length: Overall['length'] = {};
  for (const style of MEASURED) {
    length[style] = {} as Record<SummaryLength, number>;
    for (const l of LENGTHS) length[style][l] = mean(rows.map((r) => r.length[style][l]));
  }
  return { papers: rows.length, measures: Object.fromEntries(sims.map((s) => [s.key, s.name])), systems, styles, length };
}
