// INTERIM FileSource for same-origin model folders until src/engine/sources lands: plain fetch
// with per-file progress. Replaced by the engine's HttpFileSource in services.ts.
import { ModelFileError, type FileSource, type ReadOptions } from '../engine/types';

export class SameOriginSource implements FileSource {
  readonly id: string;

  constructor(private readonly base: string) {
    this.id = base.replace(/\/$/, '');
  }

  async has(path: string): Promise<boolean> {
    const r = await fetch(this.base + path, { method: 'HEAD' });
    return r.ok;
  }

  async read(path: string, opts: ReadOptions = {}): Promise<Uint8Array> {
    const r = await fetch(this.base + path, { signal: opts.signal });
    if (!r.ok) throw new ModelFileError(this.id, path, `the server answered ${r.status}`);
    const total = Number(r.headers.get('content-length')) || undefined;
    if (!r.body) return new Uint8Array(await r.arrayBuffer());
    const reader = r.body.getReader();
    const parts: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      loaded += value.length;
      opts.onProgress?.({ path, loaded, total });
    }
    const out = new Uint8Array(loaded);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    opts.onProgress?.({ path, loaded, total: total ?? loaded });
    return out;
  }
}

/** INTERIM FileSource over files the user picked (a model folder), until FileListSource lands. */
export class PickedFilesSource implements FileSource {
  readonly id: string;
  private readonly files: Map<string, File>;

  constructor(id: string, files: { path: string; file: File }[]) {
    this.id = id;
    this.files = new Map(files.map((f) => [f.path, f.file]));
  }

  async has(path: string): Promise<boolean> {
    return this.files.has(path);
  }

  async read(path: string, opts: ReadOptions = {}): Promise<Uint8Array> {
    const f = this.files.get(path);
    if (!f) throw new ModelFileError(this.id, path, 'file is missing from the picked folder');
    opts.signal?.throwIfAborted();
    const bytes = new Uint8Array(await f.arrayBuffer());
    opts.onProgress?.({ path, loaded: bytes.length, total: bytes.length });
    return bytes;
  }
}
