// Reading order and clean-up for PDF text: pure functions over positioned text items so they
// can be tested without pdf.js. Coordinates are PDF user space (y grows upwards).
import { normalizeLigatures } from './normalize';

export interface PositionedItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (height of the text matrix). */
  size: number;
  hasEOL?: boolean;
}

export interface PageText {
  items: PositionedItem[];
  width: number;
  height: number;
}

export interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
}

/** Groups items of one page into line fragments: same baseline, no wide horizontal gap. */
export function lineFragments(page: PageText, pageIndex: number): Line[] {
  const items = page.items
    .filter((it) => it.str.length > 0 && !(it.str.trim() === '' && it.width > it.size * 2))
    .map((it) => ({ ...it, str: normalizeLigatures(it.str) }));
  // Bucket by baseline (rounded to a fraction of the font size), then sort each row by x.
  const rows: PositionedItem[][] = [];
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  for (const it of sorted) {
    const row = rows.length ? rows[rows.length - 1] : null;
    if (row && Math.abs(row[0].y - it.y) <= Math.max(1.5, Math.min(row[0].size, it.size) * 0.35)) row.push(it);
    else rows.push([it]);
  }
  const out: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let cur: Line | null = null;
    for (const it of row) {
      const gap = cur ? it.x - cur.x1 : 0;
      // A gap of more than ~1.5 em separates columns (or table cells), not words.
      if (!cur || gap > Math.max(it.size, cur.size) * 1.5) {
        if (cur) out.push(cur);
        cur = { text: it.str, x0: it.x, x1: it.x + it.width, y: it.y, size: it.size, page: pageIndex };
      } else {
        const needsSpace = gap > it.size * 0.15 && !cur.text.endsWith(' ') && !it.str.startsWith(' ');
        cur.text += (needsSpace ? ' ' : '') + it.str;
        cur.x1 = Math.max(cur.x1, it.x + it.width);
        cur.size = Math.max(cur.size, it.size);
      }
    }
    if (cur) out.push(cur);
  }
  return out.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

/**
 * Orders fragments for reading: full-width fragments act as separators; between them, a
 * two-column band is read left column first, then right. The gutter is the x in the middle
 * of the page crossed by the fewest fragments.
 */
