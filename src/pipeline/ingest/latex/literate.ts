// Literate LaTeX (Sweave/knitr .Rnw, the form of many R packages' papers, JSS articles among
// them): code chunks and the inline \Sexpr{} results they compute are program text, not prose.
// Chunks are dropped; an \Sexpr becomes an ellipsis: its value exists only once R has run, and
// removing it outright would turn "$\Sexpr{n}$" into "$$", opening display math.
import { Scanner } from './scanner';

const CHUNK = /^[ \t]*<<[^\n]*>>=[ \t]*\n[\s\S]*?(?:^@[ \t]*$|(?![\s\S]))/gm;

export function dropCodeChunks(src: string): string {
  let s = src.replace(CHUNK, '');
  for (let at = s.indexOf('\\Sexpr'); at >= 0; at = s.indexOf('\\Sexpr', at)) {
    const sc = new Scanner(s);
    sc.i = at + '\\Sexpr'.length;
    if (sc.group() === null) {
      at += 6;
      continue;
    }
    s = `${s.slice(0, at)}…${s.slice(sc.i)}`;
  }
  return s;
}
