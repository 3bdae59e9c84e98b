// Answers by the real SmolLM2-135M-Instruct on the hand-written question set (questions.json),
// with the decoding defaults the app uses: how often it answers instead of giving up, cites a
// passage, cites the passage that holds the answer, and says the answer's key words. A 135M model
// is weak: the thresholds hold what it reaches, so a change that makes it worse fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type LoadedModel } from '../../src/engine';
import { terms } from '../../src/pipeline/extractive/terms';
import { askPaper } from '../../src/pipeline/ask/askPaper';
import type { Answer } from '../../src/pipeline/ask/types';
import { PaperRetriever } from '../../src/pipeline/retrieval/retriever';
import { findModel } from '../../models/catalogue';
import { ort } from '../support/engine';
import { havePrepared, preparedDir, preparedSource } from '../support/prepared';
import { answers, loadQuestionSet, type Question } from './questionSet';

const ready = havePrepared(preparedDir('local/smollm2-135m-instruct'));
/** Questions per paper: the first answerable ones (5 papers -> 10 answers, about a minute). */
const PER_PAPER = 2;

interface Row {
  q: Question;
  answer: Answer;
  ms: number;
}

function keyTermRecall(text: string, q: Question): number {
  const have = new Set(terms(text));
  const best = (q.answer ?? []).map((a) => {
    const want = [...new Set(terms(a))];
    return want.length ? want.filter((w) => have.has(w)).length / want.length : 0;
  });
  return Math.max(0, ...best);
}

describe.skipIf(!ready)('answers by the real SmolLM2-135M-Instruct (WASM, app defaults)', () => {
  let model: LoadedModel;
  const rows: Row[] = [];
  beforeAll(async () => {
    model = await loadModel(preparedSource('local/smollm2-135m-instruct'), { ort, backend: 'wasm', dtype: 'fp32', gpu: null });
    const generation = { ...findModel('smollm2-135m-instruct')!.generation!.options, do_sample: false, num_beams: 1 };
    for (const p of await loadQuestionSet()) {
      const retriever = new PaperRetriever(p.paper);
      for (const q of p.questions.filter((x) => x.answer && !x.follows).slice(0, PER_PAPER)) {
        const t0 = performance.now();
        const answer = await askPaper(p.paper, q.q, { retriever, generator: model, generation, modelId: 'smollm2' });
        rows.push({ q, answer, ms: performance.now() - t0 });
      }
    }
    console.log(rows.map((r) => `${r.answer.kind.padEnd(9)} ${(r.ms / 1000).toFixed(1)}s recall ${keyTermRecall(r.answer.text, r.q).toFixed(2)} cites ${r.answer.citations.map((c) => c.n + (c.matched ? 'm' : '')).join(',') || '-'}\n  Q: ${r.q.q}\n  A: ${r.answer.text}`).join('\n'));
  }, 600_000);
  afterAll(() => model?.dispose());

  it('answers most questions from the passages, citing the one that holds the answer', () => {
    const n = rows.length;
    const generated = rows.filter((r) => r.answer.kind === 'generated');
    const cited = generated.filter((r) => r.answer.citations.length > 0);
    const rightPassage = generated.filter((r) => r.answer.citations.some((c) => answers(c.text, r.q)));
    const recall = rows.reduce((s, r) => s + keyTermRecall(r.answer.text, r.q), 0) / n;
    const seconds = rows.reduce((s, r) => s + r.ms, 0) / n / 1000;
    console.log(`answered ${generated.length}/${n} · cited ${cited.length} · cited the answering passage ${rightPassage.length} · key-term recall ${recall.toFixed(2)} · ${seconds.toFixed(1)} s per answer`);
    expect(n).toBe(10);
    // Measured when written (prompt in src/pipeline/ask/prompt.ts): answered 9/10, cited 9,
    // cited the answering passage 9, key-term recall 0.62.
    expect(generated.length / n).toBeGreaterThanOrEqual(0.7);
    expect(cited.length / Math.max(1, generated.length)).toBeGreaterThanOrEqual(0.7);
    expect(rightPassage.length / n).toBeGreaterThanOrEqual(0.6);
    expect(recall).toBeGreaterThanOrEqual(0.45);
  });

  it('never shows a loop or half a sentence', () => {
    for (const r of rows.filter((x) => x.answer.kind === 'generated')) {
      expect(r.answer.text.length).toBeLessThan(700);
      expect(r.answer.text.trim(), r.answer.text).toMatch(/[.!?。)\]]$/);
    }
  });
});
