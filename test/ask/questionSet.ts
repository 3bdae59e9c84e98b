// Loads the hand-written question set (questions.json) and the papers it asks about, ingested
// as a user would give them, for the retrieval and answer tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest, type Paper } from '../../src/pipeline';

export interface Question {
  q: string;
  /** Substrings of the answering sentence(s); null: the paper does not address it. */
  answer: string[] | null;
  follows?: boolean;
  /** Asked without the paper's own words. */
  paraphrase?: boolean;
}

export interface AskedPaper {
  id: string;
  paper: Paper;
  questions: Question[];
}

const DIR = import.meta.dirname;

const SETS = {
  en: { papers: '../data/papers', file: 'questions.json' },
  zh: { papers: '../data/papers-zh', file: 'questions-zh.json' },
  /** The English set's questions in Chinese, on the same papers in Chinese translation. */
  'zh-translated': { papers: '../data/papers-zh-translated', file: 'questions-zh-translated.json' },
};

/** The English set (test/data/papers), the Chinese one (test/data/papers-zh) or the English one translated. */
export async function loadQuestionSet(language: keyof typeof SETS = 'en'): Promise<AskedPaper[]> {
  const papers = join(DIR, SETS[language].papers);
  const file = SETS[language].file;
  const set = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { papers: { id: string; questions: Question[] }[] };
  return Promise.all(
    set.papers.map(async (p) => {
      const body = readFileSync(join(papers, `${p.id}.body.md`), 'utf8');
      const paper = await ingest({ name: `${p.id}.md`, bytes: new TextEncoder().encode(body) });
      return { id: p.id, paper, questions: p.questions };
    }),
  );
}

/** Markup the reader drops (emphasis, code) and spacing, so answers match the text as read. */
export function normalized(s: string): string {
  return s.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function answers(text: string, q: Question): boolean {
  const t = normalized(text);
  return (q.answer ?? []).some((a) => t.includes(normalized(a)));
}
