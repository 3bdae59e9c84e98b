// Entry point of the decoding algorithms: checks the request, resolves options and picks the search.
import { GenerationOptionError, type Decode, type DecodeRequest } from './contract';
import { beamSearch } from './beam';
import { resolveOptions } from './options';
import { LogitsProcessors } from './processors';
import { greedyOrSample } from './search';

export const decode: Decode = async (req) => {
  checkRequest(req);
  const opts = resolveOptions({
    defaults: req.defaults,
    options: req.options,
    countedStartLength: req.countedStartLength,
    vocabSize: req.model.vocabSize,
  });
  const processors = new LogitsProcessors(opts, req.special, req.model.vocabSize, req.countedStartLength);
  if (req.constraint && opts.numBeams > 1) {
    throw new GenerationOptionError(
      'num_beams',
      `constrained decoding (jsonSchema) works with greedy search and sampling only, got num_beams ${opts.numBeams}; set num_beams to 1`,
    );
  }
  // As in transformers: num_beams 1 without sampling is greedy.
  if (opts.numBeams > 1) return beamSearch(req, opts, processors);
  return greedyOrSample(req, opts, processors);
};

function checkRequest(req: DecodeRequest): void {
  const V = req.model.vocabSize;
  if (!Number.isInteger(V) || V < 1) throw new Error(`StepModel.vocabSize must be a positive integer, got ${V}`);
  if (req.start.length === 0) throw new Error('Decoding needs a non-empty start sequence');
  for (const t of req.start) {
    if (!Number.isInteger(t) || t < 0 || t >= V) throw new Error(`Start token ${t} is outside the vocabulary [0, ${V})`);
  }
  const c = req.countedStartLength;
  if (!Number.isInteger(c) || c < 0 || c > req.start.length) {
    throw new Error(`countedStartLength must be an integer in [0, ${req.start.length}], got ${c}`);
  }
  const tokenId = (name: string, t: number | undefined) => {
    if (t !== undefined && (!Number.isInteger(t) || t < 0 || t >= V)) {
      throw new GenerationOptionError(name, `token id ${t} is outside the vocabulary [0, ${V})`);
    }
  };
  for (const e of req.special.eosTokenIds) tokenId('eos_token_id', e);
  tokenId('forced_bos_token_id', req.special.forcedBosTokenId);
  tokenId('forced_eos_token_id', req.special.forcedEosTokenId);
}
