// Test fixtures in catalogue form: RANDOM WEIGHTS, flagged `fixture: true` so the UI never lists
// them as summarizers. They live in models/fixtures/<id>/ (see scripts/fixtures/README.md); their
// "repo" exists only on the loopback mock hub of the tests. Sizes are exact and checked against
// the committed files by models/catalogue.test.ts (tiny-bart-split, an engine layout test, is left
// out: the catalogue describes merged-decoder folders only).
import type { CatalogueEntry, CatalogueFile, DtypeVariant } from './catalogueSchema';

const REPO_SOURCE = (id: string) => `models/fixtures/${id} (this repository)`;

function files(id: string, list: [string, number][]): DtypeVariant {
  return {
    verified: true,
    source: REPO_SOURCE(id),
    files: list.map(([path, bytes]): CatalogueFile => ({ path, bytes, exact: true, ...(path === 'generation_config.json' ? { optional: true } : {}) })),
  };
}

const tested = <T>(id: string, value: T) => ({ value, verified: true, source: REPO_SOURCE(id) });
const FIXTURE_NOTES = ['Random-weight test fixture: produces gibberish. Tests only.'];

export const FIXTURE_MODELS: readonly CatalogueEntry[] = [
  {
    id: 'tiny-bart',
    label: 'tiny-bart (test fixture)',
    family: 'seq2seq-bart',
    repo: 'paperlens/tiny-bart',
    revision: 'main',
    licence: tested('tiny-bart', 'same as PaperLens'),
    contextTokens: tested('tiny-bart', 1024),
    languages: tested('tiny-bart', ['en']),
    parameters: tested('tiny-bart', 'random, d_model 64'),
    commonFiles: files('tiny-bart', [
      ['config.json', 1172],
      ['generation_config.json', 324],
      ['tokenizer.json', 38430],
      ['tokenizer_config.json', 349],
    ]),
    dtypes: {
      fp32: files('tiny-bart', [
        ['onnx/encoder_model.onnx', 838461],
        ['onnx/decoder_model_merged.onnx', 1285558],
      ]),
      q8: files('tiny-bart', [
        ['onnx/encoder_model_quantized.onnx', 230798],
        ['onnx/decoder_model_merged_quantized.onnx', 363223],
      ]),
    },
    defaultDtype: 'fp32',
    generation: { options: { max_new_tokens: 16 }, why: 'short outputs keep tests fast' },
    styles: ['tldr', 'abstract', 'sections'],
    speed: tested('tiny-bart', 'fast'),
    fixture: true,
    notes: FIXTURE_NOTES,
  },
  {
    id: 'tiny-t5',
    label: 'tiny-t5 (test fixture)',
    family: 'seq2seq-t5',
    repo: 'paperlens/tiny-t5',
    revision: 'main',
    licence: tested('tiny-t5', 'same as PaperLens'),
    contextTokens: tested('tiny-t5', 512),
    languages: tested('tiny-t5', ['en']),
    parameters: tested('tiny-t5', 'random, d_model 64'),
    commonFiles: files('tiny-t5', [
      ['config.json', 1073],
      ['generation_config.json', 132],
      ['tokenizer.json', 63490],
      ['tokenizer_config.json', 230],
    ]),
    dtypes: {
      fp32: files('tiny-t5', [
        ['onnx/encoder_model.onnx', 659519],
        ['onnx/decoder_model_merged.onnx', 1061366],
      ]),
    },
    defaultDtype: 'fp32',
    generation: { options: { max_new_tokens: 16 }, why: 'short outputs keep tests fast' },
    styles: ['tldr', 'key_points', 'lay', 'abstract', 'sections'],
    speed: tested('tiny-t5', 'fast'),
    fixture: true,
    notes: FIXTURE_NOTES,
  },
  {
    id: 'tiny-qwen2',
    label: 'tiny-qwen2 (test fixture)',
    family: 'causal',
    repo: 'paperlens/tiny-qwen2',
    revision: 'main',
    licence: tested('tiny-qwen2', 'same as PaperLens'),
    contextTokens: tested('tiny-qwen2', 32768),
    languages: tested('tiny-qwen2', ['en']),
    parameters: tested('tiny-qwen2', 'random, hidden 64'),
    commonFiles: files('tiny-qwen2', [
      ['config.json', 796],
      ['generation_config.json', 204],
      ['tokenizer.json', 50393],
      ['tokenizer_config.json', 963],
    ]),
    dtypes: {
      fp32: files('tiny-qwen2', [['onnx/model.onnx', 1045722]]),
    },
    defaultDtype: 'fp32',
    generation: { options: { max_new_tokens: 16 }, why: 'short outputs keep tests fast' },
    styles: ['tldr', 'key_points', 'sections', 'lay', 'abstract'],
    speed: tested('tiny-qwen2', 'fast'),
    fixture: true,
    notes: FIXTURE_NOTES,
  },
];
