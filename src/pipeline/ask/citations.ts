// Ties a model's answer to the passages: keeps the [n] markers that name a passage it was shown,
// drops the others, and where the model cited nothing, matches each sentence to the passage it
// shares most words with (marked as matched, so the UI can say so).
import { terms } from '../extractive/terms';
import { splitSentences } from '../sentences';
import type { Citation } from './types';

/** Share of a sentence's content words a passage must hold to be cited for it. */
const MATCH_OVERLAP = 0.5;

export function groundAnswer(text: string, shown: Citation[]): { text: string; citations: Citation[] } {
  const byN = new Map(shown.map((c) => [c.n, c]));
  const cited = new Set<number>();
  const matched = new Set<number>();
  let out = text.replace(/\s*\[(\d+(?:\s*,\s*\d+)*)\]/g, (_m, list: string) => {
    const ns = list.split(',').map((s) => Number(s.trim())).filter((n) => byN.has(n));
    ns.forEach((n) => cited.add(n));
    return ns.length ? ` ${ns.map((n) => `[${n}]`).join('')}` : '';
  });
  if (!cited.size) out = matchSentences(out, shown, matched);
  const citations = shown.filter((c) => cited.has(c.n) || matched.has(c.n)).map((c) => (matched.has(c.n) ? { ...c, matched: true } : c));
  return { text: out.trim(), citations };
}

function matchSentences(text: string, shown: Citation[], matched: Set<number>): string {
  const passageTerms = shown.map((c) => new Set(terms(c.text)));
  return splitSentences(text)
    .map((s) => {
      const own = [...new Set(terms(s))];
      if (!own.length) return s;
      let best = -1;
      let bestShare = 0;
      passageTerms.forEach((set, i) => {
        const share = own.filter((t) => set.has(t)).length / own.length;
        if (share > bestShare) [best, bestShare] = [i, share];
      });
      if (best < 0 || bestShare < MATCH_OVERLAP) return s;
      const c = shown[best];
      matched.add(c.n);
      return `${s} [${c.n}]`;
    })
    .join(' ');
}

/** Words an answer uses to point rather than say ("The answer to the question is [1]"). */
const POINTING = new Set(['answer', 'question', 'passage', 'paper']);

/**
 * When the model's text says nothing beyond pointing at a passage, the passage's sentence that
 * shares most words with the question, quoted with its marker; null when the text says something.
 */
export function pointedSentence(text: string, question: string, cited: Citation[]): string | null {
  if (!cited.length) return null;
  const asked = new Set(terms(question));
  const said = terms(text.replace(/\[\d+\]/g, ' ')).filter((t) => !asked.has(t) && !POINTING.has(t));
  if (said.length > 0) return null;
  const c = cited[0];
  let best = '';
  let bestShare = -1;
  for (const raw of splitSentences(c.text)) {
    // The paper's own reference markers ("[16, 17]") would read as our passage markers.
    const s = raw.replace(/\s*\[\d+(?:\s*[,–-]\s*\d+)*\]/g, '');
    const share = terms(s).filter((t) => asked.has(t)).length;
    if (share > bestShare) [best, bestShare] = [s, share];
  }
  return best ? `“${best}” [${c.n}]` : null;
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
const plain = (n: string) => n.replace(/,(?=\d{3}\b)/g, '');

/**
 * Numbers in the answer that none of its cited passages contains as written (a small model turns
 * "47,031" into "47.031"): shown to the reader as unchecked. Passage markers are not numbers.
 */
export function unsupportedNumbers(text: string, cited: Citation[]): string[] {
  const have = new Set(cited.flatMap((c) => [...c.text.matchAll(NUMBER)].map((m) => plain(m[0]))));
  const said = [...text.replace(/\[\d+\]/g, ' ').matchAll(NUMBER)].map((m) => m[0].replace(/[.,]$/, ''));
  return [...new Set(said.filter((n) => !have.has(plain(n))))];
}
