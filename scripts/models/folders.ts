// Which folders under models/ are models, for the servers and the build (vite.config.ts): the
// same answer serves their files and writes the index the page reads (models/modelIndex.ts).
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { indexPath } from '../../models/modelIndex.ts';

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
