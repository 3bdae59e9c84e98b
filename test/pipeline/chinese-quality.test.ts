// Extractive quality on Chinese papers, two sets (each folder's SOURCES.md says what they are):
// test/data/papers-zh-translated, ten real papers in Chinese translation (the seven CC BY papers of
// test/data/papers and three LaTeX papers of the corpus, as ctex sources; bodies and abstracts
// translated apart), and test/data/papers-zh, six short texts
// written in Chinese for the test. ROUGE on characters (the usual practice for Chinese, no
// segmenter in the metric) against each paper's own abstract, compared with lead-k and with plain
// LexRank (TF-IDF cosine graph, uniform PageRank) cut to the same length. LexRank runs twice, on the
// segmenter's words (terms()) and on the ranker's own similarity features (words plus character
// bigrams, similarityTerms()). On the real papers ours must beat lead-k and the better LexRank on
// every mean, as it does on their English originals; on the six written texts (about 1,000
// characters each, where one sentence decides a paper) lead-k on every mean, LexRank on R1 and R2,
// and stay within a point of it on RL.
// Run alone to see the tables: npx vitest run test/pipeline/chinese-quality.test.ts
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, summarizePaper, type Paper } from '../../src/pipeline';
import { latexAbstract, withoutAbstract } from '../../scripts/eval/papers';
import { similarityTerms, terms } from '../../src/pipeline/extractive/terms';
import { pageRank } from '../../src/pipeline/extractive/textrank';
import { buildTfIdf, similarityGraph } from '../../src/pipeline/extractive/tfidf';
import { paperSentences, selectSections } from '../../src/pipeline/selection';
import { avg, cutUnits as cut, fmt, rougeL, rougeN, rougeUnits, score, type Scores } from './charRouge';

const DATA = join(__dirname, '../data');
/** Real CC BY papers (test/data/papers) translated into Chinese, body and abstract apart. */
const TRANSLATED = join(DATA, 'papers-zh-translated');
/** Short texts written in Chinese for the test (CC0). */
const WRITTEN = join(DATA, 'papers-zh');

function lexRankOrder(sentences: string[], features: (s: string) => string[]): number[] {
  const model = buildTfIdf(sentences.map(features));
  const rank = pageRank(similarityGraph(model.vectors, 0.1));
  return sentences.map((_, i) => i).sort((a, b) => rank[b] - rank[a]);
}

describe('character ROUGE', () => {
  it('counts Chinese by characters and Latin text by words', () => {
    expect(rougeUnits('使用 BERT 模型，准确率 95.3%。')).toEqual(['使', '用', 'BERT', '模', '型', '准', '确', '率', '95.3%']);
    expect(rougeUnits('提高了38%的样地')).toEqual(['提', '高', '了', '38%', '的', '样', '地']);
    expect(rougeN('今天天气很好', '今天天气很好', 1)).toBe(1);
    expect(rougeN('今天天气', '明日下雨', 1)).toBe(0);
    expect(rougeL('甲乙丙丁', '甲丙丁戊')).toBeCloseTo((2 * 3) / 8);
  });

  it('cuts a baseline to the budget in the same units', () => {
    const text = cut(['提高了38%的样地。', '其余样地不变。'], [0, 1], 6);
    expect(rougeUnits(text)).toEqual(['提', '高', '了', '38%', '的', '样']);
  });
});

/**
 * Papers of one set: `<id>.body.md` (input, abstract left out) with `<id>.abstract.txt`, or a LaTeX
 * source (`<id>.tex`, `<id>.Rnw`) whose abstract is taken from the source by the eval's rule and
 * withheld from what the summarizer reads, as the English eval does with its LaTeX papers.
 */
const papersIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.body\.md$|\.(?:tex|Rnw)$/.test(f))
    .sort();

async function load(dir: string, file: string): Promise<{ id: string; paper: Paper; reference: string }> {
  const bytes = readFileSync(join(dir, file));
  if (file.endsWith('.body.md')) {
    const id = file.replace(/\.body\.md$/, '');
    const paper = await ingest({ name: `${id}.md`, bytes });
    expect(paper.abstract, id).toBeUndefined(); // the reference must not be part of the input
    return { id, paper, reference: readFileSync(join(dir, `${id}.abstract.txt`), 'utf8').trim() };
  }
  const id = file.replace(/\.(?:tex|Rnw)$/, '');
  const reference = latexAbstract(bytes.toString('utf8'));
  expect(reference, id).toBeTruthy();
  const paper = await ingest({ name: file, bytes });
  expect(paper.abstract, `${id}: the abstract is read as one`).toBeTruthy();
  return { id, paper: withoutAbstract(paper), reference: reference! };
}

