// Computes, in the Playwright (Node) process, what the app must show: the same pipeline and
// engine the worker runs, on onnxruntime-web's Node build, reading the fixture from disk.
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { loadModel, type Dtype, type GenerationOptions } from '../src/engine';
import { ingest, summarizePaper, type SummaryLength, type SummaryStyle } from '../src/pipeline';
import { DirSource } from '../test/support/dirSource';
import { askPaper } from '../src/pipeline/ask/askPaper';
import { PaperRetriever } from '../src/pipeline/retrieval/retriever';

const root = join(import.meta.dirname, '..');

export interface ReferenceRequest {
  model: string;
  /** The weights variant the app loaded (its backend badge says), e.g. q8 on wasm, fp32 on webgpu. */
  dtype: Dtype;
  text: string;
  style: SummaryStyle;
  length: SummaryLength;
  generation: GenerationOptions;
}

export async function referenceSummary(r: ReferenceRequest): Promise<string> {
  ort.env.wasm.numThreads = 1;
  const generator = await loadModel(new DirSource(join(root, 'models', r.model)), { ort, backend: 'wasm', gpu: null, dtype: r.dtype });
  try {
    const paper = await ingest({ text: r.text, name: 'paste' });
    // The app includes every abstract/body section by default, as the pipeline does.
    const sectionIndexes = paper.sections.flatMap((s, i) => (s.kind === 'abstract' || s.kind === 'body' ? [i] : []));
    const out = await summarizePaper(paper, { style: r.style, length: r.length, sectionIndexes, generation: r.generation }, { generator });
    return out.text;
  } finally {
    await generator.dispose();
  }
}

/** The answer the app must show for a question, without history, from a paper of one passage (so ranking cannot differ). */
export async function referenceAnswer(r: { model: string; dtype: Dtype; text: string; question: string; generation: GenerationOptions }): Promise<string> {
  ort.env.wasm.numThreads = 1;
  const generator = await loadModel(new DirSource(join(root, 'models', r.model)), { ort, backend: 'wasm', gpu: null, dtype: r.dtype });
  try {
    const paper = await ingest({ text: r.text, name: 'paste' });
    const answer = await askPaper(paper, r.question, { retriever: new PaperRetriever(paper), generator, generation: r.generation });
    return answer.text;
  } finally {
    await generator.dispose();
  }
}
