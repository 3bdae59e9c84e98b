// Reads an Optimum / transformers.js model folder through a FileSource: JSON files, the ONNX
// layout (seq2seq merged or split, decoder-only) and which dtypes are present.
import { ModelFileError, type Dtype, type FileSource, type ModelKind, type ReadOptions } from './types';

/** dtype -> file-name suffix, as transformers.js maps it (src/utils/dtypes.js). */
export const DTYPE_SUFFIX: Readonly<Record<Dtype, string>> = Object.freeze({
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
});

export const ALL_DTYPES = Object.keys(DTYPE_SUFFIX) as Dtype[];

/** dtypes whose activations (and KV cache) are float16: they need `shader-f16` on WebGPU. */
export function isHalfDtype(d: Dtype): boolean {
  return d === 'fp16' || d === 'q4f16';
}

export type OnnxLayout =
  | { kind: 'seq2seq'; layout: 'merged'; encoder: string; decoder: string }
  | { kind: 'seq2seq'; layout: 'split'; encoder: string; decoder: string; decoderWithPast: string }
  | { kind: 'causal'; layout: 'causal'; model: string };

/** An encoder-only export (sentence embeddings): one graph, `onnx/model*.onnx`, as decoder-only ones. */
export interface EncoderLayout {
  kind: 'encoder';
  layout: 'encoder';
  model: string;
}

/** What a folder is searched for: a generator's layouts or an encoder's. */
export type LayoutKind = ModelKind | 'encoder';

export function onnxPath(base: string, dtype: Dtype): string {
  return `onnx/${base}${DTYPE_SUFFIX[dtype]}.onnx`;
}

/** Reads a JSON file, failing with a ModelFileError that says whether it is missing or malformed. */
export async function readJson<T = Record<string, unknown>>(
  source: FileSource,
  path: string,
  opts?: ReadOptions,
): Promise<T> {
  if (!(await source.has(path))) throw new ModelFileError(source.id, path, 'file is missing');
  const bytes = await source.read(path, opts);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new ModelFileError(source.id, path, `invalid JSON (${(e as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ModelFileError(source.id, path, 'expected a JSON object');
  }
  return value as T;
}

export async function readOptionalJson<T = Record<string, unknown>>(
  source: FileSource,
  path: string,
  opts?: ReadOptions,
): Promise<T | undefined> {
  if (!(await source.has(path))) return undefined;
  return readJson<T>(source, path, opts);
}

/** Bases of the ONNX files each layout needs; the first complete one wins. */
const LAYOUTS: Record<LayoutKind, { layout: OnnxLayout['layout'] | 'encoder'; files: string[] }[]> = {
  seq2seq: [
    { layout: 'merged', files: ['encoder_model', 'decoder_model_merged'] },
    { layout: 'split', files: ['encoder_model', 'decoder_model', 'decoder_with_past_model'] },
  ],
  causal: [{ layout: 'causal', files: ['model'] }],
  encoder: [{ layout: 'encoder', files: ['model'] }],
};

/** Finds the ONNX files for `kind` and `dtype`, or says exactly which file is missing. */
export async function resolveLayout(source: FileSource, kind: ModelKind, dtype: Dtype): Promise<OnnxLayout>;
export async function resolveLayout(source: FileSource, kind: 'encoder', dtype: Dtype): Promise<EncoderLayout>;
export async function resolveLayout(source: FileSource, kind: LayoutKind, dtype: Dtype): Promise<OnnxLayout | EncoderLayout> {
  const candidates = LAYOUTS[kind];
  let firstMissing: string | undefined;
  for (const c of candidates) {
    const paths = c.files.map((f) => onnxPath(f, dtype));
    const present = await Promise.all(paths.map((p) => source.has(p)));
    if (present.every(Boolean)) {
      if (c.layout === 'merged') return { kind: 'seq2seq', layout: 'merged', encoder: paths[0], decoder: paths[1] };
      if (c.layout === 'split') {
        return { kind: 'seq2seq', layout: 'split', encoder: paths[0], decoder: paths[1], decoderWithPast: paths[2] };
      }
      if (c.layout === 'encoder') return { kind: 'encoder', layout: 'encoder', model: paths[0] };
      return { kind: 'causal', layout: 'causal', model: paths[0] };
    }
    // Report the file of the preferred layout when nothing matches at all.
    firstMissing ??= paths[present.indexOf(false)];
  }
  const available = await listDtypes(source, kind);
  const hint = available.length ? `; dtypes present: ${available.join(', ')}` : '; no complete ONNX export found';
  throw new ModelFileError(source.id, firstMissing ?? 'onnx/', `file is missing for dtype "${dtype}"${hint}`);
}

/** The dtypes for which the folder holds a complete set of ONNX files (probed in parallel: over HTTP these are requests). */
export async function listDtypes(source: FileSource, kind: LayoutKind): Promise<Dtype[]> {
  const complete = await Promise.all(
    ALL_DTYPES.map(async (dtype) => {
      for (const c of LAYOUTS[kind]) {
        const present = await Promise.all(c.files.map((f) => source.has(onnxPath(f, dtype))));
        if (present.every(Boolean)) return true;
      }
      return false;
    }),
  );
  return ALL_DTYPES.filter((_, i) => complete[i]);
}

/**
 * The i-th external-data file of a graph: Optimum writes weights over 2 GB next to the graph as
 * `<name>.onnx_data`; transformers.js-ready repos split bigger ones into `<name>.onnx_data_1`,
 * `_2`, ... so that no single file exceeds what a browser can hold in one ArrayBuffer.
 */
export function externalDataPath(onnxFile: string, index = 0): string {
  return `${onnxFile}_data${index ? `_${index}` : ''}`;
}

/** More chunks than any published export has; a guard against probing forever. */
export const MAX_EXTERNAL_DATA_FILES = 64;

/** The external-data files of a graph that the folder holds, in order (stops at the first gap). */
export async function externalDataFiles(source: FileSource, onnxFile: string): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < MAX_EXTERNAL_DATA_FILES; i++) {
    const p = externalDataPath(onnxFile, i);
    if (!(await source.has(p))) break;
    files.push(p);
  }
  return files;
}
