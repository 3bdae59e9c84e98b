// Greedy and multinomial-sampling decoding: one row, one token per step, streamed at once.
// Mirrors the transformers.js generate loop: processors on raw float32 logits, argmax with ties
// to the lowest id, stop on EOS (kept in the output) or when max_length is reached.
import type { DecodeRequest, DecodeResult } from './contract';
import type { ResolvedOptions } from './options';
import type { LogitsProcessors } from './processors';
import { createRng, randomSeed } from './rng';
import { Sampler } from './sampler';
import { argmax, logSumExp } from './select';
import { ABORTED, callStep } from './step';

export async function greedyOrSample(
  req: DecodeRequest,
  opts: ResolvedOptions,
  processors: LogitsProcessors,
): Promise<DecodeResult> {
  const { model, start, countedStartLength, signal, onToken } = req;
  const vocab = model.vocabSize;
  const eos = new Set(req.special.eosTokenIds);
  const sampler = opts.doSample ? new Sampler(opts, vocab, createRng(opts.seed ?? randomSeed())) : null;

  const ids = start.slice(); // full sequence, what the processors see
  const generated: number[] = [];
  const scores = new Float32Array(vocab); // reused: the runner may reuse its output buffers
  let score = 0;
  let feed: number[][] = [start.slice()];
  let parents: number[] | null = null;
  let stopReason: DecodeResult['stopReason'] = 'length';

  while (countedStartLength + generated.length < opts.maxLength) {
    const rows = await callStep(model, feed, parents, signal);
    if (rows === ABORTED) {
      stopReason = 'aborted';
      break;
    }
    scores.set(rows[0]);
    processors.apply(ids, generated.length, scores);
    let token: number;
    if (sampler) {
      const s = sampler.sample(scores);
      token = s.token;
      score += s.logProb;
    } else {
      token = argmax(scores);
      score += scores[token] - logSumExp(scores);
    }
    ids.push(token);
    generated.push(token);
    onToken?.({ ids: [token], step: generated.length });
    if (eos.has(token)) {
      stopReason = 'eos';
      break;
    }
    feed = [[token]];
    parents = [0];
  }
  return { sequences: [{ ids: generated, score }], stopReason };
}
