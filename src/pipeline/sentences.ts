// Sentence splitting for scientific prose: Intl.Segmenter (UAX #29) for the bulk, then repairs
// for what it gets wrong in papers (abbreviations, initials, citations, figure references).
import { CJK_TEXT_CLASS, hasCjk } from './cjk/script';
import { splitCjk } from './cjk/sentences';
import { boundSentences } from './sentenceBounds';

/** Abbreviations that end with a period but rarely end a sentence, lowercased without the final dot. */
const ABBREVIATIONS = new Set([
  'al', 'et al', 'fig', 'figs', 'eq', 'eqs', 'eqn', 'eqns', 'sec', 'secs', 'sect', 'tab', 'tabs', 'ref', 'refs',
  'e.g', 'i.e', 'cf', 'vs', 'viz', 'approx', 'resp', 'no', 'nos', 'vol', 'vols', 'pp', 'p', 'ch', 'chap',
  'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ',
  'min', 'max', 'avg', 'std', 'var', 'thm', 'lem', 'prop', 'def', 'cor', 'alg', 'app', 'appx', 'suppl',
  'ca', 'esp', 'incl', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'u.s', 'u.k', 'ph.d', 'a.k.a', 'w.r.t', 'etc',
]);

// 'etc.' often does end a sentence; only merge it when the next piece starts in lowercase.
const WEAK_ABBREVIATIONS = new Set(['etc', 'no', 'p', 'co', 'min', 'max', 'var', 'app']);

const segmenter: Intl.Segmenter | null =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'sentence' }) : null;

function rawSegments(text: string): string[] {
  if (segmenter) return Array.from(segmenter.segment(text), (s) => s.segment);
  // Fallback without ICU: split after . ! ? followed by space and an uppercase letter/opening.
  return text.split(/(?<=[.!?]["')\]]?\s+)(?=[A-Z"'(\[])/);
}

function lastToken(s: string): string {
  const m = /(\S+)\s*$/.exec(s);
  return m ? m[1] : '';
}

/** Decides whether a segment ending like `prev` must be glued to the following `next`. */
function shouldMerge(prev: string, next: string): boolean {
  const p = prev.trimEnd();
  const n = next.trimStart();
  if (!n) return true;
  if (!p) return true;
  // Next piece cannot start a sentence: lowercase word, digit continuation, closing/citation bracket.
  if (/^[a-z]/.test(n) && !/[!?]$/.test(p)) return true;
  if (/^[,;:)\]}]/.test(n)) return true;
  if (!/[.!?]["'’”)\]]*$/.test(p)) return true;
  // A caption label ("Table 1.", "Figure S2.") belongs to the caption that follows it.
  if (/^(?:supplementary\s+)?(?:table|figure|fig\.?|tab\.?)\s*S?\d+[a-z]?\.$/i.test(p)) return true;
  const tok = lastToken(p).replace(/^[("'\[]+/, '');
  if (!tok.endsWith('.')) return false;
  const word = tok.slice(0, -1);
  const bare = word.toLowerCase();
  // "et al." nearly always continues ("Smith et al. (2020) show ...", "Smith et al. propose").
  if (/\bet\s+al\.$/i.test(p)) return true;
  if (ABBREVIATIONS.has(bare)) return WEAK_ABBREVIATIONS.has(bare) ? /^[a-z0-9(]/.test(n) : true;
  // Initials: "J. Smith", "J. R. R. Tolkien".
  if (/^[A-Z]$/.test(word) || /^(?:[A-Z]\.)+[A-Z]$/.test(word)) return /^[A-Z]/.test(n);
  // Numbered references "Fig. 3." handled above; "(Eq. 2)" style in parentheses.
  if (/^\d+(\.\d+)*$/.test(bare) && /^\d/.test(n)) return true;
  return false;
}

/** Splits one paragraph (no blank lines) into trimmed sentences. */
/** A web address in running text (Chinese text after it, or its closing punctuation, ends it). */
export const URL_RE = new RegExp(String.raw`\b(?:https?:\/\/|www\.)[^\s<>"${CJK_TEXT_CLASS}]+[^\s<>".,;:!?)\]${CJK_TEXT_CLASS}]`, 'gu');
/** A private-use character the paragraph does not contain (PDF symbol fonts do use U+E000...). */
function placeholderFor(text: string): string {
  for (let c = 0xe000; c <= 0xf8ff; c++) {
    const ch = String.fromCharCode(c);
    if (!text.includes(ch)) return ch;
  }
  return '\u0000';
}

export function splitParagraph(paragraph: string): string[] {
  // Chinese ends sentences with marks the segmenter misses: cut there first, then split each piece as Latin prose.
  if (hasCjk(paragraph)) return splitCjk(paragraph.replace(/\s+/g, ' ')).flatMap(splitLatin);
  return splitLatin(paragraph);
}

function splitLatin(paragraph: string): string[] {
  let text = paragraph.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  // URLs contain '.', '?' and '!': hide them from the segmenter, restore afterwards.
  const urls: string[] = [];
  const mark = placeholderFor(text);
  text = text.replace(URL_RE, (u) => {
    urls.push(u);
    return `${mark}${urls.length - 1}${mark}`;
  });
  const marked = new RegExp(`${mark}(\\d+)${mark}`, 'g');
  const restore = (s: string) => (urls.length ? s.replace(marked, (_, i: string) => urls[Number(i)]) : s);
  const segs = rawSegments(text);
  const out: string[] = [];
  let cur = '';
  for (const seg of segs) {
    if (!cur) {
      cur = seg;
      continue;
    }
    if (shouldMerge(cur, seg)) cur += seg;
    else {
      out.push(cur.trim());
      cur = seg;
    }
  }
  if (cur.trim()) out.push(cur.trim());
  // Lowercased text and over-long runs (see ./sentenceBounds), measured with the URLs restored:
  // a cut falls at punctuation followed by a space, which no URL holds.
  return boundSentences(out.map(restore), text, (w) => ABBREVIATIONS.has(w));
}

/** Splits text into sentences; blank lines (paragraph breaks) always end a sentence. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  // A display formula ($$ ... $$) is never part of a sentence: it stands alone, and the ranker skips it.
  const blocks = text.includes('$$') ? text.replace(/\s*(\$\$[\s\S]*?\$\$)\s*/g, '\n\n$1\n\n') : text;
  for (const para of blocks.split(/\n\s*\n/)) out.push(...splitParagraph(para));
  return out;
}
