// The real engine and pipeline behind the worker's controller.
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { loadModel, type FileSource } from '../engine';
import { FileListSource, HttpFileSource, sameOriginFolderUrl } from '../engine/sources';
import { configurePdfJs, ingest, PassCache, summarizePaper, type IngestInput } from '../pipeline';
import type { WorkerDeps } from './controller';
import { loadOrt } from './ortSetup';
import type { IngestRequest, ModelLocation } from './protocol';
import { probeRuntime } from './runtimeFacts';
import { askPaper } from '../pipeline/ask/askPaper';
import type { Passage } from '../pipeline/retrieval/passages';
import { extractFacts, extractFactsWithModel, withoutUnsupported } from '../pipeline/facts';
import { RetrieverCache } from './retrievers';
import { EmbedderCache, embedderLoader } from './embedders';
import { DensePassageIndex } from '../pipeline/retrieval/dense';

// CMaps are served same-origin from public/pdfjs/cmaps/ (copied there by vite.config.ts) and
// precached by the service worker, so Chinese/Japanese/Korean PDFs read offline too.
configurePdfJs({ workerSrc: pdfWorkerUrl, cMapUrl: new URL(`${import.meta.env.BASE_URL}pdfjs/cmaps/`, self.location.href).href });

function sourceFor(location: ModelLocation, modelId: string): FileSource {
  switch (location.kind) {
    case 'same-origin':
      // Test fixtures are not worth a place in the user's storage; real models are cached.
      return new HttpFileSource(sameOriginFolderUrl(location.path, import.meta.env.BASE_URL), {
        id: `models/${location.path}`,
        cache: location.path.startsWith('fixtures/') ? null : undefined,
      });
    case 'url':
      return new HttpFileSource(location.url, { id: modelId });
    case 'files':
      return new FileListSource(location.files, modelId);
  }
}

/** Room for the whole card in JSON (measured on SmolLM2: a full card is 300-600 tokens). */
const FACTS_TOKENS = 700;

export function workerServices(): WorkerDeps {
  const retrievers = new RetrieverCache();
  const passes = new PassCache();
  const embedders = new EmbedderCache(embedderLoader(loadOrt, (l) => sourceFor(l, 'embedder')));
  return {
    async loadModel(req, hooks) {
      const ort = await loadOrt();
      hooks.onStage('download');
      return loadModel(sourceFor(req.location, req.modelId), {
        ort,
        backend: req.backend,
        dtype: req.dtype,
        signal: hooks.signal,
        onProgress: hooks.onProgress,
        fault: req.failWebgpuAtStep ? { backend: 'webgpu', failAtRun: req.failWebgpuAtStep } : undefined,
        contextTokens: req.contextTokens,
      });
    },
    ingest: (input, signal) => ingest(ingestInput(input), { signal }),
    // One cache for the page: keyed by the loaded model, so a reloaded model starts afresh.
    summarize: (paper, request, hooks) => summarizePaper(paper, request, { ...hooks, mapReduce: { passCache: passes } }),
    async ask(paper, question, hooks) {
      // all-MiniLM-L6-v2 is English-only: on Chinese text its similarities say nothing (every
      // question scored "addressed" on a Chinese paper), so Chinese papers are searched by words.
      const embedder = hooks.embedder && paper.language !== 'zh' ? await embedders.get(hooks.embedder) : null;
      const dense = embedder
        ? {
            owner: embedder,
            build: (passages: readonly Passage[]) =>
              DensePassageIndex.build(
                passages.map((p) => ({ id: p.id, text: p.text })),
                embedder,
                { signal: hooks.signal, onProgress: (done, total) => hooks.onEvent({ type: 'progress', step: 'index', done, total }) },
              ),
          }
        : undefined;
      const retriever = await retrievers.get(paper, dense);
      return askPaper(paper, question, { ...hooks, retriever });
    },
    async extract(paper, hooks) {
      hooks.onProgress('rules', 0, 1);
      const rules = extractFacts(paper);
      hooks.onProgress('rules', 1, 1);
      const g = hooks.generator;
      if (!g || g.kind !== 'causal') return rules;
      const total = hooks.generation?.max_new_tokens ?? FACTS_TOKENS;
      let tokens = 0;
      try {
        const facts = await extractFactsWithModel(paper, g, {
          signal: hooks.signal,
          rules,
          // Greedy JSON: beams cannot run under a schema, and repetition rules would fight its punctuation.
          generation: { ...hooks.generation, do_sample: false, num_beams: 1, repetition_penalty: 1, no_repeat_ngram_size: 0, max_new_tokens: total },
          onToken: (ev) => hooks.onProgress('model', (tokens += ev.ids.length), total),
        });
        return withoutUnsupported(facts);
      } catch (e) {
        // Stopped while the model wrote: the card keeps what the rules found.
        if (hooks.signal.aborted) return rules;
        throw e;
      }
    },
    runtime: probeRuntime,
    now: () => performance.now(),
  };
}

function ingestInput(input: IngestRequest['input']): IngestInput {
  if (input.kind === 'text') return { text: input.text, name: input.name };
  if (input.kind === 'files') return { name: input.name, files: input.files.map((f) => ({ path: f.path, bytes: new Uint8Array(f.bytes) })) };
  return { name: input.name, bytes: new Uint8Array(input.bytes) };
}
