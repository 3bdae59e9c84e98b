// paper.authors as ingest finds it is one string that may mix people with their affiliations
// ("Achim Zeileis, Universität Innsbruck, ..."), footnote marks ("Foreman-Mackey1, 2") and a
// stray "and". This splits it into people and affiliations.
import { hasCjk } from '../cjk/script';

const AFFILIATION = /universit|institut|college|school|department|dept\.|laborator|centre|center|\binc\b|\bltd\b|gmbh|corporation|company|foundation|academy|hospital|observatory|\bfellow\b|associates|agency|\bETH\b|\bNASA\b|research|大学|学院|研究所|研究院|实验室|中心|公司|医院/i;
const PARTICLE = /^(de|del|della|der|den|van|von|da|di|du|la|le|bin|ibn|al|dos|das|y|st\.?)$/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.(?:-?\p{Lu}\.)*)$/u;

function cleanPiece(s: string): string {
  return s
    .replace(/[*†‡§¶#]+/g, '')
    .replace(/(?<=\p{L})\d+(?:\s*,\s*\d+)*$/u, '') // footnote numbers glued to a name
    .replace(/^\s*(?:and|&)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isPersonName(s: string): boolean {
  if (hasCjk(s)) return /^[\p{Script=Han}·•]{2,6}$/u.test(s);
  const words = s.split(' ');
  if (words.length < 2 || words.length > 6) return false;
  return words.every((w) => NAME_WORD.test(w) || PARTICLE.test(w)) && !AFFILIATION.test(s);
}

export function splitPeople(authors: string): { people: string[]; affiliations: string[] } {
  const people: string[] = [];
  const affiliations: string[] = [];
  const pieces = authors
    .split(/\s*(?:[,;，；、\n]|\band\b|\s&\s)\s*/)
    .map(cleanPiece)
    .filter((p) => p && !/^\d+$/.test(p) && !/^(and|&)$/i.test(p));
  const mixed = pieces.some((p) => AFFILIATION.test(p));
  for (const p of pieces) {
    if (isPersonName(p)) people.push(p);
    else if (hasCjk(p) && /\s/.test(p) && p.split(/\s+/).every(isPersonName)) people.push(...p.split(/\s+/));
    else if (!hasCjk(p) && !/[,;]/.test(authors) && !mixed) people.push(...pairUp(p));
    else if (mixed || AFFILIATION.test(p)) affiliations.push(p);
  }
  // "Texas A&M, International University": a piece beside an affiliation that is no name joins it.
  return { people, affiliations: mergeAffiliations(affiliations) };
}

// "Achim Zeileis Friedrich Leisch Kurt Hornik": names with no separator, read two words at a time
// only when every word is capitalised and they pair up evenly (anything else is left alone).
function pairUp(s: string): string[] {
  const words = s.split(' ');
  if (words.length >= 4 && words.length % 2 === 0 && words.every((w) => NAME_WORD.test(w))) {
    const out: string[] = [];
    for (let i = 0; i < words.length; i += 2) out.push(`${words[i]} ${words[i + 1]}`);
    return out;
  }
  return isPersonName(s) ? [s] : [];
}

function mergeAffiliations(list: string[]): string[] {
  const out: string[] = [];
  for (const a of list) {
    const last = out[out.length - 1];
    if (last && !AFFILIATION.test(last)) out[out.length - 1] = `${last}, ${a}`;
    else out.push(a);
  }
  return out;
}
