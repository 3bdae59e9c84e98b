// A FileSource over a local directory, for tests only (the app's sources live in src/engine/sources).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelFileError, type FileSource, type ReadOptions } from '../../src/engine/types';

export class DirSource implements FileSource {
  readonly id: string;
  reads: string[] = [];

  constructor(readonly dir: string) {
    this.id = dir;
  }

  async has(path: string): Promise<boolean> {
    try {
      return (await stat(join(this.dir, path))).isFile();
    } catch {
      return false;
    }
  }

  async read(path: string, opts?: ReadOptions): Promise<Uint8Array> {
    opts?.signal?.throwIfAborted();
    let buf: Buffer;
    try {
      buf = await readFile(join(this.dir, path));
    } catch {
      throw new ModelFileError(this.id, path, 'file is missing');
    }
    this.reads.push(path);
    opts?.onProgress?.({ path, loaded: buf.length, total: buf.length });
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  }
}
