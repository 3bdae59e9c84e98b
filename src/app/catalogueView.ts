// The models the picker offers: real summarizers from models/catalogue.ts, never the
// random-weight test fixtures (those are reachable only through ?model= for tests). Each is read
// from the same-origin models/local/<id>/ folder when the site's model index lists it (put there
// by `npm run fetch-model` or `npm run models`), else from its hub repository; Cache Storage says
// which are already downloaded.
import { create } from 'zustand';
import { CATALOGUE_DTYPES, downloadSize, filesFor, localFolder, requiredOnnx, summarizers, type CatalogueDtype, type CatalogueEntry } from '../../models/catalogue';
import { indexedEmbedders, indexedFolders, MODEL_INDEX_FILE } from '../../models/modelIndex';
import type { Backend, Dtype, GenerationOptions } from '../engine/types';
import { defaultModelCache, deleteCachedModel, hubFolderUrl, listCachedModels, sameOriginFolderUrl, type CachedModel } from '../engine/sources';
import type { ModelLocation } from '../worker/protocol';
import { t } from './i18n';
import { formatCount, formatFixed } from './i18n/format';

/** One weights variant a catalogue model publishes. */
export interface DtypeChoice {
  dtype: CatalogueDtype;
  /** Download size in bytes (0: unknown); `complete` false when some file's size is unknown. */
  bytes: number;
  complete: boolean;
  /** Whether a hub listing showed these files (unverified variants may not exist). */
  verified: boolean;
  /** Every graph of this dtype is in the browser's cache. */
  cached: boolean;
  /** Size of its largest file in bytes (0: unknown): one file must fit in one browser buffer. */
  largestFile: number;
}

export interface ModelChoice {
  id: string;
  label: string;
  /** Size, context length and speed class in a few words, in the current language (read at render). */
  readonly detail: string;
  /** Languages the model reads and writes (the catalogue's ISO 639-1 codes). */
  languages: string[];
  /** Decoder-only chat model: follows instructions, so it can be asked for a summary language. */
  instruct: boolean;
  cached: boolean;
  location: ModelLocation;
  /** The catalogue's default dtype. */
  dtype?: Dtype;
  /** The dtype each backend loads when none is picked (measured or by rule; see the catalogue). */
  backendDtypes?: Partial<Record<Backend, Dtype>>;
  /** Every dtype the catalogue lists, in CATALOGUE_DTYPES order. */
  dtypes: DtypeChoice[];
  /** PaperLens's decoding defaults for this model, laid over its generation_config.json. */
  generation?: GenerationOptions;
  notes: string[];
}

function sizeOf({ bytes, complete }: { bytes: number; complete: boolean }): string {
  if (bytes === 0) return t('model.sizeUnknown');
  const mb = bytes / 1e6;
  const text = mb >= 1000 ? `${formatFixed(mb / 1000, 1)} GB` : `${formatCount(Math.round(mb))} MB`;
  return complete ? `~${text}` : `≥ ${text}`;
}

function sizeText(e: CatalogueEntry): string {
  return sizeOf(downloadSize(e));
}

/** The dtypes of an entry, each with its size and whether its graphs are among `cachedPaths`. */
export function dtypeChoices(e: CatalogueEntry, cachedPaths: ReadonlySet<string> = new Set()): DtypeChoice[] {
  return CATALOGUE_DTYPES.filter((d) => e.dtypes[d]).map((dtype) => ({
    dtype,
    ...downloadSize(e, dtype),
    verified: e.dtypes[dtype]!.verified,
    cached: requiredOnnx(e.family, dtype).every((p) => cachedPaths.has(p)),
    largestFile: Math.max(0, ...filesFor(e, dtype).map((f) => f.bytes ?? 0)),
  }));
}

export interface DtypeOption {
  dtype: CatalogueDtype;
  label: string;
  /** Why it cannot be picked here; null when it can. */
  disabled: string | null;
}

/** What the runtime says about float16 on the GPU the model would run on. */
export interface F16Facts {
  webgpuAvailable: boolean;
  /** undefined/null: not known. */
  webgpuShaderF16?: boolean | null;
  /** The `?backend=` choice: forced WASM never touches the GPU. */
  backend: 'auto' | 'webgpu' | 'wasm';
}

const HALF: ReadonlySet<Dtype> = new Set(['fp16', 'q4f16']);

/**
 * The largest single file a browser tab can take in: one ArrayBuffer (and the WASM heap ORT copies
 * it into) tops out near 2 GB in Chromium; bigger exports are split (model.onnx_data_1, ...).
 */
export const MAX_BROWSER_FILE = 2 ** 31 - 1;

/** The backend a load would use, from what the runtime reported (WASM when unknown). */
function likelyBackend(facts: F16Facts | null): Backend {
  return facts && facts.backend !== 'wasm' && facts.webgpuAvailable ? 'webgpu' : 'wasm';
}

/** The dtype loaded when the user picks none: the catalogue's choice for the likely backend. */
export function defaultDtypeOn(choice: Pick<ModelChoice, 'dtype' | 'backendDtypes'>, facts: F16Facts | null): Dtype | undefined {
  return choice.backendDtypes?.[likelyBackend(facts)] ?? choice.dtype;
}

/**
 * The dtype picker's options: each dtype with its size, whether it is downloaded, and disabled
 * when it is float16 and the WebGPU adapter is known to lack shader-f16 (the engine would swap it
 * for another dtype anyway). Unknown f16 support disables nothing.
 */
