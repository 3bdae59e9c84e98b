// Property: the text pipeline (ingest -> structure -> sentences -> chunks) never throws on any
// text and never loses a character it is not allowed to strip.
//
// What may be stripped or rewritten, precisely:
//  - whitespace of any kind (collapsed, trimmed; tabs and odd spaces become spaces, CR LF -> LF);
//  - soft hyphens, zero-width spaces/joiners and BOMs (normalizeChars removes them), and ligatures
//    expand to their letters (compared after the same normalisation);
//  - hyphens ('-'), since a hyphen at a line end joins the broken word;
//  - a line recognised as a section heading (matchHeading, standalone when blank lines surround
//    it): numbering, case and trailing ':' may
//    change as it becomes a section title;
//  - front-matter lines before the first section (affiliations, e-mails, correspondence,
//    keywords: see src/pipeline/frontLines.ts), which the generated pieces below do not form.
// Added text is allowed (a default title "Untitled", an "Abstract" title for an untitled lead,
// "; " between author lines). Everything else of every other line must come out, in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkSections } from '../../src/pipeline/chunking';
import { matchHeading } from '../../src/pipeline/headings';
import { IngestError, ingest } from '../../src/pipeline/ingest';
import { normalizeChars } from '../../src/pipeline/ingest/normalize';
import { splitSentences } from '../../src/pipeline/sentences';
import type { Paper } from '../../src/pipeline/types';

const compact = (s: string) => s.replace(/[\s-]+/g, '');

function isSubsequence(needle: string, hay: string): number {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j; // characters of `needle` found in order
}

const pieces = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z]{1,12}$/) },
  { weight: 2, arbitrary: fc.constantFrom('.', ',', ';', ':', '!', '?', '(', ')', '[1]', '"', "'", 'e.g.', 'et al.', 'Fig. 3', '3.14', 'U.S.') },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '\t', '\u00a0', '  ', '-\n', '- ') },
  { weight: 1, arbitrary: fc.constantFrom('مرحبا بالعالم', 'שלום עולם', 'e\u0301te\u0301', 'Zoë', '漢字かな', '👩‍🔬', '\u202Eevil\u202C', '\u200B', '\u00AD', '\uFEFF', 'ﬁnal', '\u0001', '\u0007', '\u001b[31m') },
  { weight: 1, arbitrary: fc.constantFrom('http://example.org/a?b=1.2', 'www.site.com/x!y', '\uE0000\uE000', '\uE000') },
  { weight: 1, arbitrary: fc.constantFrom('\n1 Introduction\n', '\nReferences\n', '\nAbstract: ', '\n2.1 Method\n', '\nIII. RESULTS\n', '\n## Heading\n') },
);

const paperText = fc.array(pieces, { minLength: 1, maxLength: 120 }).map((parts) => parts.join(' '));

/** The characters that must survive: every non-heading line, compacted, in order. */
function mustKeep(text: string): string {
  const lines = normalizeChars(text)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim());
  // A line alone between blank lines may be a sentence-case numbered heading, as structure reads it.
  return lines
    .filter((l, i) => l && !matchHeading(l, !lines[i - 1] && !lines[i + 1]))
    .map(compact)
    .join('');
}

function everything(paper: Paper): string {
  return compact([paper.title, paper.authors ?? '', ...paper.sections.flatMap((s) => [s.title, s.text])].join(' '));
}

/** A tokenizer stand-in: one token per 4 characters of a word, at least one. */
const countTokens = (s: string) => s.split(/\s+/).filter(Boolean).reduce((n, w) => n + Math.max(1, Math.ceil(w.length / 4)), 0);

describe('text pipeline property', () => {
  it('never throws (except "no text") and never drops a character it may not strip', async () => {
    await fc.assert(
      fc.asyncProperty(paperText, async (text) => {
        let paper: Paper;
        try {
          paper = await ingest({ text });
        } catch (e) {
          // The one allowed refusal: nothing but whitespace and headings, said in words.
          expect(e).toBeInstanceOf(IngestError);
          expect((e as IngestError).code).toBe('empty');
          expect(mustKeep(text), JSON.stringify(text)).toBe('');
          return;
        }
        const keep = mustKeep(text);
        const found = isSubsequence(keep, everything(paper));
        expect(found, `lost "${keep.slice(found, found + 20)}" of ${JSON.stringify(text).slice(0, 300)}`).toBe(keep.length);

        for (const s of paper.sections) {
          const sentences = splitSentences(s.text);
          expect(compact(sentences.join(' ')), JSON.stringify(s.text).slice(0, 300)).toBe(compact(s.text));
          const chunks = chunkSections([{ title: s.title, sentences }], { countTokens, maxTokens: 6 });
          expect(compact(chunks.map((c) => c.text).join(' '))).toBe(compact(sentences.join(' ')));
          for (const c of chunks) expect(countTokens(c.text)).toBeLessThanOrEqual(6);
        }
      }),
      { numRuns: 300 },
    );
  });
});
