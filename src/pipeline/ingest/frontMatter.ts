// The YAML front matter of Markdown papers (JOSS, pandoc, Manubot): the title and author names
// are there, not in a "#" heading, so without it a JOSS paper's title became its "# Summary".
// Only the few keys a paper needs are read, with the YAML forms such files use.
import { plainTitle } from './markup';

export interface FrontMatter {
  title?: string;
  authors?: string;
  /** The Markdown after the front matter. */
  body: string;
}

function scalar(v: string): string {
  const t = v.trim();
  if (/^'.*'$/.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  if (/^".*"$/.test(t)) return t.slice(1, -1).replace(/\\"/g, '"');
  return t;
}

export function readFrontMatter(src: string): FrontMatter {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(src);
  if (!m) return { body: src };
  const yaml = m[1];
  const body = src.slice(m[0].length);
  const title = /^title:[ \t]*(.+)$/m.exec(yaml)?.[1];
  // authors: a list of "- name: X" mappings or of plain names; author: one name.
  const names: string[] = [];
  const list = /^(?:authors?):[ \t]*\n((?:[ \t]+.*\n?|-.*\n?)*)/m.exec(yaml);
  if (list) {
    for (const line of list[1].split('\n')) {
      const named = /^\s*-?\s*name:\s*(.+)$/.exec(line);
      const plain = /^\s*-\s+([^:]+)$/.exec(line);
      if (named) names.push(scalar(named[1]));
      else if (plain) names.push(scalar(plain[1]));
    }
  } else {
    const one = /^author:[ \t]*(.+)$/m.exec(yaml)?.[1];
    if (one) names.push(scalar(one));
  }
  return { title: title && !/^[>|]/.test(title.trim()) ? plainTitle(scalar(title)) : undefined, authors: names.length ? names.join(', ') : undefined, body };
}
