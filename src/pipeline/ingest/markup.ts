// Markdown's inline markup removed, leaving the words: for Markdown prose, and for titles wherever
// they come from (a pasted "**Title**" must not show its asterisks in history or exports).
import { Scanner } from './latex/scanner';

/**
 * A link's words, and for a web address the address after them ("the kombine library
 * (https://github.com/bfarr/kombine)"), as a plain-text rendering prints it: the paper keeps
 * where it points, and the facts card reads code and data links from the text. In-document
 * anchors, mail links and words that already hold the address stay as they are.
 */
export function linkText(text: string, target: string): string {
  const url = target.trim().split(/\s+/)[0] ?? '';
  if (!/^(?:https?:\/\/|ftp:\/\/|www\.)\S/i.test(url) || text.includes(url.replace(/^[a-z]+:\/\//i, '').replace(/\/$/, ''))) return text;
  return `${text} (${url})`;
}

// Raw TeX that pandoc Markdown passes through and prints when it typesets (JOSS papers write
// \emph{every spot} and \footnote{\url{...}} in Markdown): its words, not its commands.
const TEX_WORDS = /\\(?:emph|textbf|textit|texttt|textsf|textsc|underline|mbox)\{([^{}]*)\}/g;

function rawTexWords(s: string, linkTargets: boolean): string {
  return s
    .replace(/\\href\{([^{}]*)\}\{([^{}]*)\}/g, (_, url: string, text: string) => (linkTargets ? linkText(text, url) : text))
    .replace(/\\url\{([^{}]*)\}/g, '$1')
    .replace(TEX_WORDS, '$1')
    .replace(/\\\\(?=\s|$)/g, ' ');
}

/**
 * Raw TeX footnotes taken out of a paragraph of pandoc Markdown: the paragraph without them and
 * their contents, which the caller sets where a footnote is printed (balanced braces; escaped
 * braces aside).
 */
export function takeTexFootnotes(paragraph: string): { text: string; notes: string[] } {
  const notes: string[] = [];
  const sc = new Scanner(paragraph);
  let text = '';
  for (let at = paragraph.indexOf('\\footnote{'); at >= 0; at = paragraph.indexOf('\\footnote{', sc.i)) {
    text += paragraph.slice(sc.i, at);
    sc.i = at + '\\footnote'.length;
    notes.push((sc.group() ?? '').replace(/\s+/g, ' ').trim());
  }
  if (!notes.length) return { text: paragraph, notes };
  // "implementations\footnote{...}." leaves no space before the full stop, "code \footnote{...} is" one.
  return { text: (text + paragraph.slice(sc.i)).replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' '), notes };
}

/** `linkTargets`: keep a link's web address after its words (prose), or only the words (titles, headings). */
export function stripMarkup(s: string, linkTargets = false): string {
  return rawTexWords(s, linkTargets)
    .replace(/!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?/g, '')
    .replace(/\[([^\]]+)\]\(([^)]*)\)(\{[^}]*\})?/g, (_, text: string, target: string) => (linkTargets ? linkText(text, target) : text))
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/<((?:https?|ftp):\/\/[^\s>]+|[^\s@<>]+@[^\s@<>]+\.[a-z]{2,})>/gi, '$1') // autolinks keep their text
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    // Pandoc attributes: {#fig:x}, {.page_break_before}, {#tbl:y width="50%"}.
    .replace(/\s*\{[#.][^{}]*\}/g, '');
}

/** A title as plain words: markup, a leading "#" and "Title:" labels gone. */
export function plainTitle(s: string): string {
  return stripMarkup(s.replace(/^\s*#+\s*/, '')).replace(/\s+/g, ' ').trim();
}
