// npm run fetch-model -- <id> [--dtype q8[,fp16]] [--hub <baseUrl>] [--out <dir>] [--retries n]
//
// Downloads a catalogue model's files into models/local/<id>/ (git-ignored), in the folder layout
// the app reads, so it is served same-origin at /models/local/<id>/. Files are written to `.part`
// and renamed when complete; an interrupted run resumes from the `.part` with a Range request.
// Any failure ends with ONE line on stderr and exit code 1 (2 for usage errors).
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOGUE, findModel, type CatalogueDtype, type CatalogueFile } from '../models/catalogue';
import { CATALOGUE_DTYPES } from '../models/catalogueSchema';
import { DEFAULT_RETRY, download, type ByteSink, type FetchLike } from '../src/engine/sources/download';
import { hubFolderUrl, DEFAULT_HUB } from '../src/engine/sources/hub';
import { DownloadTracker, formatBytes, formatDuration } from '../src/engine/sources/progress';
import { ModelFileError } from '../src/engine/types';

const ROOT = resolve(import.meta.dirname, '..');

export interface FetchIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Rewrite one progress line in place (a terminal) or print a line per finished file. */
  tty: boolean;
  fetch?: FetchLike;
  env?: Record<string, string | undefined>;
  /** Backoff between retries; tests pass 0. */
  backoffMs?: number;
}

class UsageError extends Error {}

interface Args {
  id: string;
  dtypes: CatalogueDtype[];
  hub: string;
  out?: string;
  retries: number;
}

const USAGE = 'usage: npm run fetch-model -- <id> [--dtype q8[,fp16]] [--hub <baseUrl>] [--out <dir>] [--retries <n>]';

function parseArgs(argv: string[], env: Record<string, string | undefined>): Args | 'help' {
  let id: string | undefined;
  const dtypes: string[] = [];
  let hub = env.PAPERLENS_HUB || DEFAULT_HUB;
  let out: string | undefined;
  let retries = DEFAULT_RETRY.retries;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--dtype') dtypes.push(...value().split(','));
    else if (a === '--hub') hub = value();
    else if (a === '--out') out = value();
    else if (a === '--retries') retries = Number(value());
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (id) throw new UsageError(`one model id at a time (got "${id}" and "${a}")`);
    else id = a;
  }
  if (!id) throw new UsageError('which model? give a catalogue id');
  const bad = dtypes.find((d) => !CATALOGUE_DTYPES.includes(d as CatalogueDtype));
  if (bad) throw new UsageError(`unknown dtype "${bad}" (one of ${CATALOGUE_DTYPES.join(', ')})`);
  if (!Number.isInteger(retries) || retries < 0) throw new UsageError('--retries needs a whole number');
  if (!/^https?:\/\//.test(hub)) throw new UsageError(`--hub must be an http(s) URL, got "${hub}"`);
  return { id, dtypes: dtypes as CatalogueDtype[], hub, out, retries };
}

