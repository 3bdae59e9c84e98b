// Words whose ligature glyph a PDF dropped ("identication", "rst", "coecients"): fonts without
// a Unicode mapping for ﬁ/ﬂ/ﬀ/ﬃ/ﬄ lose the letters in the text layer. A word is mended when
// putting one ligature back gives a word the document itself spells intact, or one built on a
// common stem that holds the ligature ("signific", "coeffic", "first"). Without such evidence
// elsewhere in the text, a word is mended on stems only when the document shows the defect at
// least MIN_EVIDENCE times, so a clean document is left exactly as it is.

const LIGATURES = ['ffi', 'ffl', 'ff', 'fi', 'fl'];
const STEMS = [
  'first', 'field', 'figure', 'find', 'final', 'finit', 'fine', 'fix', 'fit', 'filter', 'file', 'fill', 'film', 'fiber', 'fibre', 'firm',
  'fiscal', 'fifth', 'fifty', 'fiction', 'fictitious', 'signific', 'specif', 'identif', 'classif', 'modif', 'verif', 'quantif', 'simplif', 'amplif',
  'justif', 'clarif', 'unif', 'certif', 'notif', 'diversif', 'intensif', 'purif', 'rectif', 'benefi', 'defin', 'infinit', 'refin',
  'confid', 'confin', 'config', 'conflict', 'reflect', 'deflect', 'inflat', 'influen', 'flow', 'fluid', 'fluct', 'flux', 'flexib',
  'float', 'floor', 'flight', 'flood', 'fluor', 'afflu', 'fluctuat', 'profit', 'profile', 'effic', 'effect', 'effort', 'coeffic', 'suffic', 'differ', 'diffus',
  'diffic', 'offer', 'office', 'offic', 'offset', 'affect', 'afford', 'affili', 'affin', 'affirm', 'buffer', 'staff', 'stuff',
  'traffic', 'suffer', 'suffix', 'scaffold', 'shuffl', 'baffl',
];
// Short real words a ligature could be "put back" into ("at" -> "flat"): never touched.
const REAL = new Set(['a', 'an', 'at', 'as', 'on', 'in', 'is', 'it', 'or', 'to', 'so', 'no', 'up', 'us', 'be', 'by', 'do', 'go', 'he', 'me', 'my', 'of', 'we', 'ex', 're', 'le', 'ne', 'ow', 'oh', 'ok', 'ag']);
const MIN_EVIDENCE = 3;
// Letter runs, not the "nd" of "2nd".
const WORD = /(?<![\p{L}\d])\p{L}+/gu;

// Prefixes a stem may follow ("in-effic-ient", "un-defin-ed"), and the endings short stems take.
const PREFIXES = ['', 'in', 'un', 'co', 're', 'de', 'dis', 'non', 'pre', 'self'];
// English endings a stem takes; any other ending means the word is not built on it ("and" is
// not "aff-in-d", "track" not "traff-ic-k").
const ENDING = /^(?:|s|es|ed|ing|ings|er|ers|ly|ness|ure|ures|al|ally|ent|ents|ence|ences|ency|ently|ient|ients|iently|iency|ive|ively|ion|ions|ial|ially|ate|ated|ates|ating|ation|ations|ity|ities|ic|ics|ical|ically|able|ably|ant|ants|ance|ances|ual|uous|ult|ulty|ulties|ment|ments|or|ors|ee|ees|y|ies|ied|ious|iness)$/;
// What follows a verb stem in "-ify" (identif-ication, specif-ic, modif-ied).
const IF_ENDING = /^(?:y|ies|ied|ier|iers|ying|ication|ications|iable|ic|ics|ically|ical|icity)$/;

/**
 * Whether `word` is prefix + stem + ending with the stem holding the ligature put back at `at`. Short stems ("fit", "find") take only common endings, or every word starting with "t"
 * would become "fit...".
 */
function coveredByStem(word: string, at: number): boolean {
  for (const prefix of PREFIXES) {
    if (!word.startsWith(prefix)) continue;
    for (const stem of STEMS) {
      if (!word.startsWith(stem, prefix.length)) continue;
      const end = prefix.length + stem.length;
      // The stem holds the ligature's first letter ("identif" in identi-fi-cation).
      if (prefix.length > at || end <= at) continue;
      const ending = word.slice(end);
      const fits = stem.endsWith('if') ? IF_ENDING.test(ending) : ENDING.test(ending) || (stem.endsWith('e') && ending === 'd');
      if (fits) return true;
    }
  }
  return false;
}

function withCase(original: string, mended: string): string {
  if (original === original.toUpperCase() && /[A-Z]/.test(original)) return mended.toUpperCase();
  if (/^[A-Z]/.test(original)) return mended.charAt(0).toUpperCase() + mended.slice(1);
  return mended;
}

export function repairDroppedLigatures(text: string): string {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const seen = new Map<string, string>();
  const onStem = new Map<string, string>();
  for (const w of counts.keys()) {
    if (REAL.has(w) || !/^[a-z]+$/.test(w)) continue;
    const intact: string[] = [];
    const stemmed: string[] = [];
    for (let k = 0; k <= w.length; k++) {
      for (const lig of LIGATURES) {
        const c = w.slice(0, k) + lig + w.slice(k);
        if (c.length < 4) continue;
        if (counts.has(c)) intact.push(c);
        else if (coveredByStem(c, k)) stemmed.push(c);
      }
    }
    const pick = [...new Set(intact)];
    if (pick.length === 1) seen.set(w, pick[0]);
    else if (!pick.length && new Set(stemmed).size === 1) onStem.set(w, stemmed[0]);
  }
  const repairs = new Map(seen);
  if (seen.size + onStem.size >= MIN_EVIDENCE) for (const [w, c] of onStem) repairs.set(w, c);
  if (!repairs.size) return text;
  return text.replace(WORD, (tok) => {
    const c = repairs.get(tok.toLowerCase());
    return c ? withCase(tok, c) : tok;
  });
}
