// Typesets the test paper into a one-column PDF, a large bold title and bold headings, with the
// same pdf-lib helpers the ingest unit tests build their PDFs with.
import { makePdf, wrap, type PlacedText } from '../test/pipeline/support/pdf';
import { PAPER } from './paper';

export async function paperPdf(): Promise<Buffer> {
  const pages: PlacedText[][] = [[]];
  let y = 730;
  const line = (text: string, size: number, bold = false, gap = size * 1.3) => {
    if (y < 60) {
      pages.push([]);
      y = 730;
    }
    pages[pages.length - 1].push({ text, x: 72, y, size, bold });
    y -= gap;
  };
  line(PAPER.title, 16, true, 30);
  for (const s of PAPER.sections) {
    y -= 6;
    line(s.title, 12, true, 18);
    for (const l of wrap(s.text, 90)) line(l, 10);
  }
  return Buffer.from(await makePdf(pages));
}