export function dtypeOptions(choice: Pick<ModelChoice, 'dtypes' | 'dtype' | 'backendDtypes'>, facts: F16Facts | null): DtypeOption[] {
  const noF16 = facts !== null && facts.backend !== 'wasm' && facts.webgpuAvailable && facts.webgpuShaderF16 === false;
  const byDefault = defaultDtypeOn(choice, facts);
  return choice.dtypes.map((d) => {
    const parts = [d.dtype, sizeOf(d)];
    if (d.dtype === byDefault) parts.push(t('model.dtypeDefault'));
    if (d.cached) parts.push(t('model.downloaded'));
    else if (!d.verified) parts.push(t('model.dtypeUnconfirmed'));
    let disabled: string | null = null;
    if (d.largestFile > MAX_BROWSER_FILE) disabled = t('model.fileTooLarge', { size: formatFixed(d.largestFile / 1e9, 1) });
    else if (noF16 && HALF.has(d.dtype)) disabled = t('model.needsF16');
    return { dtype: d.dtype, label: parts.join(' · '), disabled };
  });
}

function detailOf(e: CatalogueEntry): string {
  const ctx = e.contextTokens.value >= 1024 ? `${Math.round(e.contextTokens.value / 1024)}k` : String(e.contextTokens.value);
  return `${sizeText(e)} · ${t('model.contextTokens', { context: ctx })} · ${t(`model.speedClass.${e.speed.value}`)}`;
}

function baseOf(location: ModelLocation): string | null {
  if (location.kind === 'url') return location.url;
  if (location.kind === 'same-origin') return new URL(sameOriginFolderUrl(location.path, import.meta.env.BASE_URL), pageOrigin()).href;
  return null;
}

export function choiceOf(e: CatalogueEntry, local: boolean, cached: ReadonlyMap<string, ReadonlySet<string>>): ModelChoice {
  const path = localFolder(e);
  const location: ModelLocation = local ? { kind: 'same-origin', path } : { kind: 'url', url: hubFolderUrl(e.repo, { revision: e.revision }) };
  const base = baseOf(location);
  const files = base === null ? undefined : cached.get(base);
  return {
    id: e.id,
    label: e.label,
    get detail() {
      return detailOf(e);
    },
    languages: e.languages.value,
    instruct: e.family === 'causal',
    cached: files !== undefined,
    location,
    dtype: e.defaultDtype,
    ...(e.backendDtypes ? { backendDtypes: { wasm: e.backendDtypes.wasm, webgpu: e.backendDtypes.webgpu } } : {}),
    dtypes: dtypeChoices(e, files),
    generation: e.generation.options,
    notes: e.notes ?? [],
  };
}

function pageOrigin(): string {
  return typeof location === 'undefined' ? 'http://localhost/' : location.origin;
}

interface CatalogueState {
  choices: ModelChoice[];
}

const initial = (): ModelChoice[] => summarizers().map((e) => choiceOf(e, false, new Map()));

export const useCatalogue = create<CatalogueState>()(() => ({ choices: initial() }));

export function pickableModels(): ModelChoice[] {
  return useCatalogue.getState().choices;
}

/** The site's model index (models/modelIndex.ts), asked for once per page; null when there is none. */
let served: Promise<unknown> | null = null;

function servedIndex(fetchFn: typeof fetch, baseUrl: string): Promise<unknown> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  served ??= fetchFn(`${base}models/${MODEL_INDEX_FILE}`)
    .then((r) => (r.ok ? r.json() : null))
    // Offline or an old host without the index: every model comes from its hub, as before.
    .catch(() => null);
  return served;
}

/** The sentence-embedding folder this site serves (dense retrieval for questions), if any. */
export async function servedEmbedder(fetchFn: typeof fetch = fetch, baseUrl: string = import.meta.env.BASE_URL): Promise<string | null> {
  return indexedEmbedders(await servedIndex(fetchFn, baseUrl))[0] ?? null;
}

/**
 * The model folders this site serves: what `npm run models` or `npm run fetch-model` put under
 * models/ when the site was built or is being served. One request that exists on every build,
 * instead of probing each model's config.json (a logged 404 for every model not self-hosted).
 */
export function servedFolders(fetchFn: typeof fetch = fetch, baseUrl: string = import.meta.env.BASE_URL): Promise<Set<string>> {
  return servedIndex(fetchFn, baseUrl).then(indexedFolders);
}

/** Forgets the index read (tests); the next `servedFolders` asks again. */
export function forgetServedFolders(): void {
  served = null;
}

/** Re-checks where each model lives and which are cached; call at start and after a download. */
export async function refreshCatalogue(): Promise<void> {
  const cache = defaultModelCache();
  const [cached, local] = await Promise.all([cache ? listCachedModels(cache).catch(() => []) : Promise.resolve([]), servedFolders()]);
  const files = cachedFiles(cached);
  useCatalogue.setState({ choices: summarizers().map((e) => choiceOf(e, local.has(localFolder(e)), files)) });
}

/** Folder base URL -> paths of its cached files. */
export function cachedFiles(models: readonly CachedModel[]): Map<string, Set<string>> {
  return new Map(models.map((m) => [m.base, new Set(m.files.map((f) => f.path))]));
}

/** The catalogue choice whose folder is `base` (a cached model in the storage panel). */
export function choiceAt(base: string): ModelChoice | undefined {
  return pickableModels().find((c) => baseOf(c.location) === base);
}

/** Frees the browser storage a downloaded model takes; the next load downloads it again. */
export async function forgetDownload(choice: ModelChoice): Promise<void> {
  const cache = defaultModelCache();
  const base = baseOf(choice.location);
  if (cache && base) await deleteCachedModel(cache, base);
  await refreshCatalogue();
}

export function findChoice(id: string): ModelChoice | undefined {
  return pickableModels().find((c) => c.id === id);
}
