// Table-driven: odd and hostile inputs get a plain-words answer (a paper, or an IngestError whose
// message says what to do), never a hang or a raw exception. Model-folder failures are covered by
// test/engine/badFolders.test.ts; here only how the worker words them.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ModelFileError } from '../../src/engine/types';
import { INGEST_MESSAGES, IngestError, ingest, splitSentences, type Paper } from '../../src/pipeline';
import { describeError } from '../../src/worker/plainErrors';
import { makeEncryptedPdf, makePdf } from '../pipeline/support/pdf';

const enc = new TextEncoder();
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 97}`).join(' ');

async function manyPagePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let i = 0; i < pages; i++) doc.addPage([300, 300]).drawText(`Page ${i + 1} says routing helps.`, { x: 20, y: 250, size: 10, font });
  return doc.save();
}

type Input = Parameters<typeof ingest>[0];
interface Case {
  name: string;
  input: () => Promise<Input> | Input;
  /** An IngestError code, or a check of the paper. */
  expect: IngestError['code'] | ((p: Paper) => void);
  maxPages?: number;
  maxBytes?: number;
}

const cases: Case[] = [
  { name: 'empty paste', input: () => ({ text: '' }), expect: 'empty' },
  { name: 'whitespace, NBSP and zero-width only', input: () => ({ text: ' \n\t\u00a0\u200b\ufeff \r\n ' }), expect: 'empty' },
  { name: 'headings only', input: () => ({ text: 'Abstract\n\n1 Introduction\n\nReferences' }), expect: 'empty' },
  {
    name: 'a one-line paste is text, not a title over nothing',
    input: () => ({ text: 'Sparse routing helps small models' }),
    expect: (p) => expect(p.sections.map((s) => s.text).join(' ')).toContain('Sparse routing helps small models'),
  },
  {
    name: 'a 10 MB paste',
    input: () => ({ text: Array.from({ length: 2200 }, (_, i) => `Paragraph ${i} has a sentence. ${words(600)}.`).join('\n\n') }),
    expect: (p) => expect(p.wordCount).toBeGreaterThan(1_300_000),
  },
  {
    name: 'binary bytes pasted as text (NUL, controls, invalid surrogates)',
    input: () => ({ text: `Start \u0000\u0001\u0002\u0008\u000b\u000e\u001f\u007f\ud800\udfff end of it. ${String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i))}` }),
    expect: (p) => expect(p.sections.map((s) => s.text).join(' ')).toContain('end of it'),
  },
  {
    name: 'right-to-left text, bidi controls and combining marks',
    input: () => ({ text: 'Title\n\nמודלים קטנים משתפרים. النماذج الصغيرة تتحسن. \u202eevil\u202c Cafe\u0301 na\u0308ive Zalgo\u0336\u0337\u0338 text.' }),
    expect: (p) => {
      const t = p.sections.map((s) => s.text).join(' ');
      for (const part of ['מודלים קטנים משתפרים', 'النماذج الصغيرة تتحسن', '\u202eevil\u202c', 'Cafe\u0301', 'Zalgo\u0336\u0337\u0338']) expect(t).toContain(part);
    },
  },
  {
    name: 'a 200 000-character "sentence" without punctuation',
    input: () => ({ text: `Title\n\n${words(20_000)}` }),
    expect: (p) => {
      expect(p.wordCount).toBe(20_000);
      expect(splitSentences(p.sections[0].text).join(' ').length).toBe(p.sections[0].text.length);
    },
  },
  {
    name: 'private-use characters next to a URL (PDF symbol fonts)',
    input: () => ({ text: 'Title\n\nSee \ue0000\ue000 and https://example.org/a?b=1.2 for the proof.' }),
    expect: (p) => expect(splitSentences(p.sections[0].text).join(' ')).toBe('See \ue0000\ue000 and https://example.org/a?b=1.2 for the proof.'),
  },
  { name: 'empty file', input: () => ({ name: 'paper.pdf', bytes: new Uint8Array() }), expect: 'empty' },
  { name: 'file over the size limit', input: () => ({ name: 'paper.txt', bytes: enc.encode(words(1000)) }), expect: 'too-large', maxBytes: 1000 },
  { name: 'PDF without a text layer (scanned)', input: () => makePdf([[]]).then((bytes) => ({ name: 'scan.pdf', bytes })), expect: 'no-text-layer' },
  { name: 'encrypted PDF', input: () => makeEncryptedPdf().then((bytes) => ({ name: 'locked.pdf', bytes })), expect: 'encrypted' },
  {
    name: 'truncated PDF',
    input: async () => {
      const full = await makePdf([[{ text: 'Some text on the page.', x: 50, y: 700 }]]);
      return { name: 'cut.pdf', bytes: full.subarray(0, Math.floor(full.length / 3)) };
    },
    expect: 'corrupt',
  },
  {
    name: 'a PDF of 300 pages is read in full',
    input: () => manyPagePdf(300).then((bytes) => ({ name: 'long.pdf', bytes })),
    expect: (p) => expect(p.sections.map((s) => s.text).join(' ')).toContain('Page 300 says routing helps'),
  },
  { name: 'a PDF over the page limit', input: () => manyPagePdf(12).then((bytes) => ({ name: 'long.pdf', bytes })), expect: 'too-large', maxPages: 10 },
  {
    name: '.tex with unbalanced braces',
    input: () => ({ name: 'paper.tex', bytes: enc.encode('\\documentclass{article}\\begin{document}\\section{Intro}Text with {an open brace and \\textbf{bold never closed. More text after it.\\end{document}') }),
    expect: (p) => expect(p.sections.map((s) => s.text).join(' ')).toContain('More text after it'),
  },
  { name: 'a PNG named .pdf', input: () => ({ name: 'paper.pdf', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }), expect: 'unsupported-type' },
  { name: 'a .docx named .txt', input: () => ({ name: 'paper.txt', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]) }), expect: 'unsupported-type' },
  { name: 'random binary named .md', input: () => ({ name: 'notes.md', bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256) }), expect: 'unsupported-type' },
  {
    name: 'text named .pdf is read as text',
    input: () => ({ name: 'paper.pdf', bytes: enc.encode('Title\n\nThis file is text even though it is called a PDF.') }),
    expect: (p) => expect(p.sections[0].text).toContain('called a PDF'),
  },
];

describe('hostile and odd inputs', () => {
  it.each(cases)('$name', async (c) => {
    const input = await c.input();
    const run = ingest(input, { maxPages: c.maxPages, maxBytes: c.maxBytes });
    if (typeof c.expect === 'string') {
      const err = await run.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(IngestError);
      expect((err as IngestError).code).toBe(c.expect);
      // Shown to the user as is: it starts with the plain-words sentence for its code.
      expect((err as IngestError).message.startsWith(INGEST_MESSAGES[c.expect])).toBe(true);
      expect(describeError(err, { key: 'read', name: 'the file' }).message).toBe((err as IngestError).message);
    } else {
      c.expect(await run);
    }
  });

  it('model file problems reach the user naming the file and what is wrong', () => {
    const m = describeError(new ModelFileError('models/local/distilbart', 'onnx/encoder_model.onnx', 'the file is truncated (12 of 300 MB)'), { key: 'load', name: 'distilbart' });
    for (const part of ['distilbart', 'onnx/encoder_model.onnx', 'the file is truncated (12 of 300 MB)']) expect(m.message).toContain(part);
    expect(m.message).not.toMatch(/ModelFileError|at \w+ \(/);
    expect(describeError(new Error('Aborted(). Build with -sASSERTIONS for more info. out of memory'), { key: 'summarize' }).message).toMatch(/ran out of memory.*smaller model/);
  });
});
