// What the benchmark feeds both sides: one paper-like input, greedy decoding, fixed token counts.

/** About 150 tokens of abstract-like prose (the bench tokenizers are small, so more pieces per word). */
export const BENCH_TEXT =
  'We study how document structure affects abstractive summarization of long scientific papers. ' +
  'Transformer encoder-decoder models are trained on news, yet papers have sections, equations, ' +
  'citations and tables. We split each paper into sections, summarize every chunk, and merge the ' +
  'partial summaries in a second pass. On two benchmarks the results suggest that careful chunking ' +
  'matters more than model size, and that the method runs entirely on the reader’s own device. ' +
  'We report memory, latency and quality, and release the code.';

export const SMOKE_TEXT = 'The results suggest that careful chunking matters more than model size.';

export interface ModelEntry {
  /** Path under /models/ (page) or models/ (Node). */
  folder: string;
  /** Bench-size models are too slow for SwiftShader's WebGPU: wasm only unless asked. */
  size: 'tiny' | 'bench';
  /** Weights variant (default fp32), the same files on both sides. */
  dtype?: 'fp32' | 'q8' | 'q4';
}

/** Name in tables: the folder, and the dtype when it is not fp32. */
export const modelLabel = (folder: string, dtype?: string) => (dtype && dtype !== 'fp32' ? `${folder} [${dtype}]` : folder);

export const BENCH_MODELS: ModelEntry[] = [
  { folder: 'bench/distilbart-cnn-6-6-random', size: 'bench' },
  { folder: 'bench/qwen2.5-0.5b-midsize-random', size: 'bench' },
];

/** Real trained models, benchmarked when `npm run models` has made them (git-ignored folders). */
export const REAL_MODELS: ModelEntry[] = [
  { folder: 'local/smollm2-135m-instruct', size: 'bench' },
  // What users get on WASM: q8 is the engine's first choice there, q4 the smallest download.
  { folder: 'local/smollm2-135m-instruct', size: 'bench', dtype: 'q8' },
  { folder: 'local/smollm2-135m-instruct', size: 'bench', dtype: 'q4' },
];

export const TINY_MODELS: ModelEntry[] = [
  { folder: 'fixtures/tiny-bart', size: 'tiny' },
  { folder: 'fixtures/tiny-t5', size: 'tiny' },
  { folder: 'fixtures/tiny-qwen2', size: 'tiny' },
];

export const ORT_VERSIONS = {
  ours: 'onnxruntime-web 1.30.0',
  peerBrowser: 'onnxruntime-web 1.31.0-dev (bundled with transformers.js)',
  peerNode: 'onnxruntime-node 1.30.0 (native CPU)',
} as const;
