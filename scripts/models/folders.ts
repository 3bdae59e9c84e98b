// Which folders under models/ are models, for the servers and the build (vite.config.ts): the
// same answer serves their files and writes the index the page reads (models/modelIndex.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { indexPath } from '../../models/modelIndex.ts';
import { modelRole, type ModelRole } from '../../src/engine/family.ts';

/**
 * Model folders under `modelsDir` (any folder holding a config.json; its subfolders are its own
 * files, not further models), relative to `modelsDir` with `/` separators.
 */
export function modelFolders(modelsDir: string, dir = modelsDir): string[] {
  if (!existsSync(dir)) return [];
  const entries = readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && e.name === 'config.json')) return [indexPath(relative(modelsDir, dir))];
  return entries.filter((e) => e.isDirectory()).flatMap((e) => modelFolders(modelsDir, join(dir, e.name)));
}

/** Benchmark-only folders (large random-weight models): served by dev/preview, never shipped. */
const NOT_SHIPPED = /^bench(\/|$)/;

/** The model folders a build copies into dist/models/: all but the benchmark ones. */
export function shippedFolders(modelsDir: string): string[] {
  return modelFolders(modelsDir).filter((f) => !NOT_SHIPPED.test(f));
}

/**
 * What each folder's config.json says it is for (the index's `roles`), so the page can tell a
 * sentence embedder from a summarizer without fetching configs. A folder whose config.json does
 * not parse, or says neither, is left out.
 */
export function folderRoles(modelsDir: string, folders: readonly string[]): Record<string, ModelRole> {
  const roles: Record<string, ModelRole> = {};
  for (const f of folders) {
    try {
      const config: unknown = JSON.parse(readFileSync(join(modelsDir, f, 'config.json'), 'utf8'));
      const role = config && typeof config === 'object' && !Array.isArray(config) ? modelRole(config as Record<string, unknown>) : undefined;
      if (role) roles[f] = role;
    } catch {
      // Half-written or not JSON: the folder is still listed, with no role.
    }
  }
  return roles;
}
