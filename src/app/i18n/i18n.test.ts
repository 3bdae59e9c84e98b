// Fails when a visible string has no translation: a key (or plural form, or {{parameter}}) missing
// in one language, a Chinese text left in English, or a component that writes English text or an
// English attribute straight into its JSX instead of asking i18n for it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { summarizers } from '../../../models/catalogue';
import { CATALOGUE_NOTES_ZH } from './catalogueNotes';
import { en } from './en';
import { i18n, language, setLanguage, t } from './index';
import { zh } from './zh';

type Tree = { [k: string]: string | Tree };

/** Flattened keys, plural suffixes folded (English has _one/_other, Chinese only _other). */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key.replace(/_(?:zero|one|two|few|many|other)$/, ''), v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const params = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

// Strings that are the same in Chinese: names, file formats, parameter names, pure layout.
const SAME_IN_CHINESE = new Set(['summary.markdown', 'summary.json', 'settings.topP', 'settings.topK', 'status.webgpu', 'count.mixed', 'history.file.comma', 'history.file.semicolon', 'facts.download.json', 'facts.download.csv', 'facts.download.md', 'facts.download.bib', 'facts.field.doi', 'facts.field.arxivId']);

describe('translations', () => {
  const enKeys = flatten(en as unknown as Tree);
  const zhKeys = flatten(zh as unknown as Tree);

  it('have the same keys in both languages', () => {
    expect([...zhKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys.keys()].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('take the same parameters in both languages', () => {
    const differ = [...enKeys].filter(([k, v]) => zhKeys.has(k) && params(v).join() !== params(zhKeys.get(k)!).join()).map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('are written in Chinese, not left in English', () => {
    // Without a Han character and the same as the English: not translated (layout strings differ in punctuation).
    const untranslated = [...zhKeys].filter(([k, v]) => !SAME_IN_CHINESE.has(k) && !/\p{Script=Han}/u.test(v) && v === enKeys.get(k)).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('cover every note the model catalogue shows', () => {
    const notes = summarizers().flatMap((e) => e.notes ?? []);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.filter((n) => !(n in CATALOGUE_NOTES_ZH))).toEqual([]);
  });

  it('give every English plural key both forms', () => {
    const plural = new Map<string, Set<string>>();
    const walk = (tree: Tree, prefix: string) => {
      for (const [k, v] of Object.entries(tree)) {
        const key = prefix ? `${prefix}.${k}` : k;
        if (typeof v !== 'string') walk(v, key);
        const m = /^(.*)_(one|other)$/.exec(key);
        if (m) plural.set(m[1], (plural.get(m[1]) ?? new Set()).add(m[2]));
      }
    };
    walk(en as unknown as Tree, '');
    expect([...plural].filter(([, forms]) => forms.size !== 2).map(([k]) => k)).toEqual([]);
  });
});

describe('the language', () => {
  beforeEach(() => setLanguage('en'));

  it('switches, and plural forms follow the language', async () => {
    await setLanguage('zh');
    expect(language()).toBe('zh');
    expect(t('summary.summarize')).toBe('生成摘要');
    expect(t('count.words', { count: 2, formatted: '2' })).toBe('2 个词');
    await setLanguage('en');
    expect(t('count.words', { count: 1, formatted: '1' })).toBe('1 word');
    expect(t('count.words', { count: 2, formatted: '2' })).toBe('2 words');
  });

  it('maps regional browser languages to the bundled ones', async () => {
    await i18n.changeLanguage('zh-TW');
    expect(language()).toBe('zh');
    await i18n.changeLanguage('en-GB');
    expect(language()).toBe('en');
    await i18n.changeLanguage('fr');
    expect(language()).toBe('en');
  });
});

// ---- components: no English written straight into JSX ----------------------------------------

const appDir = join(import.meta.dirname, '..');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return tsxFiles(full);
    return name.endsWith('.tsx') && !name.includes('.test.') ? [full] : [];
  });
}

/** Words that are the same in every language: the product, formats, backends, keys. */
const NAMES = new Set(['PaperLens', 'English', 'Markdown', 'JSON', 'WebGPU', 'WASM', 'Ctrl', 'Enter', 'Esc', 'TL', 'DR', 'txt', 'json']);

function englishIn(text: string): string[] {
  return [...text.matchAll(/[A-Za-z][A-Za-z'’-]{2,}/g)].map((m) => m[0]).filter((w) => !NAMES.has(w));
}

/** JSX text between tags ("<p>Hello</p>") and literal user-facing attributes ("title=\"Hello\""). */
export function hardCodedStrings(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  // (?<!=) : the ">" of an arrow function is not the end of a tag.
  for (const m of code.matchAll(/(?<![=-])>([^<>{}]+)</g)) {
    const text = m[1].trim();
    // "=> x < y" and generic types also match the pattern; JSX text has no code punctuation.
    if (text && !/[;=()&|?]/.test(text) && englishIn(text).length) found.push(text);
  }
  for (const m of code.matchAll(/\b(?:title|placeholder|aria-label|alt|label)=["']([^"']+)["']/g)) {
    if (englishIn(m[1]).length) found.push(m[1]);
  }
  return found;
}

describe('components', () => {
  const files = tsxFiles(appDir);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('write no English text into JSX (every visible string goes through i18n)', () => {
    const bad = files.flatMap((f) => hardCodedStrings(readFileSync(f, 'utf8')).map((s) => `${relative(appDir, f)}: ${s}`));
    expect(bad).toEqual([]);
  });

  it('the check catches what it is for', () => {
    expect(hardCodedStrings('<p className="meta">The summary appears here.</p>')).toEqual(['The summary appears here.']);
    expect(hardCodedStrings('<button title="Stop (Esc)">{t("x")}</button>')).toEqual(['Stop (Esc)']);
    expect(hardCodedStrings("<p>{t('summary.empty')}</p>")).toEqual([]);
    expect(hardCodedStrings('<span>PaperLens</span>')).toEqual([]);
    expect(hardCodedStrings('const f = (): Promise<void> => x;')).toEqual([]);
  });
});
