// Cross-references resolved the way LaTeX numbers them: a pass over the (expanded) document
// counts sections, appendices, figures, tables, equations, algorithms and theorem-like
// environments and gives each \label the number of what encloses it, so \ref prints "3", \eqref
// "(2)" and \cref "Figure 4". A label the pass cannot number becomes a neutral word, never the raw
// label: "Section [sec_label]" is not what any reader of the paper saw.

export interface LabelTarget {
  kind: string;
  number: string;
}

const FLOATS: Record<string, string> = { figure: 'Figure', 'figure*': 'Figure', wrapfigure: 'Figure', table: 'Table', 'table*': 'Table', wraptable: 'Table', algorithm: 'Algorithm', 'algorithm*': 'Algorithm', lstlisting: 'Listing' };
const SINGLE_EQ = new Set(['equation', 'multline']);
const MULTI_EQ = new Set(['align', 'gather', 'eqnarray', 'flalign', 'alignat']);
const THEOREMS = new Set(['theorem', 'lemma', 'proposition', 'corollary', 'definition', 'remark', 'example', 'assumption', 'conjecture', 'claim', 'hypothesis']);
const LEVELS: Record<string, number> = { chapter: 0, section: 1, subsection: 2, subsubsection: 3 };
const PREFIX_KIND: Record<string, string> = { fig: 'figure', tab: 'table', tbl: 'table', eq: 'equation', eqn: 'equation', sec: 'section', ssec: 'section', subsec: 'section', app: 'appendix', alg: 'algorithm', thm: 'theorem', lem: 'lemma', def: 'definition', prop: 'proposition', cor: 'corollary', chap: 'chapter', ch: 'chapter' };

const letter = (n: number) => (n <= 26 ? String.fromCharCode(64 + n) : String(n));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function numberLabels(src: string): Map<string, LabelTarget> {
  const labels = new Map<string, LabelTarget>();
  const counters = new Map<string, number>();
  const bump = (k: string) => {
    const n = (counters.get(k) ?? 0) + 1;
    counters.set(k, n);
    return n;
  };
  const sections = [0, 0, 0, 0];
  let usesChapters = false;
  let appendix = false;
  let current: LabelTarget | null = null;
  const stack: (LabelTarget | null)[] = [];
  const token = /\\(begin|end)\s*\{([^}]*)\}|\\(chapter|section|subsection|subsubsection)(\*?)|\\(appendix)\b|\\label\s*\{([^}]*)\}/g;
  for (let m = token.exec(src); m; m = token.exec(src)) {
    if (m[1] === 'begin') {
      const env = m[2].trim();
      if (env === 'appendices' || env === 'appendix') appendix = startAppendix(sections);
      if (FLOATS[env]) stack.push({ kind: FLOATS[env], number: String(bump(FLOATS[env])) });
      else if (SINGLE_EQ.has(env)) stack.push({ kind: 'Equation', number: String(bump('Equation')) });
      else if (MULTI_EQ.has(env)) {
        // Each row of an align is numbered unless it says \nonumber; labels go to their row.
        const close = src.indexOf(`\\end{${env}}`, token.lastIndex);
        const body = src.slice(token.lastIndex, close < 0 ? src.length : close);
        const rows = body.split(/\\\\/);
        if (rows.length > 1 && !/\S/.test(rows[rows.length - 1])) rows.pop();
        for (const row of rows) {
          if (/\\(nonumber|notag)\b/.test(row)) continue;
          const n = String(bump('Equation'));
          for (const l of row.matchAll(/\\label\s*\{([^}]*)\}/g)) labels.set(l[1].trim(), { kind: 'Equation', number: n });
        }
        if (close >= 0) token.lastIndex = close + env.length + 6;
      } else if (THEOREMS.has(env.replace(/\*$/, '')) && !env.endsWith('*')) stack.push({ kind: cap(env), number: String(bump(env)) });
      else stack.push(null);
      continue;
    }
    if (m[1] === 'end') {
      stack.pop();
      continue;
    }
    if (m[5]) {
      appendix = startAppendix(sections);
      continue;
    }
    if (m[3]) {
      if (m[4]) continue;
      const level = LEVELS[m[3]];
      if (level === 0) usesChapters = true;
      sections[level]++;
      for (let k = level + 1; k < sections.length; k++) sections[k] = 0;
      const top = usesChapters ? 0 : 1;
      const parts = sections.slice(top, level + 1).map((n, k) => (k === 0 && appendix ? letter(n) : String(n)));
      current = { kind: appendix && level === top ? 'Appendix' : level === 0 ? 'Chapter' : 'Section', number: parts.join('.') };
      continue;
    }
    const name = m[6].trim();
    const target = [...stack].reverse().find((t) => t !== null) ?? current;
    if (target && !labels.has(name)) labels.set(name, target);
  }
  return labels;
}

function startAppendix(sections: number[]): boolean {
  sections.fill(0);
  return true;
}

function kindFromPrefix(label: string): string | undefined {
  const m = /^([A-Za-z]+)[:\-_.]/.exec(label.trim());
  return m ? PREFIX_KIND[m[1].toLowerCase()] : undefined;
}

/** The text a reference command prints for `labels`, from the numbers `numberLabels` found. */
export function referenceText(cmd: string, labels: string[], known: Map<string, LabelTarget>): string {
  const names = labels.map((l) => l.trim()).filter(Boolean);
  if (!names.length) return '';
  const targets = names.map((n) => known.get(n));
  const withKind = /^(autoref|cref|Cref|Vref|vref|nameref)$/.test(cmd);
  if (targets.some((t) => !t)) {
    // Unnumbered: the kind as a neutral phrase where the command prints one ("the figure").
    const kind = kindFromPrefix(names[0]);
    return withKind && kind ? `the ${kind}${names.length > 1 ? 's' : ''}` : '';
  }
  const nums = targets.map((t) => (cmd === 'eqref' ? `(${t!.number})` : t!.number));
  if (!withKind) return nums.join(', ');
  const list = nums.length <= 2 ? nums.join(' and ') : `${nums.slice(0, -1).join(', ')} and ${nums[nums.length - 1]}`;
  const kind = targets[0]!.kind;
  return `${kind}${nums.length > 1 ? 's' : ''} ${list}`;
}

