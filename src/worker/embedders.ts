// The sentence-embedding model for hybrid retrieval: loaded on the first question that names one,
// then kept for the page's life. It runs on WASM (q8): small and quick there, and it leaves the
// GPU to the generator. A folder that fails to load is not tried again; questions then use BM25.
import { loadEmbedder, type LoadedEmbedder } from '../engine';
import type { ModelLocation } from './protocol';

export class EmbedderCache {
  private key: string | null = null;
  private loading: Promise<LoadedEmbedder | null> | null = null;
  /** Why the embedder could not be used, for the worker's log; null while it works. */
  problem: string | null = null;

  constructor(private readonly load: (location: ModelLocation) => Promise<LoadedEmbedder>) {}

  get(location: ModelLocation): Promise<LoadedEmbedder | null> {
    const key = JSON.stringify(location);
    if (this.key !== key || !this.loading) {
      this.key = key;
      this.problem = null;
      this.loading = this.load(location).catch((e: unknown) => {
        this.problem = e instanceof Error ? e.message : String(e);
        console.warn(`PaperLens: semantic search is off, the embedding model did not load: ${this.problem}`);
        return null;
      });
    }
    return this.loading;
  }
}

/** The loader the worker uses; `source` maps a location to the folder it names. */
export function embedderLoader(ort: () => Promise<Parameters<typeof loadEmbedder>[1]['ort']>, source: (l: ModelLocation) => Parameters<typeof loadEmbedder>[0]) {
  return async (location: ModelLocation) => loadEmbedder(source(location), { ort: await ort(), backend: 'wasm', dtype: 'q8', gpu: null });
}
