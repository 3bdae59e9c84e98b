// Builds small PDFs with pdf-lib for ingest tests: text placed at explicit positions.
import { PDFDocument, PDFName, PDFString, StandardFonts, rgb } from 'pdf-lib';

export interface PlacedText {
  text: string;
  x: number;
  y: number;
  size?: number;
  bold?: boolean;
}

export async function makePdf(pages: PlacedText[][], opts: { width?: number; height?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  for (const items of pages) {
    const page = doc.addPage([opts.width ?? 612, opts.height ?? 792]);
    for (const it of items) page.drawText(it.text, { x: it.x, y: it.y, size: it.size ?? 10, font: it.bold ? bold : font });
    if (!items.length) page.drawRectangle({ x: 100, y: 100, width: 300, height: 400, color: rgb(0.5, 0.5, 0.5) });
  }
  return doc.save();
}

/** Wraps words into lines of at most `width` characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(/\s+/)) {
    if (cur && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Lines placed top-down from `top` at x, 12pt leading. */
export function column(lines: string[], x: number, top: number, size = 10, leading = 12): PlacedText[] {
  return lines.map((text, i) => ({ text, x, y: top - i * leading, size }));
}

/** A PDF whose trailer points at a Standard security handler we do not know the password of. */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('secret text', { x: 50, y: 700, font });
  const enc = doc.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    Length: 40,
    P: -44,
    O: PDFString.of('0123456789abcdef0123456789abcdef'),
    U: PDFString.of('fedcba9876543210fedcba9876543210'),
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(enc);
  doc.context.trailerInfo.ID = doc.context.obj([PDFString.of('0123456789abcdef'), PDFString.of('0123456789abcdef')]);
  void PDFName;
  return doc.save({ useObjectStreams: false });
}
