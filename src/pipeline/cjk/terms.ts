// Content words of Chinese text for the extractive ranker, from Intl.Segmenter's dictionary word
// segmentation (ICU: the same in the browser and in Node), without function words; and, for
// sentence similarity, words plus character bigrams.

/** Function words and the boilerplate of papers (本文, 我们, 研究 as a frame), which say nothing about content. */
const STOPWORDS = new Set(
  ('的 了 和 与 及 或 在 是 为 对 将 把 被 由 从 于 以 而 并 也 都 就 又 还 但 则 其 之 此 这 那 这些 那些 这个 一个 一种 一些 ' +
    '我们 本文 文中 本研究 我 你 他 她 它 他们 它们 所 所以 因为 因此 由于 如果 虽然 但是 然而 以及 并且 而且 或者 通过 进行 可以 能够 ' +
    '可 能 会 要 有 没有 不 不是 就是 即 等 等等 上 下 中 内 外 后 前 时 个 种 些 各 每 该 其中 之间 以上 以下 如 如下 例如 比如 ' +
    '一 二 三 第 又 再 更 很 较 最 非常 已经 已 正在 着 过 吗 呢 吧 啊 得 地 着 使 让 给 向 跟 同 关于 对于 根据 提出 一样')
    .split(' '),
);

const segmenter: Intl.Segmenter | null = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

const HAN = /\p{Script=Han}/u;

/** CJK words of `text` (Latin words are left to the caller), stopwords out. */
export function cjkTerms(text: string): string[] {
  const out: string[] = [];
  if (!segmenter) {
    // Without ICU word data: overlapping character bigrams, the usual fallback for Chinese retrieval.
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    return out;
  }
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike || !HAN.test(s.segment) || STOPWORDS.has(s.segment)) continue;
    out.push(s.segment);
  }
  return out;
}

/** Marks a character bigram, so it is a feature apart from a two-character word spelled the same. */
const BIGRAM = '\u0002';

/**
 * Features of Chinese text for sentence similarity (the ranker's TF-IDF graph and redundancy):
 * words of two or more characters plus the overlapping character bigrams of each run of Han
 * characters (inverse frequency weighs down the ones through 的, 了 ...). The dictionary does not
 * know the terms of a field and cuts them into single characters (退|耕 for 退耕, 卷|积 for 卷积,
 * 路|网 for 路网; the 还 of 退耕还林 is even dropped as the function word "still"): single characters
 * are too common to say what two sentences share, the bigrams put the compounds back. Words plus
 * bigrams is the usual mixed indexing of Chinese retrieval, robust to segmentation errors.
 */
export function cjkSimilarityTerms(text: string): string[] {
  const out = segmenter ? cjkTerms(text).filter((w) => w.length > 1) : [];
  return hanBigrams(text, out);
}

/** The overlapping character bigrams of each run of Han characters, marked apart from words, appended to `out`. */
export function hanBigrams(text: string, out: string[] = []): string[] {
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(BIGRAM + run.slice(i, i + 2));
  }
  return out;
}
