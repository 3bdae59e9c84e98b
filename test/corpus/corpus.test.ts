// The real-paper corpus may only get better: every overall figure is held to the baseline
// committed in baseline.json (`npm run corpus -- --write-baseline` records a new one after an
// improvement). Per-paper figures are printed by `npm run corpus`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, formatReport, measureCorpus, type Overall } from './measure';

const baseline = JSON.parse(readFileSync(join(CORPUS_DIR, 'baseline.json'), 'utf8')) as Overall;
// Shares are means over papers; a rounding margin keeps float noise from failing the run.
const EPS = 1e-9;

describe('real-paper corpus', async () => {
  const report = await measureCorpus();

  it('holds at least the committed number of papers', () => {
    expect(report.overall.papers).toBeGreaterThanOrEqual(baseline.papers);
  });

  it.each(['titleAccuracy', 'abstractFound', 'headingPrecision', 'headingRecall', 'referencesExcluded', 'appendixExcluded', 'wordsSurvived'] as const)(
    '%s does not drop below the baseline',
    (key) => {
      if (report.overall[key] < baseline[key] - EPS) console.log(formatReport(report));
      expect(report.overall[key]).toBeGreaterThanOrEqual(baseline[key] - EPS);
    },
  );

  it('the share of broken tokens does not rise above the baseline', () => {
    expect(report.overall.brokenTokenShare).toBeLessThanOrEqual(baseline.brokenTokenShare + EPS);
  });
}, 120_000);
