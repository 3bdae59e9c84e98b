import type { DecodeRequest, DecodeResult } from './contract';
import type { ResolvedOptions } from './options';
import type { LogitsProcessors } from './processors';

export async function beamSearch(_req: DecodeRequest, _opts: ResolvedOptions, _p: LogitsProcessors): Promise<DecodeResult> {
  throw new Error('beam search: not yet implemented');
}