/** Runs the command; returns the exit code. */
export async function fetchModel(argv: string[], io: FetchIO): Promise<number> {
  const env = io.env ?? process.env;
  let args: Args | 'help';
  try {
    args = parseArgs(argv, env);
  } catch (e) {
    io.err(`fetch-model: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    io.out(`${USAGE}\nmodels: ${CATALOGUE.map((e) => e.id).join(', ')}`);
    return 0;
  }
  const entry = findModel(args.id);
  if (!entry) {
    io.err(`fetch-model: unknown model "${args.id}"; known: ${CATALOGUE.map((e) => e.id).join(', ')}`);
    return 2;
  }
  if (entry.fixture && args.hub === DEFAULT_HUB) {
    io.err(`fetch-model: "${entry.id}" is a random-weight test fixture (already in models/fixtures/${entry.id}); it is not published on a hub`);
    return 2;
  }
  const dtypes = args.dtypes.length ? args.dtypes : [entry.defaultDtype];
  const missing = dtypes.find((d) => !entry.dtypes[d]);
  if (missing) {
    io.err(`fetch-model: ${entry.id} has no ${missing} files in the catalogue (available: ${Object.keys(entry.dtypes).join(', ')})`);
    return 2;
  }
  const files = dedupe([...entry.commonFiles.files, ...dtypes.flatMap((d) => entry.dtypes[d]!.files)]);
  const outDir = resolve(args.out ?? join(ROOT, 'models', 'local', entry.id));
  const base = hubFolderUrl(entry.repo, { hubBase: args.hub, revision: entry.revision });

  const tracker = new DownloadTracker();
  for (const f of files) if (f.bytes !== undefined) tracker.expect(f.path, f.bytes);
  const show = progressPrinter(io, files.length);
  io.out(`Fetching ${entry.label} (${dtypes.join(', ')}) from ${base}`);
  try {
    for (const f of files) {
      const saved = await fetchFile(base, entry.id, f, outDir, {
        fetch: io.fetch ?? ((u, init) => fetch(u, init)),
        retry: { ...DEFAULT_RETRY, retries: args.retries, backoffMs: io.backoffMs ?? DEFAULT_RETRY.backoffMs },
        onProgress: (loaded, total) => show(tracker.update({ path: f.path, loaded, total }), f.path),
      });
      if (!saved) io.out(`${io.tty ? '\r\x1b[K' : ''}skipped ${f.path}: optional, and the repository does not have it`);
      else if (!io.tty) io.out(`saved ${f.path} (${formatBytes(saved)})`);
    }
  } catch (e) {
    if (io.tty) io.out('');
    io.err(`fetch-model: ${oneLine(e)}`);
    return 1;
  }
  const rel = relative(join(ROOT, 'models'), outDir).split('\\').join('/');
  const served = rel.startsWith('..') ? '' : ` The app serves it at /models/${rel}/ (open /?model=${rel}).`;
  io.out(`${io.tty ? '\n' : ''}Saved ${entry.id} to ${relative(process.cwd(), outDir) || '.'} (${formatBytes(tracker.snapshot().loaded)}).${served}`);
  return 0;
}

/** Downloads one file to `<dest>.part`, resuming it if present, then renames. Returns bytes, or 0 for an absent optional file. */
async function fetchFile(
  base: string,
  sourceId: string,
  f: CatalogueFile,
  outDir: string,
  opts: { fetch: FetchLike; retry: typeof DEFAULT_RETRY; onProgress: (loaded: number, total?: number) => void },
): Promise<number> {
  const dest = join(outDir, ...f.path.split('/'));
  mkdirSync(dirname(dest), { recursive: true });
  const part = `${dest}.part`;
  const sink = new FileSink(part);
  try {
    const r = await download({ url: base + f.path, sourceId, path: f.path, fetch: opts.fetch, retry: opts.retry, onProgress: opts.onProgress }, sink);
    await sink.close();
    renameSync(part, dest);
    return r.bytes;
  } catch (e) {
    await sink.close();
    if (f.optional && e instanceof ModelFileError && /HTTP 404/.test(e.problem)) {
      rmSync(part, { force: true });
      return 0;
    }
    throw e;
  }
}

/** Appends to a file; `reset` truncates it (the server ignored our Range). */
class FileSink implements ByteSink {
  size: number;
  private stream?: WriteStream;

  constructor(private readonly path: string) {
    this.size = existsSync(path) ? statSync(path).size : 0;
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.stream ??= createWriteStream(this.path, { flags: 'a' });
    const s = this.stream;
    if (!s.write(chunk)) await new Promise<void>((r) => s.once('drain', () => r()));
    this.size += chunk.length;
  }

  async reset(): Promise<void> {
    await this.close();
    rmSync(this.path, { force: true });
    this.size = 0;
  }

  async close(): Promise<void> {
    const s = this.stream;
    this.stream = undefined;
    if (s) await new Promise<void>((r, j) => s.end((e?: Error | null) => (e ? j(e) : r())));
  }
}

function progressPrinter(io: FetchIO, count: number) {
  let last = 0;
  return (snap: ReturnType<DownloadTracker['snapshot']>, path: string) => {
    if (!io.tty) return;
    const now = Date.now();
    const file = snap.files.find((f) => f.path === path);
    const finished = file?.total !== undefined && file.loaded >= file.total;
    if (now - last < 100 && !finished) return;
    last = now;
    const total = snap.total !== undefined ? ` / ${formatBytes(snap.total)}` : '';
    const eta = snap.etaSeconds !== undefined ? `  ETA ${formatDuration(snap.etaSeconds)}` : '';
    io.out(`\r\x1b[K[${Math.min(snap.done + (finished ? 0 : 1), count)}/${count}] ${path}  ${formatBytes(snap.loaded)}${total}  ${formatBytes(Math.round(snap.bytesPerSecond))}/s${eta}`.replace(/\n/g, ''));
  };
}

function dedupe(files: CatalogueFile[]): CatalogueFile[] {
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(f.path) && seen.add(f.path));
}

/** The error as one line, never a stack. */
function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/\s*\n\s*/g, ' ');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const io: FetchIO = {
    out: (s) => process.stdout.write(s.startsWith('\r') ? s : `${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    tty: !!process.stdout.isTTY,
  };
  fetchModel(process.argv.slice(2), io).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`fetch-model: ${oneLine(e)}\n`);
      process.exit(1);
    },
  );
}
