// PDFs as real manuscripts come: line numbers in the margin, a running head on every page,
// ligature glyphs the text layer lost, numbered lines of prose. Each case is a defect a reader
// of real papers met.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline';
import { matchHeading } from '../../src/pipeline/headings';
import { repairDroppedLigatures } from '../../src/pipeline/ingest/ligatures';
import { removeLineNumbers } from '../../src/pipeline/ingest/pdfMargins';
import { makePdf, wrap, type PlacedText } from './support/pdf';

const PROSE =
  'Glaciers lose mass as the climate warms and their fronts retreat each year. We track the fronts in radar images with a small network. ' +
  'The network labels each pixel as ice or water and the front is the boundary between them. Across many glaciers the method agrees with manual tracings. ' +
  'Radar sees through clouds so the method works in the polar night as well as in summer.';

/** A double-spaced manuscript page: lineno-style numbers right-aligned at x=40, text from x=72. */
function manuscriptPage(lines: string[], firstNumber: number, head: string): PlacedText[] {
  const out: PlacedText[] = [{ text: head, x: 72, y: 760, size: 10 }];
  lines.forEach((text, i) => {
    const y = 700 - i * 24;
    const n = String(firstNumber + i);
    out.push({ text: n, x: 40 - n.length * 5, y, size: 10 }, { text, x: 72, y, size: 12 });
  });
  return out;
}

describe('PDF manuscripts', () => {
  it('drops margin line numbers instead of putting them inside sentences', async () => {
    const lines = ['Tracking Glacier Fronts in Radar Images', '', 'Introduction', ...wrap(PROSE, 80)];
    const body = lines.filter((l) => l);
    const pdf = await makePdf([manuscriptPage(body, 1, 'Running head: GLACIER FRONTS')]);
    const paper = await ingest({ name: 'manuscript.pdf', bytes: pdf });
    const text = paper.sections.map((s) => s.text).join(' ');
    expect(text).toContain('Glaciers lose mass as the climate warms and their fronts retreat each year.');
    expect(text).not.toMatch(/\b(?:[1-9]|1[0-9])\b/);
  });

  it('never takes "Running head: ..." for the title', async () => {
    const page: PlacedText[] = [
      { text: 'Running head: GLACIER FRONTS', x: 72, y: 760, size: 12 },
      { text: 'Tracking Glacier Fronts in Radar Images', x: 150, y: 650, size: 12 },
      { text: 'Ingrid Holm', x: 250, y: 620, size: 12 },
      { text: 'Introduction', x: 72, y: 560, size: 12 },
      ...wrap(PROSE, 80).map((text, i) => ({ text, x: 72, y: 530 - i * 24, size: 12 })),
    ];
    const paper = await ingest({ name: 'apa.pdf', bytes: await makePdf([page]) });
    expect(paper.title).toBe('Tracking Glacier Fronts in Radar Images');
    expect(paper.sections.map((s) => s.text).join(' ')).not.toContain('Running head');
  });

  it('mends words whose ligature glyph the text layer dropped', async () => {
    const broken = 'The rst step is the identication of signicant coecients. The eect is dierent in each eld, as the gure shows, and we nd the nal model is ecient.';
    const page: PlacedText[] = [
      { text: 'A Study of Ligatures', x: 150, y: 720, size: 20 },
      { text: 'Introduction', x: 72, y: 660, size: 12, bold: true },
      ...wrap(broken, 90).map((text, i) => ({ text, x: 72, y: 640 - i * 14, size: 10 })),
    ];
    const paper = await ingest({ name: 'ligatures.pdf', bytes: await makePdf([page]) });
    expect(paper.sections.map((s) => s.text).join(' ')).toContain(
      'The first step is the identification of significant coefficients. The effect is different in each field, as the figure shows, and we find the final model is efficient.',
    );
  });
});

