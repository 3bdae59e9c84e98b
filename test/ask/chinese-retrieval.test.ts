// Asking Chinese papers in Chinese: BM25 on Intl.Segmenter words finds the answering passage, and
// questions the papers do not address are told apart. Two sets: questions-zh.json on the texts
// written in Chinese, and questions-zh-translated.json, the English set's questions in Chinese on
// the same real papers in Chinese translation, held to the English test's floors.
import { describe, expect, it } from 'vitest';
import { askPaper } from '../../src/pipeline/ask/askPaper';
import { NOT_ADDRESSED } from '../../src/pipeline/ask/prompt';
import { PaperRetriever } from '../../src/pipeline/retrieval/retriever';
import { answers, loadQuestionSet, type AskedPaper } from './questionSet';

interface Figures {
  some: number;
  none: number;
  recall1: number;
  recall5: number;
  rejected: number;
  kept: number;
}

async function measure(set: AskedPaper[]): Promise<Figures> {
  let some = 0;
  let hit = 0;
  let first = 0;
  let none = 0;
  let rejected = 0;
  let kept = 0;
  const lines: string[] = [];
  for (const p of set) {
    expect(p.paper.language).toBe('zh');
    const r = new PaperRetriever(p.paper);
    const previous: string[] = [];
    for (const q of p.questions) {
      const got = await r.retrieve(q.q, { k: 5, previous: q.follows ? [...previous] : [] });
      previous.push(q.q);
      const at = got.hits.findIndex((h) => answers(h.passage.text, q)) + 1;
      const cov = got.hits[0]?.coverage ?? 0;
      lines.push(`${p.id.padEnd(15)} ${q.answer ? (at ? `hit@${at}` : 'MISS') : 'none'} cov ${cov.toFixed(2)} ${got.answerable ? 'answerable' : 'not addressed'} ${q.q}`);
      if (q.answer) {
        some++;
        if (at) hit++;
        if (at === 1) first++;
        if (got.answerable) kept++;
      } else {
        none++;
        if (!got.answerable) rejected++;
      }
    }
  }
  const f = { some, none, recall1: first / some, recall5: hit / some, rejected: rejected / none, kept: kept / some };
  console.log(`${lines.join('\n')}\nrecall@1 ${f.recall1.toFixed(3)} recall@5 ${f.recall5.toFixed(3)} unanswerable rejected ${rejected}/${none} answerable kept ${kept}/${some}`);
  return f;
}

describe('retrieval on Chinese papers', () => {
  it('finds the answering passage in the top 5 and rejects unanswerable questions (texts written in Chinese)', async () => {
    const f = await measure(await loadQuestionSet('zh'));
    expect(f.some).toBeGreaterThanOrEqual(12);
    expect(f.recall5).toBeGreaterThanOrEqual(0.9);
    expect(f.rejected).toBeGreaterThanOrEqual(0.66);
    expect(f.kept).toBeGreaterThanOrEqual(0.8);
  });

  it('does as well on real papers in Chinese translation as on their English originals (questions.json in Chinese)', async () => {
    const f = await measure(await loadQuestionSet('zh-translated'));
    expect(f.some).toBeGreaterThanOrEqual(30);
    expect(f.none).toBeGreaterThanOrEqual(8);
    // The English BM25 test's floors on the same questions (retrieval-quality.test.ts).
    expect(f.recall5).toBeGreaterThanOrEqual(0.85);
    expect(f.rejected).toBeGreaterThanOrEqual(0.85);
    expect(f.kept).toBeGreaterThanOrEqual(0.8);
  });

  it('answers in Chinese: quoted passages under their Chinese section, and 论文似乎没有涉及 for the rest', async () => {
    const [battery] = await loadQuestionSet('zh');
    const r = new PaperRetriever(battery.paper);
    const a = await askPaper(battery.paper, '循环500次后容量保持率是多少？', { retriever: r });
    expect(a.kind).toBe('quoted');
    expect(a.citations[0].sectionTitle).toContain('结果与讨论');
    expect(a.citations[0].text).toContain('82%');
    const no = await askPaper(battery.paper, '电池在零下二十度的低温性能如何？', { retriever: r });
    expect(no.text).toBe(NOT_ADDRESSED.zh);
  });
});
