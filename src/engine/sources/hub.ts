// Where a hub repository's files are: Hugging Face's `resolve/<revision>` scheme by default, or any
// template for a mirror.

export const DEFAULT_HUB = 'https://huggingface.co';

export interface HubOptions {
  /** Hub origin (and path prefix), e.g. `https://huggingface.co` or a mirror. */
  hubBase?: string;
  revision?: string;
  /**
   * URL template with `{hub}`, `{repo}` and `{revision}`; default
   * `{hub}/{repo}/resolve/{revision}/` (Hugging Face).
   */
  template?: string;
}

/** The folder URL (ending with `/`) under which `repo`'s files are fetched. */
export function hubFolderUrl(repo: string, opts: HubOptions = {}): string {
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new Error(`not a hub repository id: "${repo}" (expected owner/name)`);
  const hub = (opts.hubBase ?? DEFAULT_HUB).replace(/\/+$/, '');
  const revision = encodeURIComponent(opts.revision ?? 'main');
  const url = (opts.template ?? '{hub}/{repo}/resolve/{revision}/')
    .replaceAll('{hub}', hub)
    .replaceAll('{repo}', repo)
    .replaceAll('{revision}', revision);
  return url.endsWith('/') ? url : `${url}/`;
}

/** Same-origin folder of a model the self-hoster fetched (see models/README.md). */
export function sameOriginFolderUrl(folder: string, baseUrl = '/'): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `${base}models/${folder.replace(/^\/+|\/+$/g, '')}/`;
}