export function readingOrder(lines: Line[], pageWidth: number): Line[] {
  if (lines.length < 4) return [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  // The gutter: the widest run of x positions crossed by the fewest fragments, with column text
  // on both sides (titles, headers and captions may cross it; they become separators below).
  let bestX = -1;
  let bestCross = Infinity;
  let bestRun = 0;
  let run = 0;
  let runStart = 0;
  for (let x = pageWidth * 0.3; x <= pageWidth * 0.7; x += 2) {
    let cross = 0;
    let leftN = 0;
    let rightN = 0;
    for (const l of lines) {
      if (l.x0 < x - 1 && l.x1 > x + 1) cross++;
      else if (l.x1 <= x + 1) leftN++;
      else rightN++;
    }
    if (leftN < 3 || rightN < 3) {
      run = 0;
      continue;
    }
    if (cross < bestCross) {
      bestCross = cross;
      bestRun = 0;
      run = 0;
    }
    if (cross === bestCross) {
      if (run === 0) runStart = x;
      run++;
      // The middle of the widest gap with the fewest crossings.
      if (run > bestRun) {
        bestRun = run;
        bestX = (runStart + x) / 2;
      }
    } else run = 0;
  }
  const twoColumns = bestX > 0 && bestCross <= lines.length * 0.25;
  if (!twoColumns) return [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const out: Line[] = [];
  let band: Line[] = [];
  const flushBand = () => {
    out.push(...band.filter((l) => l.x1 <= bestX + 1), ...band.filter((l) => l.x1 > bestX + 1));
    band = [];
  };
  for (const l of sorted) {
    const spanning = l.x0 < bestX - 1 && l.x1 > bestX + 1;
    if (spanning) {
      flushBand();
      out.push(l);
    } else band.push(l);
  }
  flushBand();
  return out;
}

const digitsAsHash = (s: string) => s.replace(/\d+/g, '#').toLowerCase().replace(/\s+/g, ' ').trim();
const PAGE_NUMBER = /^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/**
 * Removes running headers/footers (the same text, digits ignored, near the same y on several
 * pages) and bare page numbers in the top/bottom margins.
 */
export function removeRunningLines(pages: Line[][], pageHeights: number[]): Line[][] {
  const counts = new Map<string, number>();
  const keyOf = (l: Line) => `${digitsAsHash(l.text)}@${Math.round(l.y / 6)}`;
  const isMargin = (l: Line) => {
    const h = pageHeights[l.page] || 792;
    return l.y > h * 0.9 || l.y < h * 0.1;
  };
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const l of lines) {
      if (!isMargin(l)) continue;
      // Neighbouring y buckets too, so a header drifting by a point still matches.
      for (const d of [-1, 0, 1]) {
        const k = `${digitsAsHash(l.text)}@${Math.round(l.y / 6) + d}`;
        if (!seen.has(k)) {
          seen.add(k);
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
      }
    }
  }
  const minRepeats = pages.length >= 4 ? Math.max(2, Math.ceil(pages.length * 0.4)) : 2;
  return pages.map((lines) =>
    lines.filter((l) => {
      if (!isMargin(l)) return true;
      if (PAGE_NUMBER.test(l.text.trim())) return false;
      return pages.length < 2 || (counts.get(keyOf(l)) ?? 0) < minRepeats;
    }),
  );
}

/** The title: the largest-font lines near the top of page 1 (ignoring tiny fragments). */
export function findTitle(page: Line[], pageHeight: number): string | undefined {
  const candidates = page.filter((l) => l.y > pageHeight * 0.4 && /\p{L}{2}/u.test(l.text) && l.text.length > 3);
  if (!candidates.length) return undefined;
  const maxSize = Math.max(...candidates.map((l) => l.size));
  const body = median(page.map((l) => l.size));
  if (maxSize < body * 1.15) return undefined;
  const titleLines = candidates.filter((l) => l.size >= maxSize * 0.93).sort((a, b) => b.y - a.y);
  // Only the first contiguous block of title-sized lines.
  const block: Line[] = [titleLines[0]];
  for (const l of titleLines.slice(1)) {
    if (block[block.length - 1].y - l.y > maxSize * 2.2) break;
    block.push(l);
  }
  return block.map((l) => l.text).join(' ').replace(/\s+/g, ' ').trim();
}

function percentile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) * q)];
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Lines to text: one line per row, a blank line where the vertical gap or font size says a new
 * paragraph (or a heading) starts, and at column/page changes when the line ends a sentence.
 */
export function linesToText(pages: Line[][]): string {
  const all = pages.flat();
  const body = median(all.map((l) => l.size)) || 10;
  // The usual distance between lines of running text: double-spaced manuscripts have twice the
  // single-spaced leading, and a paragraph break is a gap clearly above it, not above a fixed size.
  // A low percentile, not the median: in a short text, paragraph and heading gaps are many.
  const leading = percentile(
    all.slice(1).flatMap((l, i) => {
      const p = all[i];
      const gap = p.y - l.y;
      return p.page === l.page && gap > 0 && Math.abs(p.size - body) < body * 0.15 && Math.abs(l.size - body) < body * 0.15 ? [gap] : [];
    }),
    0.3,
  );
  const out: string[] = [];
  let prev: Line | null = null;
  for (const l of all) {
    if (prev) {
      const sameFlow = prev.page === l.page && prev.y > l.y && Math.abs(prev.x0 - l.x0) < body * 15;
      const gap = prev.y - l.y;
      const paragraphGap = sameFlow ? gap > Math.max(Math.max(prev.size, l.size) * 1.6, leading * 1.3) : /[.!?:]$/.test(prev.text);
      const sizeChange = Math.abs(prev.size - l.size) > body * 0.15;
      const indent = sameFlow && l.x0 - prev.x0 > body * 0.8 && /[.!?:]$/.test(prev.text);
      if (paragraphGap || sizeChange || indent) out.push('');
    }
    out.push(l.text);
    prev = l;
  }
  return out.join('\n');
}
