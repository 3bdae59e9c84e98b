// DOIs and arXiv identifiers as written in running text. A DOI is "10.<registrant>/<suffix>"; the
// suffix may hold almost anything, so what ends it is whitespace, a closing bracket or quote, or
// sentence punctuation at its end. An address like jane@10.1234.org is not a DOI (an @ or a dot
// before it). Chinese text after it ends it too.
import { CJK_TEXT_CLASS } from '../cjk/script';

export const DOI_RE = new RegExp(String.raw`(?<![\w@.])10\.\d{4,9}\/[^\s"'<>{}\[\]()${CJK_TEXT_CLASS}]+`, 'gu');

/** DOI registrants of data and software archives: such a DOI names an archive, not the paper. */
export const ARCHIVE_DOI = /^10\.(5281|6084|5061|17605|7910|5066|4121|17632)\//;

export function trimTrailing(s: string): string {
  return s.replace(/[.,;:!?'"\u2019\u201d]+$/u, '').replace(/\)+$/, (m) => (s.includes('(') ? m.slice(1) : ''));
}

export function findDois(text: string): string[] {
  return [...text.matchAll(DOI_RE)].map((m) => trimTrailing(m[0])).filter((d) => /\/\S/.test(d));
}

// New style (since 2007): YYMM.NNNN or YYMM.NNNNN with an optional version; old style:
// archive(.SUBJECT)/YYMMNNN, e.g. hep-th/9901001 or math.GT/0309136.
const ARXIV_NEW = /(?:arXiv:\s?|arxiv\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5}(?:v\d+)?)/gi;
const ARXIV_OLD = /(?:arXiv:\s?|arxiv\.org\/(?:abs|pdf)\/)([a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)/gi;

export function findArxivIds(text: string): string[] {
  return [...text.matchAll(ARXIV_NEW), ...text.matchAll(ARXIV_OLD)].map((m) => m[1]);
}
