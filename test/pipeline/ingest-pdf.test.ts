import { describe, expect, it } from 'vitest';
import { ingest, IngestError } from '../../src/pipeline';
import { lineFragments, readingOrder } from '../../src/pipeline/ingest/pdfLayout';
import { column, makeEncryptedPdf, makePdf, wrap, type PlacedText } from './support/pdf';

const header = (n: number): PlacedText[] => [
  { text: 'Proceedings of the Conference on Tests 2024', x: 200, y: 765, size: 8 },
  { text: String(n), x: 303, y: 30, size: 9 },
];

async function twoColumnPaper(): Promise<Uint8Array> {
  const left = [
    '1 Introduction',
    ...wrap('Alpha sentence opens the left column and keeps going for a while. The trans-', 48),
    'former model is great. It is a state-of-the-',
    'art model that works well. LEFTEND closes the column.',
  ];
  const right = ['2 Method', ...wrap('Bravo sentence opens the right column. It continues with words about our method. RIGHTEND closes it.', 48)];
  const page1 = [
    { text: 'A Two Column Paper', x: 170, y: 735, size: 20 },
    { text: 'Ann Author and Bob Writer', x: 230, y: 710, size: 11 },
    ...column(left, 50, 670),
    ...column(right, 320, 670),
    ...header(1),
  ];
  const page2 = [...column(wrap('Charlie text on page two talks about results. The results are good.', 48), 50, 700), ...header(2)];
  const page3 = [
    ...column(wrap('Delta text on page three concludes the paper.', 48), 50, 700),
    ...column(['References', '[1] A. Someone. Title of a cited work. 2020.', '[2] B. Other. Another cited work. 2021.'], 320, 700),
    ...header(3),
  ];
  return makePdf([page1, page2, page3]);
}

describe('PDF ingest', () => {
  it('reads a two-column page left column first, mends hyphenation and finds the title', async () => {
    const paper = await ingest({ name: 'paper.pdf', bytes: await twoColumnPaper() });
    expect(paper.title).toBe('A Two Column Paper');
    expect(paper.authors).toBe('Ann Author and Bob Writer');
    const body = paper.sections.map((s) => s.text).join('\n');
    const order = ['Alpha', 'LEFTEND', 'Bravo', 'RIGHTEND', 'Charlie', 'Delta'].map((w) => body.indexOf(w));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body).toContain('The transformer model is great.');
    expect(body).toContain('state-of-the-art model');
    expect(paper.sections.slice(0, 2).map((s) => s.title)).toEqual(['Introduction', 'Method']);
  });

  it('removes running headers, page numbers and marks references', async () => {
    const paper = await ingest({ name: 'paper.pdf', bytes: await twoColumnPaper() });
    const all = paper.sections.map((s) => s.text).join('\n');
    expect(all).not.toContain('Proceedings of the Conference');
    expect(all).not.toMatch(/(^|\n)\d(\n|$)/);
    const refs = paper.sections.find((s) => s.kind === 'references');
    expect(refs?.text).toContain('Title of a cited work');
    expect(paper.sections.filter((s) => s.kind === 'body').map((s) => s.text).join(' ')).not.toContain('cited work');
  });

  it('keeps the paragraphs of a double-spaced manuscript whole and finds its sentence-case headings', async () => {
    const para = (t: string) => wrap(t, 70);
    const lines: { text: string; gapAfter: number; size?: number; bold?: boolean }[] = [
      { text: 'A Double Spaced Manuscript', gapAfter: 48, size: 16, bold: true },
      { text: '1 Protein k-mers enable assembly-free metapangenomics', gapAfter: 36, bold: true },
      // Line spacing 24 pt (double-spaced 12 pt); a paragraph ends with a wider gap.
      ...para('Metapangenomics compares the genes of many genomes in many samples at once. Protein k-mers let us do it without assembly, which loses the rare genomes in a sample.').map((text, i, all) => ({ text, gapAfter: i === all.length - 1 ? 40 : 24 })),
      { text: 'Here we show that it works on real samples.', gapAfter: 52 },
      { text: '2 Samples and sequencing', gapAfter: 36, bold: true },
      ...para('All samples came from one lake and were sequenced twice on the same machine by the same people over two days.').map((text) => ({ text, gapAfter: 24 })),
    ];
    let y = 740;
    const page: PlacedText[] = lines.map((l) => {
      const item = { text: l.text, x: 72, y, size: l.size ?? 12, bold: l.bold };
      y -= l.gapAfter;
      return item;
    });
    const paper = await ingest({ name: 'double.pdf', bytes: await makePdf([page]) });
    expect(paper.sections.map((s) => s.title)).toEqual(['Protein k-mers enable assembly-free metapangenomics', 'Samples and sequencing']);
    // One paragraph per block of text, not one per double-spaced line.
    expect(paper.sections[0].text.split('\n\n')).toHaveLength(2);
    expect(paper.sections[0].text).toContain('which loses the rare genomes in a sample.');
    expect(paper.sections[1].text.split('\n\n')).toHaveLength(1);
  });

  it('reports progress per page', async () => {
    const seen: string[] = [];
    await ingest({ name: 'paper.pdf', bytes: await twoColumnPaper() }, { onProgress: (p) => seen.push(`${p.done}/${p.total}`) });
    expect(seen).toEqual(['1/3', '2/3', '3/3']);
  });

  it('warns about single pages without text', async () => {
    const bytes = await makePdf([column(wrap('Some real text on the first page of this document. It has sentences.', 60), 50, 700), []]);
    const paper = await ingest({ name: 'mixed.pdf', bytes });
    expect(paper.warnings.join(' ')).toMatch(/Page 2 had no text layer/);
  });

  it.each([
    ['no text layer', async () => makePdf([[], []]), 'no-text-layer', /no text layer — it is probably scanned; paste the text instead/],
    ['encrypted', makeEncryptedPdf, 'encrypted', /password-protected or encrypted/],
    ['truncated', async () => (await twoColumnPaper()).slice(0, 900), 'corrupt', /damaged or incomplete/],
  ])('%s PDF fails with a plain IngestError', async (_name, make, code, message) => {
    const err = await ingest({ name: 'x.pdf', bytes: await make() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err).toMatchObject({ code });
    expect((err as Error).message).toMatch(message);
  });

  it('refuses PDFs over the page limit', async () => {
    await expect(ingest({ name: 'big.pdf', bytes: await twoColumnPaper() }, { maxPages: 2 })).rejects.toMatchObject({ code: 'too-large' });
  });
});

