// Test fixtures in catalogue form: RANDOM WEIGHTS, flagged `fixture: true` so the UI never lists
// them as summarizers. They live in models/fixtures/<id>/ (see scripts/fixtures/README.md); their
// "repo" exists only on the loopback mock hub of the tests. Sizes are exact and checked against
// the committed files by models/catalogue.test.ts (tiny-bart-split, an engine layout test, is left
// out: the catalogue describes merged-decoder folders only).
import type { CatalogueDtype, CatalogueEntry, CatalogueFile, DtypeVariant } from './catalogueSchema';

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

interface FixtureFacts {
  family: CatalogueEntry['family'];
  contextTokens: number;
  parameters: string;
  styles: CatalogueEntry['styles'];
  /** Exact sizes in bytes of the root files. */
  commonFiles: [string, number][];
  /** Exact sizes in bytes of each dtype's graphs; the first dtype listed is the default. */
  dtypes: Partial<Record<CatalogueDtype, [string, number][]>>;
}

/** A fixture entry: everything but what tells the fixtures apart is the same for all of them. */
function fixture(id: string, f: FixtureFacts): CatalogueEntry {
  const dtypes = Object.fromEntries(Object.entries(f.dtypes).map(([d, list]) => [d, files(id, list)])) as CatalogueEntry['dtypes'];
  return {
    id,
    label: `${id} (test fixture)`,
    family: f.family,
    repo: `paperlens/${id}`,
    revision: 'main',
    licence: tested(id, 'same as PaperLens'),
    contextTokens: tested(id, f.contextTokens),
    languages: tested(id, ['en']),
    parameters: tested(id, f.parameters),
    commonFiles: files(id, f.commonFiles),
    dtypes,
    defaultDtype: Object.keys(f.dtypes)[0] as CatalogueDtype,
    generation: { options: { max_new_tokens: 16 }, why: 'short outputs keep tests fast' },
    styles: f.styles,
    speed: tested(id, 'fast'),
    fixture: true,
    notes: FIXTURE_NOTES,
  };
}

export const FIXTURE_MODELS: readonly CatalogueEntry[] = [
  fixture('tiny-bart', {
    family: 'seq2seq-bart',
    contextTokens: 1024,
    parameters: 'random, d_model 64',
    styles: ['tldr', 'abstract', 'sections'],
    commonFiles: [
      ['config.json', 1172],
      ['generation_config.json', 324],
      ['tokenizer.json', 38430],
      ['tokenizer_config.json', 349],
    ],
    dtypes: {
      fp32: [
        ['onnx/encoder_model.onnx', 838461],
        ['onnx/decoder_model_merged.onnx', 1285558],
      ],
      q8: [
        ['onnx/encoder_model_quantized.onnx', 230798],
        ['onnx/decoder_model_merged_quantized.onnx', 363223],
      ],
    },
  }),
  fixture('tiny-t5', {
    family: 'seq2seq-t5',
    contextTokens: 512,
    parameters: 'random, d_model 64',
    styles: ['tldr', 'key_points', 'lay', 'abstract', 'sections'],
    commonFiles: [
      ['config.json', 1073],
      ['generation_config.json', 132],
      ['tokenizer.json', 63490],
      ['tokenizer_config.json', 230],
    ],
    dtypes: {
      fp32: [
        ['onnx/encoder_model.onnx', 659519],
        ['onnx/decoder_model_merged.onnx', 1061366],
      ],
    },
  }),
  fixture('tiny-qwen2', {
    family: 'causal',
    contextTokens: 32768,
    parameters: 'random, hidden 64',
    styles: ['tldr', 'key_points', 'sections', 'lay', 'abstract'],
    commonFiles: [
      ['config.json', 796],
      ['generation_config.json', 204],
      ['tokenizer.json', 50393],
      ['tokenizer_config.json', 963],
    ],
    dtypes: {
      fp32: [['onnx/model.onnx', 1045722]],
    },
  }),
];
