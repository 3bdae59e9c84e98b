// Calling the StepModel: shape checks and abort handling shared by every search.
import { breathe } from './breathe';
import type { StepModel } from './contract';

/** Marker returned instead of logits when the signal aborted the step. */
export const ABORTED = Symbol('aborted');

export function callStep(
  model: StepModel,
  tokens: number[][],
  parents: number[] | null,
  signal: AbortSignal | undefined,
): Promise<Float32Array[] | typeof ABORTED> {
  return call(model, tokens, parents, signal, false);
}

/** stepAll(): logits of every fed position, row-major. */
export function callStepAll(
  model: Required<StepModel>,
  tokens: number[][],
  parents: number[] | null,
  signal: AbortSignal | undefined,
): Promise<Float32Array[] | typeof ABORTED> {
  return call(model, tokens, parents, signal, true);
}

async function call(
  model: StepModel,
  tokens: number[][],
  parents: number[] | null,
  signal: AbortSignal | undefined,
  all: boolean,
): Promise<Float32Array[] | typeof ABORTED> {
  await breathe();
  if (signal?.aborted) return ABORTED;
  let rows: Float32Array[];
  try {
    rows = all ? await model.stepAll!(tokens, parents, signal) : await model.step(tokens, parents, signal);
  } catch (err) {
    // A runner may reject with its own AbortError; the signal, not the error type, decides.
    if (signal?.aborted) return ABORTED;
    throw err;
  }
  if (signal?.aborted) return ABORTED;
  const want = all ? tokens.length * (tokens[0]?.length ?? 0) : tokens.length;
  if (rows.length !== want) {
    throw new Error(`StepModel returned ${rows.length} logit rows for ${want} input ${all ? 'positions' : 'rows'}`);
  }
  for (const r of rows) {
    if (r.length !== model.vocabSize) {
      throw new Error(`StepModel returned ${r.length} logits per row, expected vocabSize ${model.vocabSize}`);
    }
  }
  return rows;
}
