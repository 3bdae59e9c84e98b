// Writes a Chinese PDF the way many Chinese typesetting tools do: a CID-keyed Type0 font
// (Adobe's STSong-Light, the standard Simplified Chinese font every PDF reader knows, not embedded)
// with the predefined UniGB-UCS2-H encoding. pdf.js can only turn its text back into Unicode with
// its CMap files (UniGB-UCS2-H and Adobe-GB1-UCS2), which is what the tests check. Nothing from a
// font file goes into it, so the PDF is free of any font licence.

export interface CjkLine {
  text: string;
  size: number;
  /** Points from the bottom-left corner. */
  x: number;
  y: number;
}

/** UCS-2 code units as PDF hex: UniGB-UCS2-H maps each 2-byte code to an Adobe-GB1 CID. */
function ucs2Hex(s: string): string {
  let hex = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c > 0xffff) throw new Error(`outside UCS-2: ${ch}`);
    hex += c.toString(16).padStart(4, '0');
  }
  return `<${hex}>`;
}

/** Lines, one page per array, into a PDF (1.7, classic xref table). */
export function makeCjkPdf(pages: CjkLine[][]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers start at 1
  const catalog = add('');
  const pagesObj = add('');
  const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 626 /StemV 93 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cidFont} 0 R] >>`);
  const kids: number[] = [];
  for (const lines of pages) {
    const content = lines.map((l) => `BT /F1 ${l.size} Tf ${l.x} ${l.y} Td ${ucs2Hex(l.text)} Tj ET`).join('\n');
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Breaks Chinese text into lines of at most `chars` characters (no spaces to break at). */
export function wrapCjk(text: string, chars: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += chars) out.push(text.slice(i, i + chars));
  return out;
}

/** A short Chinese paper laid out on one A4 page: title, headings, wrapped paragraphs. */
export const CJK_PAPER = {
  title: '基于图排序的中文论文摘要方法',
  sections: [
    ['摘要', '本文提出一种面向中文科技论文的抽取式摘要方法。该方法先用词语切分得到词项，再构建句子相似度图并进行排序。实验结果表明，该方法优于首句基线。'],
    ['一、引言', '自动摘要可以帮助研究人员快速了解论文内容。中文文本没有空格分隔词语，因此需要先进行分词。'],
    ['二、方法', '我们使用词语切分得到的词项计算句子之间的相似度，并用图排序算法迭代计算每个句子的得分。'],
    ['三、结论', '本文方法能够有效地从中文论文中抽取关键句子。'],
    ['参考文献', '王五。文本摘要综述。计算机学报，2020。'],
  ] as [string, string][],
};

export function cjkPaperPdf(): Uint8Array {
  const lines: CjkLine[] = [];
  let y = 780;
  lines.push({ text: CJK_PAPER.title, size: 18, x: 72, y });
  y -= 40;
  for (const [heading, body] of CJK_PAPER.sections) {
    lines.push({ text: heading, size: 13, x: 72, y });
    y -= 22;
    for (const l of wrapCjk(body, 34)) {
      lines.push({ text: l, size: 11, x: 72, y });
      y -= 16;
    }
    y -= 10;
  }
  return makeCjkPdf([lines]);
}

/** A font with CJK glyphs from Debian's packages, when installed (fonts-droid-fallback: Apache-2.0). */
export const CJK_FONT_FILES = ['/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf'];

/**
 * The same paper typeset with a real CJK font embedded (a subset, Identity-H with a ToUnicode map,
 * as pdf-lib writes it): the other way Chinese PDFs come. Only when such a font file is installed.
 */
export async function embeddedFontPaperPdf(fontBytes: Uint8Array): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const fontkit = (await import('@pdf-lib/fontkit')).default;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const page = doc.addPage([595, 842]);
  let y = 780;
  page.drawText(CJK_PAPER.title, { x: 72, y, size: 18, font });
  y -= 40;
  for (const [heading, body] of CJK_PAPER.sections) {
    page.drawText(heading, { x: 72, y, size: 13, font });
    y -= 22;
    for (const l of wrapCjk(body, 34)) {
      page.drawText(l, { x: 72, y, size: 11, font });
      y -= 16;
    }
    y -= 10;
  }
  return doc.save();
}
