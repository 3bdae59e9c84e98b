// When two sentences "say the same thing", two ways: content-word overlap (always available) and
// all-MiniLM-L6-v2 sentence embeddings (q8 on WASM, when `npm run models` has prepared it), which
// also catches a paraphrase that shares few words. Redundancy and abstract echo are reported under
// both; the embedding figures are absent, and the table says so, when the model is not there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { cosine, loadEmbedder, type LoadedEmbedder } from '../../src/engine';
import { DirSource } from '../../test/support/dirSource';
import { REDUNDANT_AT, sentenceSimilarity } from './metrics';

export interface Similarity {
  /** 'words' or 'embedding': the key its figures are stored under. */
  key: 'words' | 'embedding';
  /** What it is, for the table. */
  name: string;
  /** Above this two sentences count as saying the same thing. */
  threshold: number;
  /** sims[i][j]: a[i] against b[j]. */
  matrix(a: readonly string[], b: readonly string[]): Promise<number[][]>;
}

export const wordOverlap: Similarity = {
  key: 'words',
  name: `content-word cosine > ${REDUNDANT_AT}`,
  threshold: REDUNDANT_AT,
  matrix: async (a, b) => a.map((x) => b.map((y) => sentenceSimilarity(x, y))),
};

export const MINILM_DIR = join(import.meta.dirname, '../../models/local/all-minilm-l6-v2');

/**
 * Cosine of all-MiniLM-L6-v2 vectors above which two sentences are near-duplicates or
 * paraphrases. Chosen on this eval's own sentences (each abstract sentence against its closest
 * body sentence): a reworded restatement of the same claim scored 0.75-0.95 ("Alongside this
 * paper, we have released well-tested ... implementations" for "We provide well-tested ...
 * implementations", word cosine 0.53), related but different statements 0.45-0.72.
 */
export const PARAPHRASE_AT = 0.75;

let loaded: Promise<LoadedEmbedder> | undefined;

/** The embedding measure, or undefined when the model is not prepared. */
export async function embeddingSimilarity(): Promise<Similarity | undefined> {
  if (!existsSync(join(MINILM_DIR, 'config.json'))) return undefined;
  ort.env.wasm.numThreads = 1;
  loaded ??= loadEmbedder(new DirSource(MINILM_DIR), { ort, backend: 'wasm', dtype: 'q8', gpu: null });
  const model = await loaded;
  const cache = new Map<string, Float32Array>();
  const vectors = async (texts: readonly string[]) => {
    const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
    const got = missing.length ? await model.embed(missing) : [];
    missing.forEach((t, i) => cache.set(t, got[i]));
    return texts.map((t) => cache.get(t)!);
  };
  return {
    key: 'embedding',
    name: `all-MiniLM-L6-v2 (q8) cosine > ${PARAPHRASE_AT}`,
    threshold: PARAPHRASE_AT,
    async matrix(a, b) {
      const [va, vb] = [await vectors(a), await vectors(b)];
      return va.map((x) => vb.map((y) => cosine(x, y)));
    },
  };
}

/** The measures available here: word overlap always, the embedding one when prepared. */
export async function similarities(): Promise<Similarity[]> {
  const e = await embeddingSimilarity();
  return e ? [wordOverlap, e] : [wordOverlap];
}

export async function disposeSimilarities(): Promise<void> {
  if (loaded) await (await loaded).dispose();
  loaded = undefined;
}

/** Share of the sentences' pairs more similar than the measure's threshold (0 under two). */
export async function redundancyBy(sim: Similarity, sentences: readonly string[]): Promise<number> {
  if (sentences.length < 2) return 0;
  const m = await sim.matrix(sentences, sentences);
  let pairs = 0;
  let close = 0;
  for (let i = 0; i < sentences.length; i++)
    for (let j = i + 1; j < sentences.length; j++) {
      pairs++;
      if (m[i][j] > sim.threshold) close++;
    }
  return close / pairs;
}

/** Share of summary sentences that nearly repeat a sentence of the abstract (0 for none). */
export async function echoBy(sim: Similarity, summary: readonly string[], abstract: readonly string[]): Promise<number> {
  if (!summary.length || !abstract.length) return 0;
  const m = await sim.matrix(summary, abstract);
  return m.filter((row) => Math.max(...row) > sim.threshold).length / summary.length;
}
