// Typesets the test paper into a one-column PDF with pdf-lib: a large bold title, bold headings.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PAPER } from './paper';

function wrap(text: string, width: number): string[] {
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

export async function paperPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  let page = doc.addPage([612, 792]);
  let y = 730;
  const line = (text: string, size: number, f = font, gap = size * 1.3) => {
    if (y < 60) {
      page = doc.addPage([612, 792]);
      y = 730;
    }
    page.drawText(text, { x: 72, y, size, font: f });
    y -= gap;
  };
  line(PAPER.title, 16, bold, 30);
  for (const s of PAPER.sections) {
    y -= 6;
    line(s.title, 12, bold, 18);
    for (const l of wrap(s.text, 90)) line(l, 10);
  }
  return Buffer.from(await doc.save());
}
