// File-type detection from the bytes first (magic numbers, text-ness), the extension second.

export type InputType = 'pdf' | 'latex' | 'markdown' | 'text' | 'unsupported';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** Known binary containers we refuse with a clear message rather than decoding as text. */
function binaryKind(b: Uint8Array): string | null {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP/Office document (e.g. .docx)';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return 'an old Office document (.doc)';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return 'a PNG image';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'a JPEG image';
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return 'a GIF image';
  if (startsWith(b, [0x1f, 0x8b])) return 'a gzip archive';
  if (startsWith(b, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'an RTF document';
  return null;
}

/** "%PDF-" within the first KiB (some files carry junk before the header, which readers accept). */
export function isPdf(b: Uint8Array): boolean {
  const n = Math.min(b.length - 4, 1024);
  for (let i = 0; i < n; i++) {
    if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46 && b[i + 4] === 0x2d) return true;
  }
  return false;
}

/** Text if the sample decodes as UTF-8 (or UTF-16 with BOM) without NULs or many control chars. */
export function looksLikeText(b: Uint8Array): boolean {
  const sample = b.subarray(0, 8192);
  if (sample.length === 0) return true;
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) return true;
  let control = 0;
  for (const x of sample) {
    if (x === 0) return false;
    if (x < 9 || (x > 13 && x < 32)) control++;
  }
  if (control > sample.length * 0.01) return false;
  try {
    // A cut multi-byte character at the sample end is fine; invalid sequences elsewhere are not.
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length === b.length ? sample : trimPartial(sample));
    return true;
  } catch {
    // Legacy 8-bit text (Latin-1) still counts as text when it has no control characters.
    return control === 0;
  }
}

function trimPartial(b: Uint8Array): Uint8Array {
  let end = b.length;
  for (let k = 0; k < 4 && end > 0 && (b[end - 1] & 0xc0) === 0x80; k++) end--;
  if (end > 0 && b[end - 1] >= 0xc0) end--;
  return b.subarray(0, end);
}

export function decodeText(b: Uint8Array): string {
  if (startsWith(b, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (startsWith(b, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(b.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(b);
  }
}

const LATEX_HINT = /\\(documentclass|begin\{document\}|section\*?\{|title\{|usepackage|begin\{abstract\})/;
const MARKDOWN_HINT = /^(#{1,6} \S|\s*[-*] \S.*\n\s*[-*] \S|```)/m;

export interface Detection {
  type: InputType;
  /** Set for `unsupported`: what the bytes look like, for the error message. */
  what?: string;
}

export function detectType(name: string, bytes: Uint8Array): Detection {
  if (isPdf(bytes)) return { type: 'pdf' };
  const bin = binaryKind(bytes);
  if (bin) return { type: 'unsupported', what: bin };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!looksLikeText(bytes)) {
    return { type: 'unsupported', what: ext === 'pdf' ? 'not a PDF (no %PDF header) and not text' : 'binary data, not text' };
  }
  const head = decodeText(bytes.subarray(0, 65536));
  if (ext === 'tex' || ext === 'latex' || ext === 'ltx' || ext === 'rnw' || LATEX_HINT.test(head)) return { type: 'latex' };
  if (ext === 'md' || ext === 'markdown' || ext === 'mdx') return { type: 'markdown' };
  if (ext === 'txt' || ext === 'text' || !ext) return { type: MARKDOWN_HINT.test(head) ? 'markdown' : 'text' };
  // A text file under an unexpected extension (.pdf that is text, .csv, .log ...): read it as text.
  return { type: MARKDOWN_HINT.test(head) ? 'markdown' : 'text' };
}
