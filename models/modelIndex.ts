// The list of model folders this site serves, at /models/index.json: written by the build into
// dist/models/ and answered live by the dev and preview servers (vite.config.ts). The page reads it
// once to learn which catalogue models are self-hosted, instead of probing each one's config.json
// (a 404 per missing model, logged as an error by every browser, on every page load).

/** Where the index lies, relative to the models/ folder the site serves. */
export const MODEL_INDEX_FILE = 'index.json';

export interface ModelIndex {
  format: 'paperlens-model-index';
  version: 1;
  /** Model folders relative to models/, with `/` separators (`local/<id>`, `fixtures/<id>`). */
  folders: string[];
}

/** A folder path as the index and the app spell it: `/` separators, no leading or trailing slash. */
export function indexPath(folder: string): string {
  return folder.replaceAll('\\', '/').replace(/^\/+|\/+$/g, '');
}

/** The index of `folders` (any order, any separator), sorted so rebuilds write the same bytes. */
export function modelIndex(folders: readonly string[]): ModelIndex {
  const paths = [...new Set(folders.map(indexPath))].filter((f) => f !== '').sort();
  return { format: 'paperlens-model-index', version: 1, folders: paths };
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
