// Types of the model catalogue and a hand-written validator. Every fact carries whether it was
// checked against a public source and where, so nothing the UI shows is silently invented.
import type { Dtype, GenerationOptions } from '../src/engine/types';
import type { SummaryStyle } from '../src/pipeline/types';

export type Family = 'seq2seq-bart' | 'seq2seq-t5' | 'causal';
/** The dtypes the catalogue describes (transformers.js names; q8 files end in `_quantized`). */
export type CatalogueDtype = Extract<Dtype, 'fp32' | 'fp16' | 'q8' | 'q4' | 'q4f16'>;
export const CATALOGUE_DTYPES: readonly CatalogueDtype[] = ['fp32', 'fp16', 'q8', 'q4', 'q4f16'];
/** Expected speed on a mid-range laptop GPU; an estimate, to be replaced by bench numbers. */
export type SpeedClass = 'fast' | 'medium' | 'slow' | 'very-slow';

export interface Verification {
  /** True only when a public source (named in `source`) was read and showed this. */
  verified: boolean;
  /** URL or repository path the fact was checked against. */
  source?: string;
  note?: string;
}

export interface Fact<T> extends Verification {
  value: T;
}

export interface CatalogueFile {
  /** Path inside the repository / model folder, e.g. `onnx/encoder_model_quantized.onnx`. */
  path: string;
  /** Size in bytes. Hub listings round (e.g. "59.3 MB"), so these are approximate unless `exact`. */
  bytes?: number;
  exact?: boolean;
  /** The engine reads it when present but loads without it. */
  optional?: boolean;
  /**
   * Where `bytes` comes from when it is not the variant's `source` (another page, or a figure
   * reported elsewhere and not re-read), so every size says where it was read.
   */
  sizeNote?: string;
}

export interface DtypeVariant extends Verification {
  /** The ONNX graphs of this dtype, plus their `.onnx_data` external weights where the repo has them. */
  files: CatalogueFile[];
}

export interface CheckedRevision {
  /** A commit id of the repository, short (7+ hex digits, as the hub shows it) or full. */
  revision: string;
  /** The page that showed the files at that commit. */
  source: string;
  note?: string;
}

export interface CatalogueEntry {
  /** Stable id: the folder name under models/ and the `?model=` value. */
  id: string;
  label: string;
  family: Family;
  /** Hugging Face repository (owner/name) holding the transformers.js export. */
  repo: string;
  /** What fetch-model and the app download (usually `main`, which moves). */
  revision: string;
  /**
   * The commit of `repo` whose listing the file sizes were last checked against, and the page that
   * showed it, so a figure that no longer matches `revision` can be told from a wrong one. A hub page
   * of `main` names the last commit that changed the folder or file shown, which is what goes here
   * when the repository's head was not seen. Absent where no listing of the download revision was
   * read (the entry's sources then say which older commit or mirror the sizes come from).
   */
  checkedAt?: CheckedRevision;
  licence: Fact<string>;
  /** Maximum input tokens the model was trained for. */
  contextTokens: Fact<number>;
  /** BCP-47 codes. */
  languages: Fact<string[]>;
  parameters: Fact<string>;
  /** config, tokenizer and generation files the engine reads. */
  commonFiles: DtypeVariant;
  dtypes: Partial<Record<CatalogueDtype, DtypeVariant>>;
  /** The dtype fetch-model downloads when nobody says. Must be a verified variant. */
  defaultDtype: CatalogueDtype;
  /**
   * The dtype the app loads on each backend when the user picks none (verified variants only):
   * measured where the model runs here (test/engine/dtypeMatrix.test.ts, e2e/real-model.spec.ts),
   * otherwise by rule: never float16 on WASM, never dynamically quantized (q8) on WebGPU, whose
   * integer MatMuls have no GPU kernels. A backend left out falls back to `defaultDtype` (a q8
   * default then runs on WASM, see src/engine/backend.ts). Required for real entries.
   */
  backendDtypes?: { wasm?: CatalogueDtype; webgpu?: CatalogueDtype; why: string };
  /** PaperLens's decoding defaults for this model (our choice, not a published fact). */
  generation: { options: GenerationOptions; why: string };
  styles: SummaryStyle[];
  speed: Fact<SpeedClass>;
  /** Random-weight test model: never offered to users as a summarizer. */
  fixture: boolean;
  /** Shown next to the model in the picker. */
  notes?: string[];
}

