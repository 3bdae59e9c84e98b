// The models the picker offers: real summarizers from models/catalogue.ts, never the
// random-weight test fixtures (those are reachable only through ?model= for tests). Each is read
// from the same-origin models/local/<id>/ folder when `npm run fetch-model` put it there, else
// from its hub repository; Cache Storage says which are already downloaded.
import { create } from 'zustand';
import { downloadSize, localFolder, summarizers, type CatalogueEntry } from '../../models/catalogue';
import type { Dtype, GenerationOptions } from '../engine/types';
import { defaultModelCache, deleteCachedModel, hubFolderUrl, listCachedModels, sameOriginFolderUrl } from '../engine/sources';
import type { ModelLocation } from '../worker/protocol';

export interface ModelChoice {
  id: string;
  label: string;
  /** Size, context length and speed class in a few words. */
  detail: string;
  cached: boolean;
  location: ModelLocation;
  dtype?: Dtype;
  /** PaperLens's decoding defaults for this model, laid over its generation_config.json. */
  generation?: GenerationOptions;
  notes: string[];
}

function sizeText(e: CatalogueEntry): string {
  const { bytes, complete } = downloadSize(e);
  if (bytes === 0) return 'size unknown';
  const mb = bytes / 1e6;
  const text = mb >= 1000 ? `${(mb / 1000).toFixed(1)} GB` : `${Math.round(mb)} MB`;
  return complete ? `~${text}` : `≥ ${text}`;
}

function detailOf(e: CatalogueEntry): string {
  const ctx = e.contextTokens.value >= 1024 ? `${Math.round(e.contextTokens.value / 1024)}k` : String(e.contextTokens.value);
  return `${sizeText(e)} · ${ctx} tokens · ${e.speed.value.replace('-', ' ')}`;
}

function baseOf(location: ModelLocation): string | null {
  if (location.kind === 'url') return location.url;
  if (location.kind === 'same-origin') return new URL(sameOriginFolderUrl(location.path, import.meta.env.BASE_URL), pageOrigin()).href;
  return null;
}

function choiceOf(e: CatalogueEntry, local: boolean, cachedBases: Set<string>): ModelChoice {
  const path = localFolder(e);
  const location: ModelLocation = local ? { kind: 'same-origin', path } : { kind: 'url', url: hubFolderUrl(e.repo, { revision: e.revision }) };
  const base = baseOf(location);
  return {
    id: e.id,
    label: e.label,
    detail: detailOf(e),
    cached: base !== null && cachedBases.has(base),
    location,
    dtype: e.defaultDtype,
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

const initial = (): ModelChoice[] => summarizers().map((e) => choiceOf(e, false, new Set()));

export const useCatalogue = create<CatalogueState>()(() => ({ choices: initial() }));

export function pickableModels(): ModelChoice[] {
  return useCatalogue.getState().choices;
}

/** Whether `npm run fetch-model` put the model into the same-origin models/ folder. */
async function servedLocally(e: CatalogueEntry): Promise<boolean> {
  try {
    const r = await fetch(sameOriginFolderUrl(localFolder(e), import.meta.env.BASE_URL) + 'config.json', { method: 'HEAD' });
    return r.ok;
  } catch {
    return false;
  }
}

/** Re-checks where each model lives and which are cached; call at start and after a download. */
export async function refreshCatalogue(): Promise<void> {
  const cache = defaultModelCache();
  const [cached, local] = await Promise.all([
    cache ? listCachedModels(cache).catch(() => []) : Promise.resolve([]),
    Promise.all(summarizers().map(servedLocally)),
  ]);
  const bases = new Set(cached.map((c) => c.base));
  useCatalogue.setState({ choices: summarizers().map((e, i) => choiceOf(e, local[i], bases)) });
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
