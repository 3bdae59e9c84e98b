// What sits in a manuscript's margins and is not the paper's text: line numbers (lineno, journal
// review copies: a column of increasing numbers beside the text) and running heads ("Running
// head: SHORT TITLE", which APA manuscripts print on every page, the first included, where it
// was taken for the title). Pure functions over positioned items, like ./pdfLayout.
import type { Line, PositionedItem } from './pdfLayout';

const NUMBER = /^\s*\d{1,5}\s*$/;
// Enough numbers down one margin to be a line-number column, not a table's.
const MIN_COLUMN = 5;

/**
 * Drops line-number items: bare numbers right-aligned on a common x (within 2 pt) at the left or
 * right edge of the page's text, at least MIN_COLUMN of them, mostly increasing downwards.
 */
export function removeLineNumbers(items: PositionedItem[]): PositionedItem[] {
  const numbers = items.filter((it) => NUMBER.test(it.str));
  if (numbers.length < MIN_COLUMN) return items;
  const text = items.filter((it) => !NUMBER.test(it.str) && /\p{L}/u.test(it.str));
  if (!text.length) return items;
  const left = Math.min(...text.map((it) => it.x));
  const right = Math.max(...text.map((it) => it.x + it.width));
  // Columns of numbers keyed by their right edge (lineno right-aligns them).
  const columns = new Map<number, PositionedItem[]>();
  for (const it of numbers) {
    const key = Math.round((it.x + it.width) / 2);
    columns.set(key, [...(columns.get(key) ?? []), it]);
  }
  const drop = new Set<PositionedItem>();
  for (const col of columns.values()) {
    if (col.length < MIN_COLUMN) continue;
    const inMargin = col.every((it) => it.x + it.width <= left + 1 || it.x >= right - 1);
    const ordered = [...col].sort((a, b) => b.y - a.y).map((it) => Number(it.str));
    const rising = ordered.slice(1).filter((n, i) => n > ordered[i]).length >= (ordered.length - 1) * 0.8;
    if (inMargin && rising) for (const it of col) drop.add(it);
  }
  return drop.size ? items.filter((it) => !drop.has(it)) : items;
}

const RUNNING_HEAD = /^(?:running\s+(?:head|title)|short\s+title)\s*:/i;

/** Drops "Running head: ..." lines, which carry a short title and are never body text. */
export function removeRunningHeads(pages: Line[][]): Line[][] {
  return pages.map((lines) => lines.filter((l) => !RUNNING_HEAD.test(l.text)));
}
