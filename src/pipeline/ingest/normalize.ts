// Character- and line-level clean-up shared by every ingest path: ligatures and odd Unicode
// from PDF text layers, and words hyphenated across line ends.
import { joinsWithoutSpace } from '../cjk/sentences';

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
  '\u0132': 'IJ',
  '\u0133': 'ij',
  '\u0152': 'OE',
  '\u0153': 'oe',
};
const LIGATURE_RE = /[\uFB00-\uFB06\u0132\u0133\u0152\u0153]/g;

/** Expands typographic ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ) to plain letters so words match and read normally. */
export function normalizeLigatures(s: string): string {
  return s.replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c);
}

/** Ligatures, soft hyphens, zero-width and non-breaking spaces, CRLF. */
export function normalizeChars(s: string): string {
  return normalizeLigatures(s)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00AD\u200B\u200C\u200D\uFEFF]/g, '')
    .replace(/[\u00A0\u2002-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/\t/g, ' ');
}

const WORD_CHARS = /[A-Za-z\u00C0-\u024F]/;
const SUSPENDED = /^(and|or|to|versus|vs)$/;

/**
 * Joins the lines of one paragraph into a single line. A line ending in "letter-" followed by a
 * line starting with a lowercase letter is a word broken by the typesetter ("trans-\nformer"),
 * unless the fragment is itself a hyphenated compound ("state-of-the-\nart") or the document
 * spells the compound with a hyphen elsewhere (`knownHyphenated`).
 */
export function joinLines(lines: string[], knownHyphenated?: Set<string>, knownJoined?: Set<string>): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const m = /([A-Za-z\u00C0-\u024F][\w\u00C0-\u024F-]*)-$/.exec(out);
    const next = /^([a-z\u00DF-\u00FF][\w\u00C0-\u024F]*)/.exec(line);
    if (m && next && SUSPENDED.test(next[1]) && knownJoined?.has(`${m[1]}${next[1]}`.toLowerCase()) !== true) {
      // A suspended hyphen ("data- and computation-intensive", "pre- or post-processing"); TeX
      // never leaves a two-letter tail, and "and" ends few words the document would not spell whole.
      out += ' ' + line;
    } else if (m && next && WORD_CHARS.test(out.charAt(out.length - 2))) {
      const head = m[1];
      const tail = next[1];
      const hyphenated = `${head}-${tail}`.toLowerCase();
      const joined = `${head}${tail}`.toLowerCase();
      const keepHyphen =
        head.includes('-') ||
        (knownHyphenated?.has(hyphenated) === true && knownJoined?.has(joined) !== true);
      out = keepHyphen ? out + line : out.slice(0, -1) + line;
    } else {
      out += (joinsWithoutSpace(out, line) ? '' : ' ') + line;
    }
  }
  return out;
}

/** Words of a text that contain an inner hyphen / all words, lowercased; feeds joinLines' choice. */
export function wordForms(text: string): { hyphenated: Set<string>; words: Set<string> } {
  const hyphenated = new Set<string>();
  const words = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z\u00C0-\u024F]+(?:-[A-Za-z\u00C0-\u024F]+)*/g)) {
    const w = m[0].toLowerCase();
    if (w.includes('-')) hyphenated.add(w);
    else words.add(w);
  }
  return { hyphenated, words };
}

export function countWords(s: string): number {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}
