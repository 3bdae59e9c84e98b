// Word normalization for similarity: lowercase, stopwords out, crude suffix stemming so
// "models"/"modeling"/"model" meet. Good enough for ranking; not a linguistic stemmer. Chinese
// words come from a segmenter (see cjk/terms.ts).
import { hasCjk } from '../cjk/script';
import { cjkSimilarityTerms, cjkTerms } from '../cjk/terms';
import { URL_RE } from '../sentences';

const STOPWORDS = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how ' +
    'however i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own ' +
    'same she should so some such than that the their theirs them themselves then there these they this those through thus to too under until ' +
    'up us very was we were what when where which while who whom why will with would you your yours yourself yourselves may might must ' +
    'shall one two three using used use based via within without among across whether either neither et al fig figure table eq section ' +
    'e g i ie eg etc respectively')
    .split(' '),
);

const WORD = /[\p{L}][\p{L}\p{N}'-]*/gu;
/** Words of alphabetic scripts only, so "bert模型" in mixed text yields "bert" and leaves 模型 to the segmenter. */
const NON_CJK_WORD = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}][\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}'-]*/gu;

export function stem(w: string): string {
  if (w.length <= 4) return w;
  for (const [suf, rep] of [
    ['ational', 'ate'], ['ization', 'ize'], ['fulness', 'ful'], ['iveness', 'ive'], ['ations', 'ate'], ['ation', 'ate'],
    ['ments', ''], ['ment', ''], ['ities', 'ity'], ['ings', ''], ['ing', ''], ['ies', 'y'], ['ied', 'y'], ['ers', 'er'],
    ['ness', ''], ['edly', ''], ['ly', ''], ['ed', ''], ['es', ''], ['s', ''],
  ] as const) {
    if (w.endsWith(suf) && w.length - suf.length >= 3) {
      const base = w.slice(0, w.length - suf.length) + rep;
      return suf === 's' && w.endsWith('ss') ? w : base;
    }
  }
  return w;
}

/**
 * Stemmed words of the alphabetic scripts, no stopwords (all words of non-CJK text). A web address
 * is not words: "github.com/x/y/issues/575" made a sentence about something else match a question
 * about GitHub issues.
 */
function alphabeticTerms(sentence: string, cjk: boolean, out: string[]): string[] {
  for (const m of sentence.replace(URL_RE, ' ').toLowerCase().matchAll(cjk ? NON_CJK_WORD : WORD)) {
    const w = m[0].replace(/['-]+$/, '');
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Content terms of a sentence (stemmed, no stopwords, no bare numbers). */
export function terms(sentence: string): string[] {
  const cjk = hasCjk(sentence);
  return alphabeticTerms(sentence, cjk, cjk ? cjkTerms(sentence) : []);
}

/**
 * Features for sentence similarity in the ranker (TF-IDF graph, redundancy, echo of the abstract):
 * terms() for Latin text; for Chinese, multi-character words plus character bigrams instead of the
 * segmenter's words alone (see cjkSimilarityTerms).
 */
export function similarityTerms(sentence: string): string[] {
  const cjk = hasCjk(sentence);
  return alphabeticTerms(sentence, cjk, cjk ? cjkSimilarityTerms(sentence) : []);
}
