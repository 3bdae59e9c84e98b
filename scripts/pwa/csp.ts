// The Content-Security-Policy of the built app. Paper text and model output are untrusted, so the
// page runs only its own scripts (plus WebAssembly compilation for ORT and pdf.js) and talks only
// to itself and the model hub.

/** Origins model downloads may come from: the hub and the CDNs it redirects file downloads to. */
export const DEFAULT_MODEL_ORIGINS = ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'];

export function modelOrigins(env: string | undefined = process.env.PAPERLENS_MODEL_HUB): string[] {
  const extra = (env ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((u) => new URL(u).origin);
  return [...new Set([...DEFAULT_MODEL_ORIGINS, ...extra])];
}

export interface CspOptions {
  connect: string[];
  /** A <meta> policy cannot hold frame-ancestors (browsers ignore it there and warn). */
  forMeta?: boolean;
}

export function contentSecurityPolicy(opts: CspOptions): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
    // ORT may start its threads from blob: URLs.
    ['worker-src', ["'self'", 'blob:']],
    ['connect-src', ["'self'", ...opts.connect]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['style-src', ["'self'"]],
    ['font-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'none'"]],
  ];
  if (!opts.forMeta) directives.push(['frame-ancestors', ["'none'"]]);
  return directives.map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
}
