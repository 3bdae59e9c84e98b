// Several files as one paper: a dropped folder, a multi-file selection or an unpacked archive. A
// LaTeX project is flattened from its main file; otherwise the one readable paper among the files
// is read, preferring the author's own source (Markdown) over a PDF, and a PDF over plain text.
import { ingestError } from '../errors';
import type { Paper } from '../types';
import type { ProjectFile } from './archive';
import { decodeText } from './detect';
import { parseLatex } from './latex';
import { flattenProject } from './latex/project';

const PREFERENCE = [/\.(md|markdown)$/i, /\.pdf$/i, /\.txt$/i];

export interface FilesChoice {
  /** A LaTeX project flattened into one source. */
  latex?: { text: string; main: string; warnings: string[] };
  /** Else the one file to read as a single input. */
  single?: ProjectFile;
}

export function chooseFromFiles(files: ProjectFile[]): FilesChoice {
  const texts = files.filter((f) => /\.(tex|ltx|latex|rnw|bbl)$/i.test(f.path)).map((f) => ({ path: f.path, text: decodeText(f.bytes) }));
  if (texts.some((f) => !/\.bbl$/i.test(f.path))) {
    const { main, text, missing } = flattenProject(texts);
    if (main) {
      const warnings = missing.length ? [`Not found in the project, so left out: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}.`] : [];
      return { latex: { text, main, warnings } };
    }
  }
  for (const re of PREFERENCE) {
    const f = files.find((x) => re.test(x.path));
    if (f) return { single: f };
  }
  return {};
}

/** Reads `files` as one paper; `readSingle` reads one file the ordinary way (PDF, Markdown, text). */
export async function ingestFiles(files: ProjectFile[], name: string, readSingle: (f: ProjectFile) => Promise<Paper>): Promise<Paper> {
  const choice = chooseFromFiles(files);
  if (choice.latex) {
    const { text, main, warnings } = choice.latex;
    return parseLatex(text, `${name} (${main.slice(main.lastIndexOf('/') + 1)})`, warnings);
  }
  if (choice.single) return readSingle(choice.single);
  throw ingestError('no-paper-in-files', name);
}
