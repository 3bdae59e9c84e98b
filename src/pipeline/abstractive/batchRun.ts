// Several passes of one stage at once through TextGenerator.generateBatch when the engine has it
// (decoder-only: one batched decode for all chunks, shared prompt prefix computed once), one by
// one through generate() otherwise. Same texts either way: batching keeps each input's tokens.
import type { GenerationOptions, GenerationResult, TextGenerator } from '../../engine/types';
import { withoutUnfinishedTail } from './tail';

/** Thrown when the signal aborted or a pass came back aborted; `done` holds the finished texts by index. */
export class ManyAborted extends Error {
  constructor(readonly done: Map<number, string>) {
    super('aborted');
  }
}

/** A finished pass's text: out of tokens mid-sentence keeps only the finished part. */
export function passText(res: GenerationResult): string {
  const t = res.text.trim();
  return res.stopReason === 'length' ? withoutUnfinishedTail(t) : t;
}

/**
 * Runs every input, reporting each as it finishes (`onDone(index, text)`, in any order when
 * batched); returns the texts in input order.
 */
export async function generateMany(
  g: TextGenerator,
  inputs: string[],
  options: GenerationOptions,
  signal: AbortSignal | undefined,
  onDone: (index: number, text: string) => void,
): Promise<string[]> {
  const done = new Map<number, string>();
  const finish = (i: number, res: GenerationResult) => {
    if (res.stopReason === 'aborted' || signal?.aborted) return;
    const text = passText(res);
    done.set(i, text);
    onDone(i, text);
  };
  try {
    if (signal?.aborted) throw new ManyAborted(done);
    if (g.generateBatch && inputs.length > 1) {
      await g.generateBatch(inputs, options, { signal, onResult: finish });
    } else {
      for (let i = 0; i < inputs.length; i++) {
        if (signal?.aborted) break;
        finish(i, await g.generate(inputs[i], options, { signal }));
      }
    }
  } catch (e) {
    if (signal?.aborted) throw new ManyAborted(done);
    throw e;
  }
  if (signal?.aborted || done.size < inputs.length) throw new ManyAborted(done);
  return inputs.map((_, i) => done.get(i)!);
}
