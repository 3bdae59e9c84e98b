// Sentences that state something about the paper itself: its contributions, its methods, its
// limitations and its future work. Each is found by cue phrases, weighted by the role of the
// section it sits in (a "we propose" in the related-work section is usually about others).
import { clip, dedupe, refOf, ruleValue, type FactSentence, type Role } from './sentences';
import type { FactValue } from './types';

interface Family {
  cues: RegExp[];
  /** Sections where a cue counts; elsewhere the sentence must also match `strong`. */
  roles: Role[];
  strong?: RegExp;
  /** Sentences that look alike but are not (e.g. "does not" in a definition). */
  not?: RegExp;
}

const SELF = /\b(we|our|this (?:paper|article|work|study|manuscript|note|vignette)|here)\b|本文|我们|本研究/i;

export const CONTRIBUTIONS: Family = {
  cues: [
    /\bwe (?:propose|present|introduce|develop|describe|contribute|release|provide|offer|design|demonstrate)\b/i,
    /\bour (?:main |key |primary )?contributions? (?:is|are|include)\b/i,
    /\b(?:in )?this (?:paper|article|work|manuscript|note),? we\b/i,
    /\bthis (?:paper|article|work) (?:presents|introduces|proposes|describes|provides)\b/i,
    /\bhere,? we\b/i,
    /本文(?:提出|介绍|设计|实现|构建)|我们提出|本研究提出|主要贡献/,
  ],
  roles: ['abstract', 'intro', 'front', 'discussion', 'other'],
  not: /\b(?:we (?:present|describe|introduce) (?:the|some|a few) (?:notation|results? of|details of)|in (?:section|appendix|figure|table))\b/i,
};

export const METHODS: Family = {
  cues: [
    /\bwe (?:use|used|employ|employed|apply|applied|adopt|adopted|train|trained|fine-tune|fine-tuned|fit|fitted|estimate|estimated|implement|implemented|compute|computed)\b/i,
    /\b(?:is|are) (?:based on|built on|implemented (?:in|with|using))\b/i,
    /\b(?:our|the proposed) (?:method|approach|model|algorithm|framework|pipeline)\b/i,
    /(?:采用|使用|基于|利用)(?:了)?[^，。]{1,20}(?:方法|模型|算法)/,
  ],
  roles: ['methods', 'abstract', 'intro', 'other', 'code'],
  strong: SELF,
};

export const LIMITATIONS: Family = {
  cues: [
    /\b(?:a|one|the|main|major|key|an important|another) limitations?\b/i,
    /\blimitations? (?:of|is|are|include)\b/i,
    /\b(?:does|do|can)(?: not|n[o’']t) (?:scale|handle|support|capture|account for|generali[sz]e|apply|work)\b/i,
    /\b(?:is|are) (?:limited (?:to|by|in)|restricted to|not (?:suitable|applicable|designed))\b/i,
    /\bdrawbacks?\b|\bshortcomings?\b|\bcaveats?\b/i,
    /局限|不足之处|缺点|不足/,
  ],
  roles: ['limitations', 'discussion', 'results', 'abstract', 'other', 'intro', 'methods'],
  strong: SELF,
};

export const FUTURE_WORK: Family = {
  cues: [
    /\bfuture (?:work|research|studies|versions?|releases?|directions?)\b/i,
    /\bwe (?:plan|intend|hope|aim) to\b/i,
    /\b(?:in the future|going forward|left (?:for|to) future)\b/i,
    /\b(?:will be|is being) (?:added|extended|explored|investigated|addressed) in\b/i,
    /未来工作|今后|下一步工作|未来(?:的)?研究|展望/,
  ],
  roles: ['discussion', 'limitations', 'results', 'other', 'intro', 'abstract'],
  strong: SELF,
};

function matches(f: Family, s: FactSentence): boolean {
  if (s.kind !== 'body' && s.kind !== 'abstract') return false;
  if (!f.cues.some((c) => c.test(s.text))) return false;
  if (f.not?.test(s.text)) return false;
  // Outside the expected sections, a sentence must speak of the paper itself to count.
  return f.roles.includes(s.role) || Boolean(f.strong?.test(s.text));
}

export function findStatements(f: Family, sentences: FactSentence[], cap = 8): FactValue[] {
  // Sections of the family's own role first (a limitations section beats a stray "does not").
  const order = (s: FactSentence) => {
    const i = f.roles.indexOf(s.role);
    return i < 0 ? f.roles.length : i;
  };
  const hits = sentences.filter((s) => matches(f, s)).sort((a, b) => order(a) - order(b) || a.section - b.section || a.position - b.position);
  return dedupe(hits.map((s) => ruleValue(clip(s.text), [refOf(s)])), cap);
}

/** Contributions: "we propose" and the like, restricted to sentences about this paper. */
export function findContributions(sentences: FactSentence[]): FactValue[] {
  return findStatements(CONTRIBUTIONS, sentences.filter((s) => SELF.test(s.text)), 6);
}
