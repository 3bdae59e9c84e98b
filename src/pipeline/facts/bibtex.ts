// The card's front matter as one BibTeX entry: @article when the paper names a venue, @misc
// otherwise (an arXiv preprint gets eprint/archivePrefix fields). The key is stable: the first
// author's family name, the year and the title's first significant word, folded to ASCII.
import type { PaperFacts } from './types';

const STOP = new Set('a an the of on in for and to with from by at is are toward towards via using'.split(' '));

/** Escapes the characters LaTeX treats specially, so values print as written. */
export function escapeLatex(s: string): string {
  return s
    .replace(/[\\{}&%$#_~^]/g, (c) => {
      switch (c) {
        case '\\':
          return '\\textbackslash{}';
        case '~':
          return '\\textasciitilde{}';
        case '^':
          return '\\textasciicircum{}';
        default:
          return `\\${c}`;
      }
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

function familyName(person: string): string {
  // "Foreman-Mackey, Daniel" or "Daniel Foreman-Mackey"; particles stay with the family name in the entry, not the key.
  if (person.includes(',')) return person.split(',')[0].trim();
  const words = person.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

export function citationKey(facts: PaperFacts): string {
  const first = facts.authors[0]?.value ?? '';
  // Chinese names have no ASCII form here: the arXiv id or DOI stands in, else "paper".
  const author = ascii(familyName(first));
  const year = facts.year?.value.match(/\d{4}/)?.[0] ?? '';
  const word = (facts.title?.value ?? '')
    .split(/[^\p{L}\p{N}]+/u)
    .map(ascii)
    .find((w) => w.length > 1 && !STOP.has(w)) ?? '';
  const key = `${author}${year}${word}`;
  if (key && author) return key;
  const id = facts.arxivId?.value ?? facts.doi?.value;
  return id ? `${key || 'paper'}${id.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 40) : key || 'paper';
}

export function factsToBibtex(facts: PaperFacts): string {
  const fields: [string, string][] = [];
  const add = (name: string, value: string | undefined, escape = true) => {
    if (value && value.trim()) fields.push([name, escape ? escapeLatex(value) : value.trim()]);
  };
  add('title', facts.title?.value);
  // A name with a comma of its own would read as "Family, Given": braces keep it one name.
  add('author', facts.authors.map((a) => (a.value.includes(',') ? `{${escapeLatex(a.value)}}` : escapeLatex(a.value))).join(' and '), false);
  const article = Boolean(facts.venue);
  if (article) add('journal', facts.venue?.value);
  add('year', facts.year?.value.match(/\d{4}/)?.[0]);
  // DOIs and arXiv ids go in verbatim (biblatex and natbib read them as strings, \_ would break the link).
  add('doi', facts.doi?.value.replace(/[{}\s]/g, ''), false);
  if (facts.arxivId) {
    add('eprint', facts.arxivId.value.replace(/[{}\s]/g, ''), false);
    add('archivePrefix', 'arXiv', false);
    const cls = /^([a-z\-]+(?:\.[A-Z]{2})?)\//.exec(facts.arxivId.value);
    if (cls) add('primaryClass', cls[1], false);
  }
  const type = article ? 'article' : 'misc';
  const width = Math.max(...fields.map(([n]) => n.length), 0);
  const body = fields.map(([n, v]) => `  ${n.padEnd(width)} = {${v}}`).join(',\n');
  return `@${type}{${citationKey(facts)}${body ? `,\n${body}` : ''}\n}\n`;
}