describe('dropped-ligature repair', () => {
  it('uses the document’s own intact spelling when it has one', () => {
    expect(repairDroppedLigatures('An offset here. Each oset is small.')).toBe('An offset here. Each offset is small.');
  });

  it('leaves a clean document exactly as it is, and real short words alone', () => {
    const clean = 'The two columns fit at the top of the page; we find it a great office model in the left column, as the text shows.';
    expect(repairDroppedLigatures(clean)).toBe(clean);
    expect(repairDroppedLigatures('rst nd nal at ow ex')).toBe('first find final at ow ex');
  });

  it('never turns real words into others, even in a text that drops ligatures (found on the corpus)', () => {
    const text = 'The rst step is the identication of signicant coecients. We need scales that are distant, classical, in balance, dedicated, and an army of nal checks.';
    expect(repairDroppedLigatures(text)).toBe(
      'The first step is the identification of significant coefficients. We need scales that are distant, classical, in balance, dedicated, and an army of final checks.',
    );
  });

  it('does not use the word list when most ligature words are intact (a few odd tokens are not evidence)', () => {
    const text = 'The first figure shows the effect of the coefficients on the field; specific and efficient. Odd tokens: nd nal.';
    expect(repairDroppedLigatures(text)).toBe(text);
  });

  it('keeps capitals', () => {
    expect(repairDroppedLigatures('Identication and SIGNICANT and rst and nal.')).toBe('Identification and SIGNIFICANT and first and final.');
  });
});

describe('margin line numbers', () => {
  const item = (str: string, x: number, y: number) => ({ str, x, y, width: str.length * 5, size: 10 });
  it('drops an increasing column of numbers beside the text, but not numbers in the text or a short column', () => {
    const items = [...Array.from({ length: 8 }, (_, i) => [item(String(i + 1), 40 - String(i + 1).length * 5, 700 - i * 20), item(`Line ${i} has 3 words`, 72, 700 - i * 20)]).flat()];
    const kept = removeLineNumbers(items).map((it) => it.str);
    expect(kept).toHaveLength(8);
    expect(kept.every((s) => s.startsWith('Line'))).toBe(true);
    const table = [item('12', 40, 700), item('7', 45, 680), item('Text', 72, 700)];
    expect(removeLineNumbers(table)).toHaveLength(3);
  });
});

describe('numbered lines of prose are not headings', () => {
  it.each(['2. The first step is to align the reads', '3. We then filter the reads that have low quality', '12 of them were excluded because it was late'])('%s', (line) => {
    expect(matchHeading(line)).toBeNull();
    expect(matchHeading(line, true)).toBeNull();
  });

  it.each([
    ['2 Methods', 'Methods'],
    ['3.1 Results on ImageNet', 'Results on ImageNet'],
    ['4 How to choose a celerite model', 'How to choose a celerite model'],
  ])('still reads %s as a heading', (line, title) => {
    expect(matchHeading(line, true)?.title).toBe(title);
  });
});

describe('words cut at column and page breaks', () => {
  it('are joined across a column break and across a page break with a running header between', async () => {
    const head = (n: number): PlacedText[] => [
      { text: 'Journal of Tests 12 (2024)', x: 220, y: 765, size: 8 },
      { text: String(n), x: 303, y: 30, size: 9 },
    ];
    const col = (lines: string[], x: number, top: number): PlacedText[] => lines.map((text, i) => ({ text, x, y: top - i * 12, size: 10 }));
    const left = ['1 Introduction', ...wrap('Alpha words open the left column and keep going for a while with more words here and the algo-', 48)];
    const right = wrap('rithm runs in the right column and goes on for a few more words until the page ends with the devi-', 48);
    const p1 = [{ text: 'A Paper on Breaks', x: 200, y: 735, size: 20 }, ...col(left, 50, 680), ...col(right, 320, 680), ...head(1)];
    const p2 = [...col(wrap('ation that is small across the page break. The end.', 48), 50, 700), ...head(2)];
    const paper = await ingest({ name: 'breaks.pdf', bytes: await makePdf([p1, p2]) });
    const text = paper.sections.map((s) => s.text).join(' ');
    expect(text).toContain('the algorithm runs in the right column');
    expect(text).toContain('the deviation that is small across the page break.');
  });
});
