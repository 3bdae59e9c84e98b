// Sources and helpers that need no server: picked files, the progress tracker, the quota check and
// hub URLs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/engine/load';
import { FileListSource } from '../../src/engine/sources/files';
import { DownloadTracker, formatBytes, formatDuration } from '../../src/engine/sources/progress';
import { checkQuota } from '../../src/engine/sources/quota';
import { hubFolderUrl, sameOriginFolderUrl } from '../../src/engine/sources/hub';
import { ModelFileError, type FileProgress } from '../../src/engine/types';
import { ort } from '../support/engine';

const TINY_T5 = join(import.meta.dirname, '..', '..', 'models', 'fixtures', 'tiny-t5');
const T5_FILES = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/encoder_model.onnx', 'onnx/decoder_model_merged.onnx'];

/** What `<input webkitdirectory>` gives: File objects whose webkitRelativePath starts with the folder. */
function pickedFolder(folder: string, dir: string, extra: string[] = []): File[] {
  return [...T5_FILES, ...extra].map((p) => {
    const bytes = extra.includes(p) ? new Uint8Array([0]) : readFileSync(join(dir, p));
    const f = new File([bytes], p.split('/').at(-1)!);
    Object.defineProperty(f, 'webkitRelativePath', { value: `${folder}/${p}` });
    return f;
  });
}

describe('FileListSource', () => {
  it('strips the picked top folder and loads a working model from the files', async () => {
    const src = new FileListSource(pickedFolder('mymodel', TINY_T5, ['.DS_Store']));
    expect(src.id).toBe('picked folder mymodel');
    expect(src.paths()).toEqual([...T5_FILES].sort());
    expect(await src.has('onnx/encoder_model.onnx')).toBe(true);
    expect(await src.has('mymodel/config.json')).toBe(false);
    const model = await loadModel(src, { ort, backend: 'wasm', gpu: null });
    const out = await model.generate('summarize this', { max_new_tokens: 4 });
    expect(out.ids.length).toBeGreaterThan(0);
    await model.dispose();
  });

  it('takes drag-and-drop maps with leading slashes, and names a missing file', async () => {
    const map = new Map<string, Blob>([
      ['/dropped/config.json', new Blob(['{}'])],
      ['/dropped/onnx/model.onnx', new Blob([new Uint8Array(70_000)])],
    ]);
    const src = new FileListSource(map);
    expect(src.paths()).toEqual(['config.json', 'onnx/model.onnx']);
    const progress: FileProgress[] = [];
    expect((await src.read('onnx/model.onnx', { onProgress: (p) => progress.push(p) })).length).toBe(70_000);
    expect(progress.at(-1)).toEqual({ path: 'onnx/model.onnx', loaded: 70_000, total: 70_000 });
    const err = await src.read('tokenizer.json').catch((e) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect(err.message).toBe('picked folder dropped/tokenizer.json: file is missing (not among the picked files)');
  });

  it('keeps paths as they are when files do not share one folder', async () => {
    const src = new FileListSource([
      { path: 'config.json', file: new Blob(['{}']) },
      { path: 'onnx/model.onnx', file: new Blob(['x']) },
    ]);
    expect(src.paths()).toEqual(['config.json', 'onnx/model.onnx']);
    expect(src.id).toBe('picked files');
  });
});

describe('DownloadTracker', () => {
  it('aggregates bytes across files, with speed and ETA from the clock', () => {
    let t = 0;
    const tr = new DownloadTracker({ now: () => t, windowMs: 10_000 });
    tr.expect('a', 1000);
    tr.expect('b', 3000);
    expect(tr.snapshot()).toMatchObject({ loaded: 0, total: 4000, bytesPerSecond: 0, done: 0 });
    tr.update({ path: 'a', loaded: 0, total: 1000 });
    t = 1000;
    tr.update({ path: 'a', loaded: 1000, total: 1000 });
    t = 2000;
    const s = tr.update({ path: 'b', loaded: 1000, total: 3000 });
    expect(s.loaded).toBe(2000);
    expect(s.total).toBe(4000);
    expect(s.bytesPerSecond).toBe(1000);
    expect(s.etaSeconds).toBe(2);
    expect(s.done).toBe(1);
  });

  it('counts cache hits as loaded but not as network speed, and has no total while a size is unknown', () => {
    let t = 0;
    const tr = new DownloadTracker({ now: () => t });
    tr.update({ path: 'c', loaded: 5000, total: 5000, cached: true });
    t = 500;
    const s = tr.update({ path: 'd', loaded: 100 });
    expect(s.loaded).toBe(5100);
    expect(s.total).toBeUndefined();
    expect(s.etaSeconds).toBeUndefined();
    expect(s.bytesPerSecond).toBe(200);
  });

  it('formats sizes and durations', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(59_300_000)).toBe('59.3 MB');
    expect(formatBytes(1_240_000_000)).toBe('1.2 GB');
    expect(formatDuration(75)).toBe('1m 15s');
  });
});

describe('checkQuota', () => {
  it('refuses with a sentence when the download would not fit', async () => {
    const storage = { estimate: async () => ({ quota: 500_000_000, usage: 380_000_000 }) };
    const r = await checkQuota(312_000_000, storage);
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      'This model needs 312 MB of storage but the browser allows only 120 MB more for this site. ' +
        'Delete cached models you no longer use, pick a smaller model or dtype, or free disk space.',
    );
    expect(await checkQuota(100_000_000, storage)).toEqual({ ok: true, available: 120_000_000 });
  });

  it('lets the download go ahead when the platform cannot tell', async () => {
    expect(await checkQuota(1e12, undefined)).toEqual({ ok: true });
    expect(await checkQuota(1e12, { estimate: async () => ({}) })).toEqual({ ok: true });
    expect(await checkQuota(1e12, { estimate: () => Promise.reject(new Error('denied')) })).toEqual({ ok: true });
  });
});

describe('hub URLs', () => {
  it('uses the Hugging Face resolve scheme by default and accepts a mirror template', () => {
    expect(hubFolderUrl('Xenova/distilbart-cnn-6-6')).toBe('https://huggingface.co/Xenova/distilbart-cnn-6-6/resolve/main/');
    expect(hubFolderUrl('onnx-community/Qwen2.5-0.5B-Instruct', { hubBase: 'http://127.0.0.1:9/hub/', revision: 'v2' })).toBe(
      'http://127.0.0.1:9/hub/onnx-community/Qwen2.5-0.5B-Instruct/resolve/v2/',
    );
    expect(hubFolderUrl('a/b', { hubBase: 'https://mirror.example', template: '{hub}/files/{repo}@{revision}' })).toBe(
      'https://mirror.example/files/a/b@main/',
    );
    expect(() => hubFolderUrl('../etc/passwd')).toThrow(/not a hub repository id/);
    expect(sameOriginFolderUrl('local/distilbart-cnn-6-6', '/paperlens/')).toBe('/paperlens/models/local/distilbart-cnn-6-6/');
  });
});
