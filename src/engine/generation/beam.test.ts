import { describe, expect, it } from 'vitest';
import type { TokenEvent } from '../types';
import { decode } from './decode';
import { ToyModel } from './testing/toy-model';

const EOS = 0;
type Early = boolean | 'never';

interface Seq {
  ids: number[];
  score: number;
}

/** Every complete sequence (ends in EOS, or reaches maxNew) ranked by penalised log-prob. */
function exhaustive(model: ToyModel, start: number[], maxNew: number, lp: number): Seq[] {
  const out: Seq[] = [];
  const walk = (prefix: number[]) => {
    for (let t = 0; t < model.vocabSize; t++) {
      const ids = [...prefix, t];
      if (t === EOS || ids.length === maxNew) {
        out.push({ ids, score: model.logProb(start, ids) / ids.length ** lp });
      } else walk(ids);
    }
  };
  walk([]);
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Straight transcription of HF Python's vectorised beam search for one input: num_beams fixed
 * rows with initial scores [0, -1e9, ...], full sort of all candidates, no KV cache (logits from
 * the whole prefix). Returns the finished hypotheses and how many model steps it took.
 */
function hfReference(model: ToyModel, start: number[], nb: number, maxNew: number, lp: number, early: Early) {
  const V = model.vocabSize;
  const keep = nb * 2;
  let running = Array.from({ length: nb }, (_, i) => ({ seq: [] as number[], score: i === 0 ? 0 : -1e9 }));
  let finished: Seq[] = [];
  let steps = 0;
  for (let len = 1; len <= maxNew; len++) {
    steps++;
    const cands: { score: number; flat: number; seq: number[]; t: number }[] = [];
    running.forEach((b, bi) => {
      const l = model.logitsFor([...start, ...b.seq]);
      const m = Math.max(...l);
      const lse = m + Math.log(l.reduce((s, v) => s + Math.exp(v - m), 0));
      for (let t = 0; t < V; t++) cands.push({ score: b.score + (l[t] - lse), flat: bi * V + t, seq: b.seq, t });
    });
    cands.sort((a, b) => b.score - a.score || a.flat - b.flat);
    const top = cands.slice(0, keep);
    const hits = top.map((c) => c.t === EOS || len >= maxNew);
    const penalised = top.map((c, i) => c.score - (hits[i] ? 1e9 : 0));
    const order = top.map((_, i) => i).sort((a, b) => penalised[b] - penalised[a] || a - b).slice(0, nb);
    const next = order.map((i) => ({ seq: [...top[i].seq, top[i].t], score: penalised[i] }));
    const fullBefore = finished.length >= nb;
    if (!(fullBefore && early === true)) {
      top.forEach((c, i) => {
        if (i < nb && hits[i]) finished.push({ ids: [...c.seq, c.t], score: c.score / len ** lp });
      });
      finished = finished.sort((a, b) => b.score - a.score).slice(0, nb);
    }
    running = next;
    if (hits.every(Boolean)) break;
    const full = finished.length >= nb;
    if (full && early === true) break;
    const hypLen = early === 'never' && lp > 0 ? maxNew : len;
    if (full && !(running[0].score / hypLen ** lp > finished[finished.length - 1].score)) break;
  }
  return { finished: finished.filter((h) => h.score > -1e8), steps };
}

async function runBeam(model: ToyModel, start: number[], o: { nb: number; maxNew: number; lp: number; early: Early; nret: number }) {
  const events: Omit<TokenEvent, 'text'>[] = [];
  const res = await decode({
    model,
    start,
    countedStartLength: start.length,
    options: {
      num_beams: o.nb,
      max_new_tokens: o.maxNew,
      length_penalty: o.lp,
      early_stopping: o.early,
      num_return_sequences: o.nret,
    },
    special: { eosTokenIds: [EOS] },
    onToken: (e) => events.push(e),
  });
  // Streaming never retracts: what was emitted is exactly the best sequence.
  expect(events.flatMap((e) => e.ids)).toEqual(res.sequences[0].ids);
  return res;
}

function expectSameSequences(got: { ids: number[]; score?: number }[], want: Seq[]) {
  expect(got.map((s) => s.ids)).toEqual(want.map((s) => s.ids));
  got.forEach((s, i) => expect(s.score).toBeCloseTo(want[i].score, 4));
}

describe('beam search', () => {
  // With num_beams >= V * (V-1)^(maxNew-2) nothing is ever pruned, so beam search must find the
  // exact best sequences. Early-stopping 'never' (any length penalty) and false with no length
  // penalty stop exactly; the others only stop once every candidate reached max length here.
  const exactCases: [number, number, number][] = [
    [5, 3, 20],
    [4, 4, 36],
  ];
  for (const [V, maxNew, nb] of exactCases) {
    for (const lp of [0, 1, 2]) {
      for (const early of [false, true, 'never'] as Early[]) {
        it(`equals exhaustive search (V=${V}, maxNew=${maxNew}, lp=${lp}, early_stopping=${early})`, async () => {
          for (let seed = 1; seed <= 6; seed++) {
            const mk = () => new ToyModel({ vocabSize: V, seed, scale: 2.5, bias: { [EOS]: 0.5 } });
            const want = exhaustive(mk(), [1], maxNew, lp);
            for (const nret of [1, 3, nb]) {
              const res = await runBeam(mk(), [1], { nb, maxNew, lp, early, nret });
              expectSameSequences(res.sequences, want.slice(0, nret));
              expect(res.stopReason).toBe(res.sequences[0].ids.at(-1) === EOS ? 'eos' : 'length');
            }
          }
        });
      }
    }
  }

  it('matches a direct transcription of HF beam search when beams are pruned', async () => {
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      for (const lp of [0, 1, 2, -1]) {
        for (const early of [false, true, 'never'] as Early[]) {
          const nb = 2 + (seed % 3);
          const maxNew = 4 + (seed % 4);
          const mk = () => new ToyModel({ vocabSize: 8, seed, scale: 3, bias: { [EOS]: (seed % 5) - 1 } });
          const ref = hfReference(mk(), [3, 1], nb, maxNew, lp, early);
          const model = mk();
          const res = await runBeam(model, [3, 1], { nb, maxNew, lp, early, nret: nb });
          expectSameSequences(res.sequences, ref.finished);
          expect(model.calls).toBe(ref.steps);
          // first call has the single start row, later calls up to num_beams rows
          expect(model.rowCounts[0]).toBe(1);
          for (const c of model.rowCounts.slice(1)) expect(c).toBeLessThanOrEqual(nb);
          compared++;
        }
      }
    }
    expect(compared).toBe(480);
  });

  it('returns scores equal to the penalised log-probability of each sequence', async () => {
    const mk = () => new ToyModel({ vocabSize: 7, seed: 11, bias: { [EOS]: 0 } });
    const m = mk();
    const res = await runBeam(m, [2], { nb: 4, maxNew: 6, lp: 1.5, early: false, nret: 4 });
    expect(res.sequences).toHaveLength(4);
    for (const s of res.sequences) {
      expect(s.score).toBeCloseTo(mk().logProb([2], s.ids) / s.ids.length ** 1.5, 5);
      expect(s.ids.slice(0, -1)).not.toContain(EOS);
    }
    const scores = res.sequences.map((s) => s.score!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('streams settled tokens before the search ends', async () => {
    // Forced BOS leaves one live beam after the first step, so its token is settled at once.
    const model = new ToyModel({ vocabSize: 8, seed: 5, bias: { [EOS]: -2 } });
    const seen: { ids: number[]; atCall: number }[] = [];
    const res = await decode({
      model,
      start: [1],
      countedStartLength: 1,
      options: { num_beams: 3, max_new_tokens: 6 },
      special: { eosTokenIds: [EOS], forcedBosTokenId: 6 },
      onToken: (e) => seen.push({ ids: e.ids, atCall: model.calls }),
    });
    expect(res.sequences[0].ids[0]).toBe(6);
    expect(seen[0]).toEqual({ ids: [6], atCall: 1 });
    expect(seen.flatMap((s) => s.ids)).toEqual(res.sequences[0].ids);
  });
});