interface SetScores {
  ours: Scores;
  lead: Scores;
  lex: Scores;
  lexBigrams: Scores;
  /** Papers where ours beats the better LexRank, per measure. */
  wins: Scores;
  papers: number;
}

async function scoreSet(dir: string): Promise<SetScores> {
  const ours: Scores[] = [];
  const lead: Scores[] = [];
  const lex: Scores[] = [];
  const lexBigrams: Scores[] = [];
  const rows: string[] = [];
  const files = papersIn(dir);
  for (const file of files) {
    const { id, paper, reference } = await load(dir, file);
    expect(paper.language, id).toBe('zh');
    const summary = await summarizePaper(paper, { style: 'abstract', length: 'medium' });
    const sentences = paperSentences(paper, selectSections(paper)).map((s) => s.text);
    const budget = rougeUnits(summary.text).length;
    const o = score(summary.text, reference);
    const l = score(cut(sentences, sentences.map((_, i) => i), budget), reference);
    const x = score(cut(sentences, lexRankOrder(sentences, terms), budget), reference);
    const xb = score(cut(sentences, lexRankOrder(sentences, similarityTerms), budget), reference);
    ours.push(o);
    lead.push(l);
    lex.push(x);
    lexBigrams.push(xb);
    rows.push(`${id.padEnd(15)} ours ${fmt(o)} | lead ${fmt(l)} | lexrank ${fmt(x)} | lexrank+bigrams ${fmt(xb)} | ${budget} units`);
  }
  const wins = { r1: 0, r2: 0, rl: 0 };
  for (const k of ['r1', 'r2', 'rl'] as const) wins[k] = ours.filter((o, i) => o[k] > Math.max(lex[i][k], lexBigrams[i][k])).length;
  const out = { ours: avg(ours), lead: avg(lead), lex: avg(lex), lexBigrams: avg(lexBigrams), wins, papers: files.length };
  rows.push(`${'mean'.padEnd(15)} ours ${fmt(out.ours)} | lead ${fmt(out.lead)} | lexrank ${fmt(out.lex)} | lexrank+bigrams ${fmt(out.lexBigrams)}`);
  rows.push(`ours ahead of the better LexRank on R1 ${wins.r1}, R2 ${wins.r2}, RL ${wins.rl} of ${files.length} papers`);
  console.log(`${dir}\n${rows.join('\n')}`);
  return out;
}

const better = (s: SetScores, k: keyof Scores) => Math.max(s.lex[k], s.lexBigrams[k]);

describe('extractive summaries of Chinese papers', () => {
  it('beats lead-k and LexRank of equal length on real papers translated into Chinese (characters, vs the abstract)', async () => {
    const s = await scoreSet(TRANSLATED);
    expect(s.papers).toBeGreaterThanOrEqual(10);
    for (const k of ['r1', 'r2', 'rl'] as const) {
      expect(s.ours[k], k).toBeGreaterThan(s.lead[k]);
      expect(s.ours[k], k).toBeGreaterThan(better(s, k));
    }
    // Not a free pass: both systems score well above chance overlap with the abstract.
    expect(Math.min(s.ours.r2, s.lex.r2)).toBeGreaterThan(0.1);
  });

  it('beats lead-k and, on ROUGE-1/2, LexRank on the short texts written in Chinese for the test', async () => {
    const s = await scoreSet(WRITTEN);
    expect(s.papers).toBeGreaterThanOrEqual(6);
    for (const k of ['r1', 'r2', 'rl'] as const) expect(s.ours[k], k).toBeGreaterThan(s.lead[k]);
    for (const k of ['r1', 'r2'] as const) expect(s.ours[k], k).toBeGreaterThan(better(s, k));
    // Level on ROUGE-L (0.461 vs 0.468 when written).
    expect(s.ours.rl).toBeGreaterThan(better(s, 'rl') - 0.01);
    expect(Math.min(s.ours.r2, s.lex.r2)).toBeGreaterThan(0.2);
  });
});
