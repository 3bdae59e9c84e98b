// The evaluation's own measures on cases worked by hand, then the subset `npm run eval -- --subset`
// scores (test/data/papers: abstract withheld for ROUGE, included for the echo), held to the
// committed baseline.json: a figure that drops below it (redundancy or abstract echo that rises
// above it) fails, and ours must stay ahead of LexRank and TextRank on ROUGE. The embedding
// figures need all-MiniLM-L6-v2 (prepared in CI; skipped locally without it). Refresh the baseline
// with `npm run eval -- --subset --write-baseline` when a change is meant to move it, and say why
// in the commit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { havePrepared } from '../../test/support/prepared';
import { evaluatePaper, overall, summarySentences, type Overall } from './evaluate';
import { lengthAccuracy, redundancy, rougeJs, rougeOwn, sectionsDrawnOn } from './metrics';
import { evalPapers, latexAbstract } from './papers';
import { baselineOf, mustNotRise } from './report';
import { disposeSimilarities, echoBy, MINILM_DIR, similarities, wordOverlap } from './similarity';
import { summarizePaper } from '../../src/pipeline';
import { terms } from '../../src/pipeline/extractive/terms';
import { splitSentences } from '../../src/pipeline/sentences';
import { APP_GENERATION, loadSmolLM2, modelSubset, SMOLLM2_DIR } from './model';

/**
 * Loose: a TL;DR about the paper takes a fair part of its content words from the abstract
 * (precision, not ROUGE F: one sentence against a whole abstract scores low on F by its length;
 * SmolLM2's TL;DR of splotopen: 0.35, random words 0).
 */
const MODEL_TLDR_WORDS_FROM_ABSTRACT = 0.25;

describe('the measures', () => {
  it('scores ROUGE as worked by hand, both implementations alike', () => {
    // 4 of 5 candidate unigrams in a 6-word reference: F1 = 2*4/(5+6).
    const c = 'The cat sat on mats.';
    const r = 'The cat sat on the mat.';
    for (const f of [rougeJs, rougeOwn]) {
      const s = f(c, r);
      expect(s.r1).toBeCloseTo(8 / 11, 6);
      // Bigrams: the cat, cat sat, sat on (3 of 4 / 5).
      expect(s.r2).toBeCloseTo(6 / 9, 6);
      expect(s.rl).toBeCloseTo(8 / 11, 6);
      expect(f(r, r)).toEqual({ r1: 1, r2: 1, rl: 1 });
      expect(f('Dogs bark loudly.', r)).toEqual({ r1: 0, r2: 0, rl: 0 });
    }
  });

  it('counts near-duplicate sentence pairs as redundant, distinct ones not', () => {
    const a = 'This paper introduces a graph network for protein folding.';
    const b = 'This paper introduces a graph network tailored for protein folding.';
    const c = 'Experiments on three benchmarks show a ten percent error reduction.';
    expect(redundancy([a, c])).toBe(0);
    expect(redundancy([a, b, c])).toBeCloseTo(1 / 3, 6);
    expect(redundancy([a])).toBe(0);
  });

  it('counts the sections summary sentences come from', () => {
    const sections = [{ text: 'We built a tool. It is fast.' }, { text: 'The tool beats the baseline on every task.' }, { text: 'Future work remains.' }];
    expect(sectionsDrawnOn(['We built a tool.', 'It is fast.'], sections)).toBe(1);
    expect(sectionsDrawnOn(['We built a tool.', 'The tool beats the baseline on every task.'], sections)).toBe(2);
  });

  it('counts summary sentences that nearly repeat the abstract', async () => {
    const abstract = ['We present a graph network for protein folding.', 'It halves the error on three benchmarks.'];
    const summary = ['We present a graph network for protein folding.', 'Training takes two hours on one GPU.'];
    expect(await echoBy(wordOverlap, summary, abstract)).toBe(0.5);
    expect(await echoBy(wordOverlap, [], abstract)).toBe(0);
  });

  it('takes the reference abstract from LaTeX source, markup and publication notes out', () => {
    const jss = '\\Abstract{\n  A previous version was published as \\cite{x} in the \\emph{Journal of Statistical Software}.\n\n  The \\pkg{zoo} package % a comment\n  handles ``irregular\'\' series~\\citep{y}.\n}';
    expect(latexAbstract(jss)).toBe('The zoo package handles "irregular" series.');
    expect(latexAbstract('\\begin{abstract}\nGaussian \\textbf{processes} scale.\n\\end{abstract}')).toBe('Gaussian processes scale.');
    expect(latexAbstract('\\section{Intro} No abstract here.')).toBeUndefined();
  });

  it('scores length against the preset', () => {
    expect(lengthAccuracy(5, 5)).toBe(1);
    expect(lengthAccuracy(4, 5)).toBeCloseTo(0.8);
    expect(lengthAccuracy(12, 5)).toBe(0);
    expect(summarySentences('- One point.\n- Another point.')).toEqual(['One point.', 'Another point.']);
  });
});