export const STYLES: readonly SummaryStyle[] = ['tldr', 'key_points', 'sections', 'lay', 'abstract'];
const FAMILIES: readonly Family[] = ['seq2seq-bart', 'seq2seq-t5', 'causal'];
const SPEEDS: readonly SpeedClass[] = ['fast', 'medium', 'slow', 'very-slow'];
const SUFFIX: Record<CatalogueDtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized', q4: '_q4', q4f16: '_q4f16' };

/** The ONNX graph files a family needs for a dtype, as the engine resolves them (merged layout). */
export function requiredOnnx(family: Family, dtype: CatalogueDtype): string[] {
  const s = SUFFIX[dtype];
  return family === 'causal' ? [`onnx/model${s}.onnx`] : [`onnx/encoder_model${s}.onnx`, `onnx/decoder_model_merged${s}.onnx`];
}

/** Every problem with an entry, in words; empty when it is valid. */
export function validateEntry(e: unknown): string[] {
  const errors: string[] = [];
  const err = (m: string) => errors.push(m);
  if (!isObject(e)) return ['entry is not an object'];
  const id = typeof e.id === 'string' ? e.id : '?';
  const at = (m: string) => err(`${id}: ${m}`);

  if (typeof e.id !== 'string' || !/^[a-z0-9][a-z0-9.-]*$/.test(e.id)) at('id must be lower-case letters, digits, dots and dashes');
  if (!nonEmpty(e.label)) at('label is missing');
  if (!FAMILIES.includes(e.family as Family)) at(`family must be one of ${FAMILIES.join(', ')}`);
  if (typeof e.repo !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(e.repo)) at('repo must be owner/name');
  if (!nonEmpty(e.revision)) at('revision is missing');
  if (e.checkedAt !== undefined) checkCheckedAt(e.checkedAt, at);
  checkFact(e.licence, 'licence', (v) => nonEmpty(v), at);
  checkFact(e.contextTokens, 'contextTokens', (v) => Number.isInteger(v) && (v as number) > 0, at);
  checkFact(e.languages, 'languages', (v) => Array.isArray(v) && v.length > 0 && v.every(nonEmpty), at);
  checkFact(e.parameters, 'parameters', nonEmpty, at);
  checkFact(e.speed, 'speed', (v) => SPEEDS.includes(v as SpeedClass), at);
  if (typeof e.fixture !== 'boolean') at('fixture must be true or false');

  checkVariant(e.commonFiles, 'commonFiles', at);
  if (isObject(e.commonFiles) && Array.isArray(e.commonFiles.files)) {
    const paths = (e.commonFiles.files as CatalogueFile[]).map((f) => f.path);
    for (const need of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
      if (!paths.includes(need)) at(`commonFiles lacks ${need}`);
    }
  }
  if (!isObject(e.dtypes) || Object.keys(e.dtypes).length === 0) at('dtypes must list at least one variant');
  else {
    for (const [dtype, variant] of Object.entries(e.dtypes)) {
      if (!CATALOGUE_DTYPES.includes(dtype as CatalogueDtype)) {
        at(`unknown dtype "${dtype}"`);
        continue;
      }
      checkVariant(variant, `dtypes.${dtype}`, at);
      if (!isObject(variant) || !Array.isArray(variant.files) || !FAMILIES.includes(e.family as Family)) continue;
      const paths = (variant.files as CatalogueFile[]).map((f) => f.path);
      for (const need of requiredOnnx(e.family as Family, dtype as CatalogueDtype)) {
        if (!paths.includes(need)) at(`dtypes.${dtype} lacks ${need}, which the ${e.family} family needs`);
      }
      for (const p of paths) {
        const base = p.replace(/_data(_\d+)?$/, '');
        if (!requiredOnnx(e.family as Family, dtype as CatalogueDtype).includes(base)) at(`dtypes.${dtype} lists ${p}, which no ${dtype} ${e.family} model reads`);
      }
    }
  }
  const def = isObject(e.dtypes) ? (e.dtypes[e.defaultDtype as string] as DtypeVariant | undefined) : undefined;
  if (!def) at(`defaultDtype "${String(e.defaultDtype)}" is not among the dtypes`);
  else if (!def.verified) at(`defaultDtype "${String(e.defaultDtype)}" must be a verified variant`);

  checkBackendDtypes(e, at);

  if (!isObject(e.generation) || !isObject(e.generation.options) || !nonEmpty(e.generation.why)) at('generation needs options and why');
  if (!Array.isArray(e.styles) || e.styles.length === 0 || !e.styles.every((s) => STYLES.includes(s as SummaryStyle))) {
    at(`styles must be a non-empty list of ${STYLES.join(', ')}`);
  }
  return errors;
}

