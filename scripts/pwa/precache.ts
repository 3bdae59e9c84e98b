// Which built files the service worker precaches: everything the app page can reach (found by
// following file names from index.html through the code), plus the public files it needs
// offline. The bench page and its own bundles are left out.
import { createHash } from 'node:crypto';

export interface BuiltFile {
  fileName: string;
  /** Text for code and HTML; null for binary assets (they reference nothing). */
  text: string | null;
  /** Bytes or text, for the version hash. */
  content: string | Uint8Array;
}

/** Files reachable from `entry` by their names appearing in the text of reachable files. */
export function reachableFiles(files: BuiltFile[], entry: string): string[] {
  const byName = new Map(files.map((f) => [f.fileName, f]));
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name) || !byName.has(name)) continue;
    seen.add(name);
    const text = byName.get(name)!.text;
    if (text === null) continue;
    for (const other of files) {
      if (seen.has(other.fileName)) continue;
      const base = other.fileName.slice(other.fileName.lastIndexOf('/') + 1);
      if (text.includes(base)) queue.push(other.fileName);
    }
  }
  return [...seen].sort();
}

export function manifestVersion(files: { fileName: string; content: string | Uint8Array }[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
    h.update(f.fileName);
    h.update(f.content);
  }
  return h.digest('hex').slice(0, 16);
}
