// The model index the page reads instead of probing each model's config.json: which folders count
// as models (the servers and the build scan models/), what the build ships, and how the page reads
// the file back, garbage included.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderRoles, modelFolders, shippedFolders } from '../scripts/models/folders';
import { indexedEmbedders, indexedFolders, indexPath, modelIndex } from './modelIndex';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'paperlens-models-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(path: string, text = '{}'): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe('modelFolders', () => {
  it('finds every folder holding a config.json, at any depth, and nothing else', () => {
    file('local/smollm2-135m-instruct/config.json');
    file('local/smollm2-135m-instruct/onnx/model.onnx', 'x');
    file('fixtures/tiny-bart/config.json');
    file('optimum/bart/config.json');
    file('bench/big-bart/config.json');
    // A half-fetched model (only .part files) and loose sources are no models.
    file('local/flan-t5-base/config.json.part');
    file('catalogue.ts', '');
    expect(modelFolders(dir).sort()).toEqual(['bench/big-bart', 'fixtures/tiny-bart', 'local/smollm2-135m-instruct', 'optimum/bart']);
  });

  it('does not look for models inside a model (its subfolders are its files)', () => {
    file('local/a/config.json');
    file('local/a/nested/config.json');
    expect(modelFolders(dir)).toEqual(['local/a']);
  });

  it('is empty when there is no models/ folder', () => {
    expect(modelFolders(join(dir, 'missing'))).toEqual([]);
  });

  it('ships everything but the benchmark folders', () => {
    file('bench/big-bart/config.json');
    file('benchmarks-are-not-bench/x/config.json');
    file('local/a/config.json');
    expect(shippedFolders(dir).sort()).toEqual(['benchmarks-are-not-bench/x', 'local/a']);
  });
});

describe('folderRoles', () => {
  it('tells a sentence embedder from the generators by config.json, and skips what says neither', () => {
    file('local/all-minilm-l6-v2/config.json', JSON.stringify({ architectures: ['BertModel'], model_type: 'bert', hidden_size: 384, num_hidden_layers: 6 }));
    file('local/smollm2-135m-instruct/config.json', JSON.stringify({ architectures: ['LlamaForCausalLM'], model_type: 'llama', num_hidden_layers: 30 }));
    file('fixtures/tiny-bart/config.json', JSON.stringify({ model_type: 'bart', is_encoder_decoder: true }));
    file('local/odd/config.json', JSON.stringify({ model_type: 'whisper-ish' }));
    file('local/broken/config.json', '{ not json');
    const folders = modelFolders(dir);
    expect(folders).toHaveLength(5);
    expect(folderRoles(dir, folders)).toEqual({ 'local/all-minilm-l6-v2': 'embedder', 'local/smollm2-135m-instruct': 'generator', 'fixtures/tiny-bart': 'generator' });
  });
});

describe('modelIndex and indexedFolders', () => {
  it('carries the roles of listed folders only, and none when none is known', () => {
    const index = modelIndex(['local/e', 'local/g', 'local/x'], { 'local/e/': 'embedder', 'local/g': 'generator', 'local/gone': 'embedder' });
    expect(index.roles).toEqual({ 'local/e': 'embedder', 'local/g': 'generator' });
    expect(modelIndex(['local/a'])).toEqual({ format: 'paperlens-model-index', version: 1, folders: ['local/a'] });
    const json = JSON.parse(JSON.stringify(index));
    expect(indexedFolders(json)).toEqual(new Set(['local/e', 'local/g', 'local/x']));
    expect(indexedEmbedders(json)).toEqual(['local/e']);
  });

  it('names no embedder for an index without roles, bad roles, or roles of unlisted folders', () => {
    const base = { format: 'paperlens-model-index', version: 1, folders: ['local/e'] };
    for (const bad of [null, base, { ...base, roles: 'local/e' }, { ...base, roles: ['embedder'] }, { ...base, roles: { 'local/other': 'embedder' } }, { ...base, version: 2, roles: { 'local/e': 'embedder' } }]) {
      expect(indexedEmbedders(bad), JSON.stringify(bad)).toEqual([]);
    }
  });

  it('round-trips the folders through JSON, sorted and with / separators', () => {
    const index = modelIndex(['local\\b', 'fixtures/tiny-bart/', 'local/a', 'local/a']);
    expect(index.folders).toEqual(['fixtures/tiny-bart', 'local/a', 'local/b']);
    expect(indexedFolders(JSON.parse(JSON.stringify(index)))).toEqual(new Set(index.folders));
  });

  it('reads anything that is not our index as naming no folder', () => {
    for (const bad of [null, 'local/a', 42, [], {}, { folders: ['local/a'] }, { format: 'paperlens-model-index', version: 2, folders: ['local/a'] }, { format: 'paperlens-model-index', version: 1, folders: 'local/a' }]) {
      expect(indexedFolders(bad), JSON.stringify(bad)).toEqual(new Set());
    }
  });

  it('skips entries that are not folder names', () => {
    expect(indexedFolders({ format: 'paperlens-model-index', version: 1, folders: ['local/a', 7, '', '/local/b/'] })).toEqual(new Set(['local/a', 'local/b']));
  });

  it('spells paths one way', () => {
    expect(indexPath('\\local\\a\\')).toBe('local/a');
    expect(indexPath('local/a')).toBe('local/a');
  });
});
