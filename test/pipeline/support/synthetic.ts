// A deterministic synthetic paper of roughly `words` words, with the usual sections and a
// references tail, for tests that need size rather than meaning.

const TOPICS = ['attention', 'convolution', 'recurrence', 'graph networks', 'retrieval', 'distillation', 'quantization', 'pruning'];
const VERBS = ['improves', 'reduces', 'stabilizes', 'accelerates', 'simplifies', 'regularizes'];
const OBJECTS = ['training', 'inference latency', 'memory use', 'translation quality', 'calibration', 'robustness'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(r: () => number, k: number): string {
  const t = TOPICS[Math.floor(r() * TOPICS.length)];
  const v = VERBS[Math.floor(r() * VERBS.length)];
  const o = OBJECTS[Math.floor(r() * OBJECTS.length)];
  const forms = [
    `We find that ${t} ${v} ${o} in our experiments with model variant ${k}.`,
    `Prior work [${1 + (k % 30)}] reported that ${t} ${v} ${o}, but only on small data sets.`,
    `In Table ${1 + (k % 5)} the ${t} variant ${v} ${o} by ${(r() * 10).toFixed(1)} points.`,
    `This suggests that ${t} ${v} ${o} when the data are noisy.`,
    `As Smith et al. (2020) noted, ${t} often ${v} ${o}.`,
    `Our method combines ${t} with careful tuning, which ${v} ${o}.`,
  ];
  return forms[Math.floor(r() * forms.length)];
}

export function syntheticPaper(words: number, seed = 7): string {
  const r = rng(seed);
  const sections = ['Introduction', 'Related Work', 'Method', 'Experiments', 'Results', 'Discussion', 'Conclusion'];
  const perSection = Math.max(1, Math.floor(words / 12 / (sections.length + 0.5)));
  let k = 0;
  const para = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(sentence(r, k++));
    return out.join(' ');
  };
  const parts = ['A Synthetic Study of Neural Methods', 'Ada Lovelace, Alan Turing', '', 'Abstract', para(Math.max(3, Math.floor(perSection / 2))), ''];
  sections.forEach((s, i) => {
    parts.push(`${i + 1} ${s}`);
    for (let left = perSection; left > 0; left -= 6) parts.push(para(Math.min(6, left)), '');
  });
  parts.push('References', '[1] A. Person. A paper. Journal of Imaginary Results, 2019.', '[2] B. Person. Another paper. Journal of Imaginary Results, 2020.');
  return parts.join('\n');
}
