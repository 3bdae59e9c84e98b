// A small made-up paper used by the browser tests (pasted, or typeset into a PDF).
export const PAPER = {
  title: 'Sparse Routing Improves Small Language Models',
  sections: [
    {
      title: 'Abstract',
      text: 'We study sparse routing in small language models. Routing tokens to a few experts reduces compute while keeping accuracy. Our method improves perplexity by four percent on three benchmarks.',
    },
    {
      title: '1 Introduction',
      text: 'Language models grow quickly in size and cost. Small models run on phones and laptops but lose accuracy. Sparse routing lets a small model use more parameters without more compute per token. We ask whether routing helps models below one billion parameters.',
    },
    {
      title: '2 Method',
      text: 'Each layer holds eight expert networks and a router. The router picks two experts for every token. A balancing loss keeps the experts equally busy. Training uses the same data and schedule as the dense baseline.',
    },
    {
      title: '3 Results',
      text: 'The routed model beats the dense baseline on all three benchmarks. Gains are largest on reasoning tasks. Latency on a laptop rises by only six percent.',
    },
    {
      title: '4 Conclusion',
      text: 'Sparse routing is a cheap way to improve small language models. Future work will study routing on mobile hardware.',
    },
    {
      title: 'References',
      text: '[1] A. Author. Mixture of experts. Journal of Models, 2020. [2] B. Author. Switch layers. Proceedings of Learning, 2021.',
    },
  ],
};

export function paperAsText(): string {
  return [PAPER.title, ...PAPER.sections.map((s) => `${s.title}\n\n${s.text}`)].join('\n\n');
}

/** Every sentence of the paper's body, for checking that an extractive summary only quotes it. */
export function paperSentences(): string[] {
  return PAPER.sections
    .filter((s) => s.title !== 'References')
    .flatMap((s) => s.text.split(/(?<=\.)\s+/))
    .map((s) => s.trim());
}
