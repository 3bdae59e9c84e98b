// The models `npm run models` prepares (git-ignored): Optimum-exported fixtures, the real
// SmolLM2-135M-Instruct, the all-MiniLM-L6-v2 embedder and the Python transformers reference outputs. In CI (and `npm test`, which
// prepares them first) a missing one is an error; a bare `vitest` run without them skips those tests.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readJson } from '../../src/engine/modelFolder';
import { TextTokenizer } from '../../src/engine/tokenizer';
import { DirSource } from './dirSource';

const MODELS = resolve(import.meta.dirname, '..', '..', 'models');
export const OPTIMUM = resolve(MODELS, 'optimum');
export const SMOLLM2 = resolve(MODELS, 'local', 'smollm2-135m-instruct');
export const REFERENCE = resolve(OPTIMUM, 'reference.json');
/** all-MiniLM-L6-v2 (sentence embeddings) and its Python transformers reference vectors. */
export const MINILM = resolve(MODELS, 'local', 'all-minilm-l6-v2');
export const EMBEDDING_REFERENCE = resolve(OPTIMUM, 'embedding-reference.json');

/** "optimum/tiny-bart" or "local/smollm2-135m-instruct" -> its folder. */
export function preparedDir(model: string): string {
  return resolve(MODELS, model);
}

export function preparedSource(model: string): DirSource {
  return new DirSource(preparedDir(model));
}

/** The folder's tokenizer, to compare prompt ids with a reference's. */
export async function folderTokenizer(source: DirSource): Promise<TextTokenizer> {
  return new TextTokenizer(source.id, await readJson(source, 'tokenizer.json'), await readJson(source, 'tokenizer_config.json'));
}

/** True when every path exists; otherwise false locally, an error under CI. */
export function havePrepared(...paths: string[]): boolean {
  const missing = paths.filter((p) => !existsSync(p));
  if (!missing.length) return true;
  const msg = `prepared models missing (${missing.join(', ')}): run \`npm run models\``;
  if (process.env.CI) throw new Error(msg);
  console.warn(`skipping: ${msg}`);
  return false;
}

export interface ReferenceCase {
  id: string;
  model: string;
  input: string;
  system?: string;
  pipeline?: 'summarization';
  options: Record<string, unknown>;
}

export interface ReferenceResult {
  input_ids: number[];
  output_ids: number[];
  text: string;
}

export function referenceCases(): ReferenceCase[] {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'reference', 'cases.json'), 'utf8')).cases;
}

export function referenceResults(): Record<string, ReferenceResult> {
  return JSON.parse(readFileSync(REFERENCE, 'utf8')).results;
}

export interface EmbeddingCase {
  id: string;
  text: string;
}

export interface EmbeddingReference {
  maxSeqLength: number;
  dimensions: number;
  results: Record<string, { input_ids: number[]; tokens_untruncated: number; embedding: number[] }>;
}

export function embeddingCases(): EmbeddingCase[] {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'reference', 'embedding-cases.json'), 'utf8')).cases;
}

export function embeddingReference(): EmbeddingReference {
  return JSON.parse(readFileSync(EMBEDDING_REFERENCE, 'utf8'));
}
