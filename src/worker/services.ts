// The real engine and pipeline behind the worker's controller.
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { loadModel, type FileSource } from '../engine';
import { configurePdfJs, ingest, summarizePaper } from '../pipeline';
import type { WorkerDeps } from './controller';
import { PickedFilesSource, SameOriginSource } from './interimSource';
import { loadOrt } from './ortSetup';
import type { ModelLocation } from './protocol';
import { probeRuntime } from './runtimeFacts';

configurePdfJs({ workerSrc: pdfWorkerUrl });

function sourceFor(location: ModelLocation, modelId: string): FileSource {
  switch (location.kind) {
    case 'same-origin':
      return new SameOriginSource(`${import.meta.env.BASE_URL}models/${location.path}/`);
    case 'url':
      return new SameOriginSource(location.url.endsWith('/') ? location.url : location.url + '/');
    case 'files':
      return new PickedFilesSource(modelId, location.files);
  }
}

export function workerServices(): WorkerDeps {
  return {
    async loadModel(req, hooks) {
      const ort = await loadOrt();
      hooks.onStage('download');
      return loadModel(sourceFor(req.location, req.modelId), {
        ort,
        backend: req.backend,
        signal: hooks.signal,
        onProgress: hooks.onProgress,
        fault: req.failWebgpuAtStep ? { backend: 'webgpu', failAtRun: req.failWebgpuAtStep } : undefined,
      });
    },
    ingest: (input, signal) =>
      ingest(input.kind === 'text' ? { text: input.text, name: input.name } : { name: input.name, bytes: new Uint8Array(input.bytes) }, { signal }),
    summarize: (paper, request, hooks) => summarizePaper(paper, request, hooks),
    runtime: probeRuntime,
    now: () => performance.now(),
  };
}