describe('PDF layout helpers', () => {
  it('expands ligature characters in text items', () => {
    const lines = lineFragments(
      { width: 612, height: 792, items: [{ str: 'The ﬁrst ﬂow is eﬃcient and ﬀ', x: 50, y: 700, width: 150, size: 10 }] },
      0,
    );
    expect(lines[0].text).toBe('The first flow is efficient and ff');
  });

  it('keeps full-width lines between column bands', () => {
    const item = (str: string, x: number, y: number, width = 200) => ({ str, x, y, width, size: 10 });
    const items = [
      item('Full width title line spanning the page', 50, 750, 500),
      item('L1', 50, 700), item('R1', 320, 700), item('L2', 50, 688), item('R2', 320, 688), item('L3', 50, 676), item('R3', 320, 676),
      item('Full width figure caption spanning the page', 50, 600, 500),
      item('L4', 50, 550), item('R4', 320, 550), item('L5', 50, 538), item('R5', 320, 538), item('L6', 50, 526), item('R6', 320, 526),
    ];
    const order = readingOrder(lineFragments({ width: 612, height: 792, items }, 0), 612).map((l) => l.text.split(' ')[0]);
    expect(order).toEqual(['Full', 'L1', 'L2', 'L3', 'R1', 'R2', 'R3', 'Full', 'L4', 'L5', 'L6', 'R4', 'R5', 'R6']);
  });
});

describe('file type detection', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('reads a .pdf that is really text as text', async () => {
    const paper = await ingest({ name: 'paper.pdf', bytes: enc('My Paper\n\nIntroduction\nThis is text saved with the wrong name.') });
    expect(paper.sections[0].title).toBe('Introduction');
  });
  it('rejects binary data named .txt', async () => {
    const bytes = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256);
    await expect(ingest({ name: 'notes.txt', bytes })).rejects.toMatchObject({ code: 'unsupported-type' });
  });
  it('rejects a Word document by its magic bytes', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc('word/document.xml')]);
    const err = await ingest({ name: 'paper.docx', bytes }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unsupported-type' });
    expect((err as Error).message).toMatch(/ZIP\/Office/);
  });
  it('detects a PDF by its header whatever the name', async () => {
    const paper = await ingest({ name: 'download', bytes: await twoColumnPaper() });
    expect(paper.title).toBe('A Two Column Paper');
  });
});
