// A Chinese PDF with a CID-keyed font in a predefined encoding (support/cjkPdf.ts): read with
// pdf.js's CMaps into a structured paper; without them it has no text. The app serves the same
// CMaps from public/pdfjs/cmaps/ (vite.config.ts) and precaches them (scripts/pwa/plugin.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PRECACHE_GLOBS } from '../../scripts/pwa/plugin';
import { configurePdfJs } from '../../src/pipeline/ingest/pdf';
import { ingest } from '../../src/pipeline/ingest';
import { CJK_FONT_FILES, CJK_PAPER, cjkPaperPdf, embeddedFontPaperPdf } from './support/cjkPdf';

const CMAPS = join(import.meta.dirname, '../../node_modules/pdfjs-dist/cmaps/');

describe('a Chinese PDF with a CID font', () => {
  afterAll(() => configurePdfJs({ cMapUrl: undefined }));

  it('has no text for pdf.js without the CMaps', async () => {
    configurePdfJs({ cMapUrl: undefined });
    await expect(ingest({ name: 'zh.pdf', bytes: cjkPaperPdf() })).rejects.toMatchObject({ code: 'no-text-layer' });
  });

  it('reads as Chinese with them: title, sections, kinds and character counts', async () => {
    configurePdfJs({ cMapUrl: CMAPS });
    const paper = await ingest({ name: 'zh.pdf', bytes: cjkPaperPdf() });
    expect(paper.title).toBe(CJK_PAPER.title);
    expect(paper.language).toBe('zh');
    expect(paper.sections.map((s) => [s.title, s.kind])).toEqual([
      ['摘要', 'abstract'],
      ['引言', 'body'],
      ['方法', 'body'],
      ['结论', 'body'],
      ['参考文献', 'references'],
    ]);
    // Lines broken by the layout join without spaces, so the text is the paragraph as written.
    expect(paper.sections[0].text).toBe(CJK_PAPER.sections[0][1]);
    expect(paper.sections[0].cjkChars).toBeGreaterThan(50);
  });

  // CI machines may lack the font: the PDF is written at test time only where it is installed.
  const fontFile = CJK_FONT_FILES.find((f) => existsSync(f));
  it.skipIf(!fontFile)('reads the same paper typeset with an embedded CJK font (fonts-droid-fallback)', async () => {
    configurePdfJs({ cMapUrl: CMAPS });
    const paper = await ingest({ name: 'zh-embedded.pdf', bytes: await embeddedFontPaperPdf(new Uint8Array(readFileSync(fontFile!))) });
    expect(paper.title).toBe(CJK_PAPER.title);
    expect(paper.sections.map((s) => s.title)).toEqual(['摘要', '引言', '方法', '结论', '参考文献']);
    expect(paper.sections[0].text).toBe(CJK_PAPER.sections[0][1]);
  });

  it('the service worker precaches the CMaps', () => {
    expect(PRECACHE_GLOBS).toContain('pdfjs/cmaps/*.bcmap');
  });
});
