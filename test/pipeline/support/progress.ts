// Progress events must move forward: stages in pipeline order, `done` never going back within a
// stage and never above `total`.
import { expect } from 'vitest';
import type { SummaryEvent } from '../../../src/pipeline/types';

export type Progress = Extract<SummaryEvent, { type: 'progress' }>;
const STAGES = ['extract', 'map', 'reduce', 'final'];

export function checkMonotone(events: SummaryEvent[]): Progress[] {
  const progress = events.filter((e): e is Progress => e.type === 'progress');
  let stageIdx = -1;
  let lastDone = -1;
  for (const p of progress) {
    const idx = STAGES.indexOf(p.stage);
    expect(idx).toBeGreaterThanOrEqual(stageIdx);
    if (idx > stageIdx) lastDone = -1;
    stageIdx = idx;
    expect(p.done).toBeGreaterThanOrEqual(lastDone);
    expect(p.done).toBeLessThanOrEqual(p.total);
    lastDone = p.done;
  }
  return progress;
}

/** The concatenated delta text, and whether every delta came after the last map/reduce progress. */
export function deltasAfterIntermediate(events: SummaryEvent[]): { text: string; afterIntermediate: boolean } {
  const text = events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
  const firstDelta = events.findIndex((e) => e.type === 'delta');
  const lastIntermediate = events.map((e) => e.type === 'progress' && (e.stage === 'map' || e.stage === 'reduce')).lastIndexOf(true);
  return { text, afterIntermediate: firstDelta === -1 || firstDelta > lastIntermediate };
}
