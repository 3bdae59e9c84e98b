// Properties a trained model's summary has and a random-weight model's does not; checked on the
// real SmolLM2 output instead of a hard-coded text (which would pin one model version's words).
// The stop list holds function words and the vocabulary of writing about a paper ("summary",
// "highlights"), which a summary may use without the paper doing so.
const STOP = new Set(
  'about above after again also among analysis another based because been before being between both could described during each either from further have having here however into itself large made many more most much must other over paper papers present result results same shown should show shows since some such than that their them then there these they this those through under using very well were what when where which while will with within without would study studies summary summarize summarizes concise scientific article provides provide essential details detail discusses discuss highlights highlight importance important researchers research authors author focuses focus explores explore overall approach significant'.split(' '),
);

const words = (t: string) => (t.toLowerCase().match(/[\p{L}][\p{L}-]*/gu) ?? []).map((w) => w.replace(/-+$/, ''));

/** Share of the summary's content words (5+ letters, no stop words) that also occur in the paper. */
export function contentWordsFromPaper(summary: string, paper: string): number {
  const vocab = new Set(words(paper));
  // A plural or a verb form of a paper word counts as the paper's word.
  const known = (w: string) => vocab.has(w) || vocab.has(w.replace(/(es|s|ed|ing)$/, '')) || [...['s', 'es', 'ed', 'ing']].some((x) => vocab.has(w + x));
  const content = words(summary).filter((w) => w.length >= 5 && !STOP.has(w));
  if (!content.length) return 0;
  return content.filter(known).length / content.length;
}

/** The most times any word n-gram occurs (a loop repeats one). */
export function maxNgramRepeats(text: string, n: number): number {
  const w = words(text);
  const seen = new Map<string, number>();
  for (let i = 0; i + n <= w.length; i++) {
    const k = w.slice(i, i + n).join(' ');
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return Math.max(0, ...seen.values());
}

/** Longest run of one word repeated back to back ("the the the"). */
export function longestWordRun(text: string): number {
  const w = words(text);
  let best = w.length ? 1 : 0;
  for (let i = 1, run = 1; i < w.length; i++) {
    run = w[i] === w[i - 1] ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

export function endsAtSentenceEnd(text: string): boolean {
  return /[.!?][)"'”’\]]*$/.test(text.trim());
}
