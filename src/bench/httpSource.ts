// Model folder over same-origin HTTP for the bench page: plain fetch, no caching, so a load is a
// load. (The app has its own source with progress and storage; the bench needs neither.)
import { ModelFileError, type FileSource } from '../engine/types';

export class HttpFolder implements FileSource {
  readonly id: string;

  constructor(private readonly base: string) {
    this.base = base.endsWith('/') ? base : `${base}/`;
    this.id = this.base.replace(/\/$/, '');
  }

  async has(path: string): Promise<boolean> {
    const r = await fetch(this.base + path, { method: 'HEAD', cache: 'no-store' });
    // A SPA fallback answers 200 with HTML for anything: that is not a model file.
    return r.ok && !(r.headers.get('content-type') ?? '').startsWith('text/html');
  }

  async read(path: string): Promise<Uint8Array> {
    const r = await fetch(this.base + path, { cache: 'no-store' });
    if (!r.ok) throw new ModelFileError(this.id, path, `the server answered ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  }
}
