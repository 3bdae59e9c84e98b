// Lines of plain text (a PDF's text layer, a paste) that are not prose: the front matter between
// a paper's authors and its first section (affiliations, e-mail addresses, correspondence,
// keywords, dates), and the second line of a heading the typesetter wrapped. Without these, an
// affiliation block became the "Abstract", numbered affiliations became sections, and a wrapped
// heading lost its second half to the body.

const AFFILIATION = /\b(?:universit(?:y|ies|ät|é|at|à)|department|dept\.|institut(?:e|o)?|laborator(?:y|ies)|school of|college|faculty|hospital|cent(?:re|er) for|division of|academy of|polytechnic)\b/i;
const LABELLED = /^(?:correspondence|corresponding authors?|e-?mails?|keywords?|key\s+words|received|accepted|revised|published|available online|orcid|author contributions?)\b\s*[:.]/i;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;

/** An affiliation, address, e-mail, correspondence, keywords or dates line of the front matter. */
export function isFrontMatterLine(line: string): boolean {
  const t = line.trim().replace(/^(?:\d{1,2}|[a-z]|[*†‡§¶]+)[\s.)]\s*(?=\S)/, '');
  if (!t || t.length > 300) return false;
  if (LABELLED.test(t) || EMAIL.test(t)) return true;
  // An affiliation names an institution and, usually, a place after commas.
  return AFFILIATION.test(t) && (t.match(/,/g)?.length ?? 0) >= 1 && !/[.!?]$/.test(t.replace(/\b[A-Z]\.$/, ''));
}

/**
 * The second line of a wrapped heading: short, no sentence punctuation at its end, and alone
 * before a blank line (a heading's first body line runs on into the paragraph).
 */
export function isHeadingContinuation(heading: string, next: string | undefined, afterNext: string | undefined): boolean {
  if (!next || afterNext) return false;
  if (heading.length < 30 || next.length > 60) return false;
  if (/[.!?:;,]$/.test(next) || next.split(/\s+/).length > 10) return false;
  return /^[\p{L}(]/u.test(next) && !isFrontMatterLine(next);
}
