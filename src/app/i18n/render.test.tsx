// @vitest-environment happy-dom
// The whole page rendered in Chinese, in the states a session goes through (empty, a paper read, a
// model downloading, a summary written, errors): no English word may show, in text or in the
// titles and labels screen readers read, except names (models, formats, backends) and the user's
// own content. This catches strings assembled in TypeScript that the JSX scan cannot see.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizers } from '../../../models/catalogue';
import { structureText } from '../../pipeline/structure';
import { countText } from '../../pipeline/cjk/script';
import { App } from '../components/App';
import { usePersistence } from '../persistence/autosave';
import { initialAsk, initialFacts, initialRun, set, useApp, type AppState } from '../store';
import { emptyFacts } from '../../pipeline/facts';
import { setLanguage } from './index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PAPER = `基于图排序的中文论文摘要\n\n摘要：本文提出一种中文论文的抽取式摘要方法。实验结果表明该方法有效。\n\n一、引言\n中文没有空格。我们先分词。\n\n参考文献\n[1] 王五. 综述. 2020.`;

/** Words that are names in every language, and the model names of the catalogue. */
const NAMES = new Set(['PaperLens', 'English', 'Markdown', 'JSON', 'WebGPU', 'WASM', 'webgpu', 'wasm', 'Ctrl', 'Enter', 'Esc', 'TL', 'DR', 'Top-p', 'Top-k', 'Hugging', 'Face', 'Hub', 'prompt', 'lookup', 'shader-f16', 'GPU', 'CPU', 'txt', 'json', 'md', 'DailyMail', 'LaTeX', 'zip', 'tar.gz', 'BibTeX', 'arXiv', 'CSV']);
// Model labels are names, as the catalogue writes them ("SmolLM2-135M-Instruct (small, English)").
for (const e of summarizers()) for (const w of e.label.split(/[^\p{L}\p{N}.-]+/u)) NAMES.add(w);
/** File names and extensions are the same in every language (config.json, .pdf, onnx/). */
const FILE = /^(?:[\w-]+\.(?:json|onnx|txt|md|pdf|tex)|pdf|tex|onnx|markdown)$/;
const DTYPE = /^(?:fp32|fp16|q8|q4|q4f16|int8|uint8|bnb4)$/;

let root: Root;
let host: HTMLElement;

function visibleStrings(): string[] {
  // Text node by text node: textContent runs neighbouring elements together ("MBconfig.json").
  const out: string[] = [];
  const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n.textContent ?? '');
  for (const el of host.querySelectorAll('*')) {
    for (const a of ['title', 'aria-label', 'placeholder']) {
      const v = el.getAttribute(a);
      if (v) out.push(v);
    }
  }
  return out;
}

