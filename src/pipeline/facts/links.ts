// Links to code, data and project pages. The host says most (a GitHub repository is code, a
// Zenodo record is data unless the sentence calls it software); the sentence around the link
// decides the rest. The reference list is not read: its URLs belong to the cited works.
import { CJK_TEXT_CLASS } from '../cjk/script';
import { trimTrailing } from './identifiers';
import { dedupe, refOf, type FactSentence } from './sentences';
import type { LinkFact } from './types';

// A scheme or www., or one of the known hosts written bare (Markdown link text often is); Chinese
// text after it ends it.
const URL_CHARS = String.raw`[^\s<>"'\]{}${CJK_TEXT_CLASS}]+`;
const URL_RE = new RegExp(
  String.raw`\b(?:https?:\/\/|www\.)${URL_CHARS}|\b(?:github\.com|gitlab\.com|bitbucket\.org|zenodo\.org|figshare\.com|osf\.io|huggingface\.co|doi\.org|codeberg\.org)\/${URL_CHARS}`,
  'giu',
);

const CODE_HOST = /(?:^|\.)(github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|sourceforge\.net|pypi\.org|pythonhosted\.org|cran\.r-project\.org|r-forge\.r-project\.org|bioconductor\.org|npmjs\.com|crates\.io|anaconda\.org)$/;
const FORGE = /^(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)$/;
const DATA_HOST = /(?:^|\.)(zenodo\.org|figshare\.com|osf\.io|datadryad\.org|kaggle\.com|dataverse\.[a-z.]+|openneuro\.org|ebi\.ac\.uk|ncbi\.nlm\.nih\.gov|data\.[a-z.]+)$/;
const CODE_WORDS = /\b(code|software|implementation|package|library|repository|source|toolkit|module|github|pip install)\b|代码|软件|程序/i;
const DATA_WORDS = /\b(data|dataset|data set|datasets|corpus|corpora|benchmark|database|archive of data|records?)\b|数据/i;
const PROJECT_WORDS = /\b(project|website|web site|homepage|home page|documentation|docs|page|tutorials?)\b|主页|网站/i;

export function findUrls(text: string): string[] {
  return [...text.matchAll(URL_RE)].map((m) => trimTrailing(m[0])).filter((u) => u.length > 8);
}

function hostOf(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/^dx\.doi\.org\//i, 'doi.org/').split(/[/?#]/)[0].toLowerCase();
}

export function classifyLink(url: string, sentence: string): LinkFact['kind'] {
  const host = hostOf(url);
  const path = url.replace(/^https?:\/\//i, '').slice(host.length).toLowerCase();
  if (host === 'huggingface.co') return path.startsWith('/datasets') ? 'data' : path.startsWith('/spaces') ? 'project' : 'code';
  if (host.endsWith('github.io') || host.endsWith('readthedocs.io')) return 'project';
  if (FORGE.test(host)) {
    const parts = path.split(/[/?#]/).filter(Boolean);
    // A person's or organisation's page (a JOSS editor's github.com/name) or the journal's review
    // tracker (github.com/openjournals/joss-reviews) is no code of the paper's.
    if (parts.length < 2 || parts[0] === 'openjournals') return 'other';
  }
  if (CODE_HOST.test(host)) return 'code';
  // A DOI or an archive record: software archives (Zenodo holds many) are code when the sentence says so.
  const archive = DATA_HOST.test(host) || /(?:doi\.org|dx\.doi\.org)$/.test(host) && /10\.(5281|6084|5061|17605)\//.test(path);
  if (archive) return CODE_WORDS.test(sentence) && !DATA_WORDS.test(sentence.replace(/source code/gi, '')) ? 'code' : 'data';
  if (host === 'doi.org' || host === 'dx.doi.org') return 'other';
  if (DATA_WORDS.test(sentence)) return 'data';
  if (CODE_WORDS.test(sentence)) return 'code';
  if (PROJECT_WORDS.test(sentence)) return 'project';
  return 'other';
}

/** The key two links share when they are the same place (scheme, www., case and a trailing slash aside). */
export function linkKey(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/^dx\.doi\.org\//i, 'doi.org/').replace(/\/+$/, '').replace(/\.git$/, '').toLowerCase();
}

export function extractLinks(sentences: FactSentence[]): LinkFact[] {
  const found: LinkFact[] = [];
  for (const s of sentences) {
    if (s.kind === 'references' || s.kind === 'acknowledgements') continue;
    for (const url of findUrls(s.text)) {
      if (/^mailto:/i.test(url) || /@/.test(url.split('/')[0])) continue;
      found.push({ value: url, refs: [refOf(s)], source: 'rules', kind: classifyLink(url, s.text) });
    }
  }
  // Code and data first: they are what the card is for, and the cap would otherwise cut them.
  const rank = { code: 0, data: 1, project: 2, other: 3 } as const;
  return dedupe(found, 1000, (l) => linkKey(l.value))
    .sort((a, b) => rank[a.kind] - rank[b.kind])
    .slice(0, 8);
}
