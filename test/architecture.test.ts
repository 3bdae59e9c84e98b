// Guards the one-way layering app -> worker -> pipeline -> engine, and keeps engine/pipeline
// free of DOM and React so they run both in the worker and under Node.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const layers = ['app', 'worker', 'pipeline', 'engine'] as const;
type Layer = (typeof layers)[number];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push(m[1] ?? m[2]);
  }
  return found;
}

function layerOf(file: string): Layer | undefined {
  const rel = relative(join(root, 'src'), file).split(/[\\/]/)[0];
  return layers.find((l) => l === rel);
}

/** Layers each layer may import from (itself included). */
const allowed: Record<Layer, Layer[]> = {
  app: ['app', 'worker', 'pipeline', 'engine'],
  worker: ['worker', 'pipeline', 'engine'],
  pipeline: ['pipeline', 'engine'],
  engine: ['engine'],
};

describe('architecture', () => {
  const files = sourceFiles(join(root, 'src'));

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('imports only point down the layers', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (!from) continue;
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = layerOf(join(file, '..', spec));
        if (target && !allowed[from].includes(target)) {
          violations.push(`${relative(root, file)} (${from}) imports ${spec} (${target})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('engine and pipeline use neither React nor the DOM', () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      if (layer !== 'engine' && layer !== 'pipeline') continue;
      const text = readFileSync(file, 'utf8');
      for (const spec of importsOf(file)) {
        if (/^(react|react-dom|zustand)(\/|$)/.test(spec)) violations.push(`${relative(root, file)} imports ${spec}`);
      }
      if (/\b(document|window)\.\w/.test(text.replace(/\/\/.*$/gm, ''))) {
        violations.push(`${relative(root, file)} touches document/window`);
      }
    }
    expect(violations).toEqual([]);
  });
});