function english(): string[] {
  const words = new Set<string>();
  for (const s of visibleStrings()) {
    for (const m of s.matchAll(/[A-Za-z][A-Za-z0-9.'’-]*[A-Za-z0-9]|[A-Za-z]{2,}/g)) {
      const w = m[0].replace(/[.'’-]+$/, '');
      if (w.length < 2 || NAMES.has(w) || FILE.test(w) || DTYPE.test(w) || /^[A-Z]{1,3}$/.test(w) || /^(?:kB|MB|GB|ms)$/.test(w) || /\d/.test(w)) continue;
      words.add(w);
    }
  }
  return [...words];
}

async function show(patch: Partial<AppState>): Promise<void> {
  await act(async () => {
    set(patch);
  });
}

describe('the page in Chinese', () => {
  beforeAll(async () => {
    await setLanguage('zh');
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => root.render(<App />));
  });
  afterAll(async () => {
    await act(async () => root.unmount());
    await setLanguage('en');
  });

  it('shows no English on the empty page', () => {
    expect(host.textContent).toContain('生成摘要');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(english()).toEqual([]);
  });

  it('shows no English while the saved paper is being restored', async () => {
    await act(async () => usePersistence.setState({ restoring: true }));
    expect(host.querySelector('[data-testid="paper-restoring"]')!.textContent).toBe('正在恢复已保存的论文…');
    expect(english()).toEqual([]);
    await act(async () => usePersistence.setState({ restoring: false }));
  });

  it('shows no English with a Chinese paper read and its structure listed', async () => {
    const paper = structureText(PAPER, { source: 'paste' });
    await show({ text: PAPER, counts: countText(PAPER), paper, paperText: PAPER, included: paper.sections.map((s) => s.kind !== 'references') });
    expect(host.querySelector('[data-testid="word-count"]')!.textContent).toMatch(/^\d+ 字/);
    expect(host.querySelector('[data-testid="section-list"]')!.textContent).toContain('参考文献');
    expect(english()).toEqual([]);
  });

  it('shows no English while a model downloads, and suggests a Chinese-capable model', async () => {
    const e = summarizers().find((x) => x.id.startsWith('qwen'))!;
    await show({
      model: { id: 'distilbart-cnn-6-6', label: 'DistilBART-CNN-6-6', status: 'loading', requestId: 1, error: null, defaults: null, download: { stage: 'download', files: [{ path: 'onnx/a.onnx', loaded: 5e6, total: 9e7 }, { path: 'config.json', loaded: 100 }], loaded: 5e6, total: 9e7, startedAt: 0, speed: 2e6 } },
    });
    expect(host.querySelector('[data-testid="model-progress"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="model-recommendation"]')!.getAttribute('data-id')).toBe(e.id);
    expect(english()).toEqual([]);
  });

  it('shows no English with a summary written by an instruction model on WASM', async () => {
    const e = summarizers().find((x) => x.id.startsWith('qwen'))!;
    await show({
      model: { id: e.id, label: e.label, status: 'ready', requestId: null, error: null, defaults: { max_new_tokens: 400 }, download: null },
      runtime: { backend: 'wasm', threads: 4, crossOriginIsolated: true, webgpuAvailable: false, modelId: e.id, dtype: 'q4f16', fellBack: null, webgpuSkipped: '此浏览器没有 WebGPU。', maxInputTokens: 32768, modelKind: 'causal', modelDefaults: null },
      run: {
        ...initialRun,
        status: 'done',
        text: '本文提出一种中文论文摘要方法。',
        kind: 'abstractive',
        modelId: e.id,
        backend: 'wasm',
        stats: { totalMs: 3200, firstDeltaMs: 400, timings: { tokensPerSecond: 12.5, firstTokenMs: 400 } as never },
        request: { style: 'tldr', length: 'medium', generation: {}, sections: ['摘要'] },
        finishedAt: new Date().toISOString(),
      },
      decoding: { ...useApp.getState().decoding, strategy: 'greedy' },
    });
    usePersistence.setState({ mode: 'memory', entries: [{ id: 'a', name: '中文论文', savedAt: new Date().toISOString(), record: { title: '中文论文', summary: '摘要。', kind: 'extractive', partial: true, modelId: null, backend: null, threads: null, fellBack: null, style: 'key_points', length: 'short', generation: null, sectionsIncluded: [], timings: { summaryMs: 1200, firstTextMs: 10 }, sourceName: 'paste', sourceWordCount: 0, date: new Date().toISOString() } }] });
    await show({});
    expect(host.querySelector('[data-testid="summary-kind"]')!.textContent).toContain('生成式摘要');
    expect(host.querySelector('[data-testid="output-language"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="download-md"]')).not.toBeNull();
    expect(english()).toEqual([]);
  });

  it('shows no English in a conversation about the paper and on its facts card', async () => {
    const paper = structureText(PAPER, { source: 'paste' });
    const cite = { n: 1, sectionTitle: '一、引言', refs: [{ section: 1, position: 0 }], text: '中文没有空格。' };
    const facts = { ...emptyFacts(), title: { value: '基于图排序的中文论文摘要', refs: [], source: 'rules' as const }, results: [{ value: '3.2', unit: '%', measured: '准确率', comparedWith: '基线', refs: [{ section: 0, position: 1 }], source: 'model' as const, unsupported: true }] };
    await show({
      text: PAPER,
      paper,
      paperText: PAPER,
      activity: 'ask',
      highlight: [{ section: 1, position: 0 }],
      ask: {
        ...initialAsk,
        status: 'done',
        totalMs: 800,
        turns: [
          { question: '为什么要分词？', answer: { text: '因为中文没有空格 [1]。', kind: 'generated', citations: [{ ...cite, matched: true }], modelId: 'Qwen2.5' }, askedAt: '' },
          { question: '用了什么数据？', answer: { text: '', kind: 'quoted', citations: [cite], partial: true }, askedAt: '' },
          { question: '望远镜是哪台？', answer: { text: '论文似乎没有涉及这个问题。', kind: 'not-found', citations: [], closest: [cite] }, askedAt: '' },
        ],
      },
      facts: { ...initialFacts, status: 'done', facts, paperText: PAPER, totalMs: 20 },
    });
    expect(host.querySelectorAll('[data-testid="citation"]').length).toBeGreaterThan(0);
    expect(host.querySelector('[data-testid="facts"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="highlighted-sentence"]')).not.toBeNull();
    expect(host.querySelector('[data-testid="status"]')!.textContent).toMatch(/^回答完成/);
    expect(english()).toEqual([]);
    await show({ activity: 'facts', ask: { ...initialAsk, status: 'error', error: '请先输入一个关于论文的问题。' } });
    expect(host.querySelector('[data-testid="status"]')!.textContent).toMatch(/^要素提取完成/);
    expect(english()).toEqual([]);
    await show({ activity: 'run', ask: initialAsk, facts: initialFacts, highlight: [] });
  });

  it('shows no English for errors and a stopped run', async () => {
    await show({ run: { ...initialRun, status: 'error', error: '请先粘贴论文或拖入文件。' }, model: { ...useApp.getState().model, status: 'error', error: '加载模型失败' }, ingest: { busy: true, error: '输入中没有可供摘要的文本。', requestId: 3 } });
    expect(host.querySelector('[data-testid="status"]')!.textContent).toMatch(/^错误：/);
    await show({ run: { ...initialRun, status: 'stopped', text: '部分摘要。', kind: 'extractive', request: { style: 'lay', length: 'long', generation: null, sections: [] } } });
    expect(english()).toEqual([]);
  });

  it('catches English when there is some (the check can fail)', async () => {
    await show({ fatal: 'The background worker stopped' });
    expect(english()).toEqual(expect.arrayContaining(['background', 'worker', 'stopped']));
    await show({ fatal: null });
  });
});