describe('the evaluation subset against its baseline', () => {
  let o: Overall;
  const embedder = havePrepared(MINILM_DIR);
  beforeAll(async () => {
    const papers = await evalPapers('data');
    for (const p of papers) {
      expect(p.paper.sections.some((s) => s.kind === 'abstract') || p.paper.abstract !== undefined, p.id).toBe(false);
      expect(p.full.sections.some((s) => s.kind === 'abstract'), p.id).toBe(true);
    }
    const sims = await similarities();
    const rows = [];
    for (const p of papers) rows.push(await evaluatePaper(p, sims));
    o = overall(rows, sims);
  }, 300_000);
  afterAll(disposeSimilarities);

  it('has the papers, the abstract in none of the inputs ROUGE scores, and both similarity measures where prepared', () => {
    expect(o.papers).toBeGreaterThanOrEqual(7);
    expect(Object.keys(o.measures)).toEqual(embedder ? ['words', 'embedding'] : ['words']);
  });

  it('no figure falls below the committed baseline (redundancy and echo: none rises above it)', () => {
    const baseline = JSON.parse(readFileSync(join(import.meta.dirname, 'baseline.json'), 'utf8')) as Record<string, number>;
    const now = baselineOf(o);
    // Without the embedder (a local run) its figures are not there to hold.
    const held = Object.keys(baseline).filter((k) => embedder || !k.endsWith('.embedding'));
    expect(Object.keys(now).sort()).toEqual(held.sort());
    for (const k of held) {
      if (mustNotRise(k)) expect(now[k], k).toBeLessThanOrEqual(baseline[k] + 1e-9);
      else expect(now[k], k).toBeGreaterThanOrEqual(baseline[k] - 1e-9);
    }
  });

  it('stays ahead of LexRank and TextRank on ROUGE-1/2/L', () => {
    const { ours, lexrank, textrank } = o.systems;
    for (const other of [lexrank, textrank]) {
      expect(ours.rouge.r1).toBeGreaterThan(other.rouge.r1);
      expect(ours.rouge.r2).toBeGreaterThan(other.rouge.r2);
      expect(ours.rouge.rl).toBeGreaterThan(other.rouge.rl);
    }
  });

  it('js-rouge and the implementation here agree', () => {
    for (const s of Object.values(o.systems)) {
      expect(Math.abs(s.rouge.r1 - s.rougeOwn.r1)).toBeLessThan(1e-6);
      expect(Math.abs(s.rouge.r2 - s.rougeOwn.r2)).toBeLessThan(1e-6);
      // ROUGE-L sums over sentences, which the two split a little differently.
      expect(Math.abs(s.rouge.rl - s.rougeOwn.rl)).toBeLessThan(0.02);
    }
  });
});

// The real model's eval (`npm run eval -- --model`) takes minutes of CPU; CI runs one summary of it
// through the same path: a TL;DR of the shortest subset paper, abstract withheld, with the app's
// decoding settings, held to a loose ROUGE floor (a model that stops writing about the paper, as
// repetition_penalty 1.1 made it do, scores near 0).
describe.skipIf(!havePrepared(SMOLLM2_DIR))('the real model (SmolLM2-135M-Instruct), smoke', () => {
  it('writes a TL;DR of a real paper that shares words with its abstract', async () => {
    const [p] = modelSubset(await evalPapers('data'), 1);
    const g = await loadSmolLM2();
    try {
      const out = await summarizePaper(p.paper, { style: 'tldr', length: 'short', generation: APP_GENERATION }, { generator: g, mapReduce: { maxMapChunks: 3 } });
      console.log(`smoke ${p.id}: ${out.text}`);
      expect(out.kind).toBe('abstractive');
      const abstractTerms = new Set(terms(p.reference));
      const own = terms(out.text);
      expect(own.filter((t) => abstractTerms.has(t)).length / own.length, out.text).toBeGreaterThan(MODEL_TLDR_WORDS_FROM_ABSTRACT);
      // The asked length: one sentence (the output guard holds the model to it).
      expect(splitSentences(out.text), out.text).toHaveLength(1);
    } finally {
      await g.dispose();
    }
  }, 240_000);
});