/** Problems across a whole list: each entry, plus duplicate ids. */
export function validateCatalogue(entries: readonly unknown[]): string[] {
  const errors = entries.flatMap((e) => validateEntry(e));
  const seen = new Set<string>();
  for (const e of entries) {
    const id = isObject(e) ? e.id : undefined;
    if (typeof id !== 'string') continue;
    if (seen.has(id)) errors.push(`${id}: duplicate id`);
    seen.add(id);
  }
  return errors;
}

export function isCatalogueEntry(e: unknown): e is CatalogueEntry {
  return validateEntry(e).length === 0;
}

const NOT_ON: Record<'wasm' | 'webgpu', readonly CatalogueDtype[]> = { wasm: ['fp16', 'q4f16'], webgpu: ['q8'] };

function checkBackendDtypes(e: Record<string, unknown>, at: (m: string) => void): void {
  const b = e.backendDtypes;
  if (b === undefined) {
    if (e.fixture !== true) at('backendDtypes is missing (which dtype each backend loads, and why)');
    return;
  }
  if (!isObject(b) || !nonEmpty(b.why)) return at('backendDtypes needs a why');
  for (const backend of ['wasm', 'webgpu'] as const) {
    const d = b[backend];
    if (d === undefined) continue;
    const v = isObject(e.dtypes) ? (e.dtypes[d as string] as DtypeVariant | undefined) : undefined;
    if (!v || !v.verified) at(`backendDtypes.${backend} "${String(d)}" must be a verified variant`);
    if (NOT_ON[backend].includes(d as CatalogueDtype)) at(`backendDtypes.${backend} may not be ${String(d)}`);
  }
}

function checkCheckedAt(c: unknown, at: (m: string) => void): void {
  if (!isObject(c)) return at('checkedAt must be an object');
  if (typeof c.revision !== 'string' || !/^[0-9a-f]{7,40}$/.test(c.revision)) at('checkedAt.revision must be a commit id (7 to 40 hex digits)');
  if (!nonEmpty(c.source)) at('checkedAt needs the source that showed the revision');
  if (c.note !== undefined && !nonEmpty(c.note)) at('checkedAt.note is empty');
}

function checkFact(f: unknown, name: string, ok: (v: unknown) => boolean, at: (m: string) => void): void {
  if (!isObject(f) || !('value' in f)) return at(`${name} is missing`);
  if (!ok(f.value)) at(`${name} has an invalid value`);
  checkVerification(f, name, at);
}

function checkVariant(v: unknown, name: string, at: (m: string) => void): void {
  if (!isObject(v) || !Array.isArray(v.files) || v.files.length === 0) return at(`${name} must list files`);
  checkVerification(v, name, at);
  const seen = new Set<string>();
  for (const f of v.files as unknown[]) {
    if (!isObject(f) || !nonEmpty(f.path) || (f.path as string).startsWith('/') || (f.path as string).includes('..')) {
      at(`${name} has a file without a relative path`);
      continue;
    }
    if (seen.has(f.path as string)) at(`${name} lists ${f.path} twice`);
    seen.add(f.path as string);
    if (f.bytes !== undefined && !(Number.isInteger(f.bytes) && (f.bytes as number) >= 0)) at(`${name}: ${f.path} has an invalid size`);
    // A size may only be claimed exact when it was checked.
    if (f.exact && (!v.verified || f.bytes === undefined)) at(`${name}: ${f.path} claims an exact size that was not verified`);
    if (v.verified && f.bytes === undefined && !f.optional) at(`${name}: ${f.path} is verified but has no size`);
    if (f.sizeNote !== undefined && (!nonEmpty(f.sizeNote) || f.bytes === undefined)) at(`${name}: ${f.path} has a size note but no size`);
    if (f.sizeNote !== undefined && f.exact) at(`${name}: ${f.path} cannot be exact with a reported size`);
  }
}

function checkVerification(v: Record<string, unknown>, name: string, at: (m: string) => void): void {
  if (typeof v.verified !== 'boolean') return at(`${name}.verified must be true or false`);
  if (v.verified && !nonEmpty(v.source)) at(`${name} is marked verified without a source`);
  if (!v.verified && !nonEmpty(v.note) && !nonEmpty(v.source)) at(`${name} is unverified: say why in a note`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmpty(v: unknown): boolean {
  return typeof v === 'string' && v.trim().length > 0;
}
