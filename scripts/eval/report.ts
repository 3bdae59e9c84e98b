// The evaluation as tables (Markdown, pasted into the README) and as the figures the CI test
// holds the subset to (baseline.json).
import { STYLES, SYSTEMS, type Measured, type Overall } from './evaluate';

const f3 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(3));
const pair = (m: Measured) => `${f3(m.words)} / ${f3(m.embedding)}`;

export function formatTable(o: Overall): string {
  const measures = o.measures.embedding
    ? `"words / embedding": ${o.measures.words} / ${o.measures.embedding}`
    : `"words / embedding": ${o.measures.words} / – (all-MiniLM-L6-v2 not prepared: run \`npm run models\`; word overlap only)`;
  const lines = [
    `Extractive summaries of ${o.papers} real papers. Abstract withheld and used as the reference for ROUGE,`,
    'redundancy and coverage; abstract included (as a reader gives the paper) for the echo.',
    `Sentence similarity ${measures}.`,
    '',
    '| system | ROUGE-1 | ROUGE-2 | ROUGE-L | redundancy (words / embedding) | coverage | abstract echo (words / embedding) | cross-check R1 / R2 / L |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...SYSTEMS.map((s) => {
      const f = o.systems[s];
      const own = `${f3(f.rougeOwn.r1)} / ${f3(f.rougeOwn.r2)} / ${f3(f.rougeOwn.rl)}`;
      return `| ${s} | ${f3(f.rouge.r1)} | ${f3(f.rouge.r2)} | ${f3(f.rouge.rl)} | ${pair(f.redundancy)} | ${f3(f.coverage)} | ${pair(f.echo)} | ${own} |`;
    }),
    '',
    '| style (ours, abstract included, medium) | abstract echo (words / embedding) | redundancy (words / embedding) | summaries with a near-duplicate pair (words / embedding) |',
    '| --- | --- | --- | --- |',
    ...STYLES.map((st) => {
      const f = o.styles[st];
      return `| ${st} | ${pair(f.echo)} | ${pair(f.redundancy)} | ${pair(f.duplicated)} |`;
    }),
    '',
    '| length accuracy (ours) | short | medium | long |',
    '| --- | --- | --- | --- |',
    ...Object.entries(o.length).map(([style, l]) => `| ${style} | ${f3(l.short)} | ${f3(l.medium)} | ${f3(l.long)} |`),
  ];
  return lines.join('\n');
}

/**
 * The figures the test holds the subset to, rounded down to 3 places (up for the ones that must
 * not rise: redundancy and echo). Embedding figures are there only when the model was.
 */
export function baselineOf(o: Overall): Record<string, number> {
  const down = (x: number) => Math.floor(x * 1000) / 1000;
  const up = (x: number) => Math.ceil(x * 1000) / 1000;
  const ours = o.systems.ours;
  const out: Record<string, number> = {
    'ours.rouge1': down(ours.rouge.r1),
    'ours.rouge2': down(ours.rouge.r2),
    'ours.rougeL': down(ours.rouge.rl),
    'ours.coverage': down(ours.coverage),
  };
  const rising = (name: string, m: Measured) => {
    for (const [k, v] of Object.entries(m)) out[`${name}.${k}`] = up(v);
  };
  rising('ours.redundancy', ours.redundancy);
  for (const st of STYLES) {
    rising(`ours.echo.${st}`, o.styles[st].echo);
    rising(`ours.redundancy.${st}`, o.styles[st].redundancy);
  }
  for (const [style, l] of Object.entries(o.length)) for (const [len, x] of Object.entries(l)) out[`ours.length.${style}.${len}`] = down(x);
  return out;
}

/** Keys whose figure must not rise above the baseline (the others must not fall below it). */
export const mustNotRise = (key: string) => /\.(?:redundancy|echo)\b/.test(key);
