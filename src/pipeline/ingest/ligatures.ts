// Words whose ligature glyph a PDF dropped ("identication", "rst", "coecients"): fonts without
// a Unicode mapping for ﬁ/ﬂ/ﬀ/ﬃ/ﬄ lose the letters in the text layer. A word is mended when
// putting one ligature back gives the one word the document itself spells intact, or the one
// common word of a list. The list is used only when the text shows the defect (more broken
// words than words with their ligature, MIN_EVIDENCE at least), so a clean document is left as
// it is.

const LIGATURES = ['ffi', 'ffl', 'ff', 'fi', 'fl'];
// Common words of scientific prose that hold a ligature, in full: a mended word must be one of
// them (or a plural), or it is not mended. Stems with free endings were tried and turned real
// words into others ("need" into "fine-ed", "distant" into "dis-fit-ant").
const WORDS = new Set(`first firstly find finds finding findings field fields figure figures final finally fine finer finest fit fits
fitted fitting fitness fix fixed fixes file files filter filters filtered filtering fill filled film films firm firms fiber fibers fibre
fibres fifth fifty fiction define defined defines defining definition definitions definite definitely infinite infinitely refine
refined refinement confidence confident confined configuration configurations configure configured conflict conflicts reflect reflects
reflected reflection reflections inflation inflammation influence influences influenced influential flow flows flowing fluid fluids
fluctuation fluctuations flux fluxes flexible flexibility float floating floor flight flood floods fluorescence fluorescent affluent
efficient efficiently efficiency inefficient effect effects effective effectively effectiveness ineffective effort efforts
coefficient coefficients sufficient sufficiently insufficient differ differs differed different differently difference differences
differential differentiate differentiation diffusion difficult difficulty difficulties offer offers offered office official officially
offset offsets affect affects affected afford affordable affiliation affiliations affiliated affinity buffer buffers staff stuff traffic
suffer suffers suffix scaffold shuffle shuffled significant significantly significance insignificant specific specifically specificity
specification specifications specify specified identify identified identifies identification identifying identifiable classify
classified classification classifications classifier classifiers modify modified modification modifications verify verified
verification quantify quantified quantification simplify simplified simplification amplify amplified amplification justify justified
justification clarify clarified unify unified uniformly notification diversified diversification purified purification beneficial
benefit benefits profit profile profiles profiling artificial artifact artifacts scientific scientifically sacrifice magnification
satisfied dissatisfied specifies qualified qualification fluorine firefly afflicted deficit deficits deficient deficiency efflux
inflow outflow workflow workflows overflow`.split(/\s+/));
// Short real words a ligature could be "put back" into ("at" -> "flat"): never touched.
const REAL = new Set(['a', 'an', 'at', 'as', 'on', 'in', 'is', 'it', 'or', 'to', 'so', 'no', 'up', 'us', 'be', 'by', 'do', 'go', 'he', 'me', 'my', 'of', 'we', 'ex', 're', 'le', 'ne', 'ow', 'oh', 'ok', 'ag', 'ash']);
// Letter runs, not the "nd" of "2nd" or the "ll" of "we'll".
const WORD = /(?<![\p{L}\d'’])\p{L}+/gu;
const HAS_LIGATURE = /f[fil]/;
const MIN_EVIDENCE = 3;

const known = (w: string) => WORDS.has(w) || (w.endsWith('s') && WORDS.has(w.slice(0, -1)));

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
  const listed = new Map<string, string>();
  for (const w of counts.keys()) {
    if (REAL.has(w) || w.length < 2 || !/^[a-z]+$/.test(w) || known(w)) continue;
    const intact = new Set<string>();
    const fromList = new Set<string>();
    for (let k = 0; k <= w.length; k++) {
      for (const lig of LIGATURES) {
        const c = w.slice(0, k) + lig + w.slice(k);
        if (c.length < 4) continue;
        if (counts.has(c)) intact.add(c);
        else if (known(c)) fromList.add(c);
      }
    }
    if (intact.size === 1) seen.set(w, [...intact][0]);
    else if (!intact.size && fromList.size === 1) listed.set(w, [...fromList][0]);
  }
  // A text layer that drops ligatures drops them everywhere: list-based mending needs more
  // broken words than words that kept their ligature, and at least MIN_EVIDENCE of them.
  let intactWords = 0;
  for (const w of counts.keys()) if (HAS_LIGATURE.test(w)) intactWords++;
  const repairs = new Map(seen);
  if (listed.size >= MIN_EVIDENCE && listed.size > intactWords) for (const [w, c] of listed) repairs.set(w, c);
  if (!repairs.size) return text;
  return text.replace(WORD, (tok) => {
    const c = repairs.get(tok.toLowerCase());
    return c ? withCase(tok, c) : tok;
  });
}
