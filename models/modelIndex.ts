// The list of model folders this site serves, at /models/index.json: written by the build into
// dist/models/ and answered live by the dev and preview servers (vite.config.ts). The page reads it
// once to learn which catalogue models are self-hosted, instead of probing each one's config.json
// (a 404 per missing model, logged as an error by every browser, on every page load).

import type { ModelRole } from '../src/engine/family.ts';

/** Where the index lies, relative to the models/ folder the site serves. */
export const MODEL_INDEX_FILE = 'index.json';

export interface ModelIndex {
  format: 'paperlens-model-index';
  version: 1;
  /** Model folders relative to models/, with `/` separators (`local/<id>`, `fixtures/<id>`). */
  folders: string[];
  /**
   * What each folder's config.json says it is for (src/engine/family.ts modelRole): 'generator'
   * (a summarizer's kind) or 'embedder' (a sentence encoder for retrieval, never a summarizer).
   * Folders whose config says neither are left out. Optional: older indexes lack it.
   */
  roles?: Record<string, ModelRole>;
}

/** A folder path as the index and the app spell it: `/` separators, no leading or trailing slash. */
export function indexPath(folder: string): string {
  return folder.replaceAll('\\', '/').replace(/^\/+|\/+$/g, '');
}

/**
 * The index of `folders` (any order, any separator), sorted so rebuilds write the same bytes;
 * `roles` by folder (scripts/models/folders.ts folderRoles reads them from each config.json).
 */
export function modelIndex(folders: readonly string[], roles: Readonly<Record<string, ModelRole>> = {}): ModelIndex {
  const paths = [...new Set(folders.map(indexPath))].filter((f) => f !== '').sort();
  const byPath = new Map(Object.entries(roles).map(([f, r]) => [indexPath(f), r]));
  const known = paths.filter((f) => byPath.has(f));
  return { format: 'paperlens-model-index', version: 1, folders: paths, ...(known.length ? { roles: Object.fromEntries(known.map((f) => [f, byPath.get(f)!])) } : {}) };
}

/**
 * The folders an index names. Anything else (not JSON we wrote, an HTML error page turned into
 * JSON by a host, a newer version) names none: the catalogue then reads every model from its hub,
 * which is what a site without self-hosted models does anyway.
 */
export function indexedFolders(json: unknown): Set<string> {
  if (typeof json !== 'object' || json === null) return new Set();
  const index = json as Partial<ModelIndex>;
  if (index.format !== 'paperlens-model-index' || index.version !== 1 || !Array.isArray(index.folders)) return new Set();
  return new Set(index.folders.filter((f): f is string => typeof f === 'string').map(indexPath).filter((f) => f !== ''));
}

/**
 * The folders an index says are sentence embedders (all-MiniLM-L6-v2 for dense retrieval), sorted.
 * An index without roles, or anything that is not our index, names none: retrieval is then BM25 only.
 */
export function indexedEmbedders(json: unknown): string[] {
  const folders = indexedFolders(json);
  const roles = (json as Partial<ModelIndex> | null)?.roles;
  if (!folders.size || typeof roles !== 'object' || roles === null || Array.isArray(roles)) return [];
  return Object.entries(roles)
    .filter(([f, r]) => r === 'embedder' && folders.has(indexPath(f)))
    .map(([f]) => indexPath(f))
    .sort();
}
