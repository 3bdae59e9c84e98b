// Asking Chinese papers in Chinese (questions-zh.json): BM25 on Intl.Segmenter words finds the
// answering passage, and questions the papers do not address are told apart.
import { describe, expect, it } from 'vitest';
import { askPaper } from '../../src/pipeline/ask/askPaper';
import { NOT_ADDRESSED } from '../../src/pipeline/ask/prompt';
import { PaperRetriever } from '../../src/pipeline/retrieval/retriever';
import { answers, loadQuestionSet } from './questionSet';

describe('retrieval on Chinese papers', () => {
  it('finds the answering passage in the top 5 and rejects unanswerable questions', async () => {
    const set = await loadQuestionSet('zh');
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
      for (const q of p.questions) {
        const got = await r.retrieve(q.q, { k: 5 });
        const at = got.hits.findIndex((h) => answers(h.passage.text, q)) + 1;
        const cov = got.hits[0]?.coverage ?? 0;
        lines.push(`${p.id.padEnd(13)} ${q.answer ? (at ? `hit@${at}` : 'MISS') : 'none'} cov ${cov.toFixed(2)} ${got.answerable ? 'answerable' : 'not addressed'} ${q.q}`);
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
    console.log(`${lines.join('\n')}\nrecall@1 ${(first / some).toFixed(3)} recall@5 ${(hit / some).toFixed(3)} unanswerable rejected ${rejected}/${none} answerable kept ${kept}/${some}`);
    expect(some).toBeGreaterThanOrEqual(12);
    expect(hit / some).toBeGreaterThanOrEqual(0.9);
    expect(rejected / none).toBeGreaterThanOrEqual(0.66);
    expect(kept / some).toBeGreaterThanOrEqual(0.8);
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
