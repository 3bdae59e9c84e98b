// Numbers the paper reports as results: a value with its unit, what it measures and what it is
// compared with. Read only where results are reported (results, discussion, abstract and
// conclusion sections) or from a sentence with a result verb; a number in a methods section is a
// setting, not a finding, and a number in the introduction is usually someone else's.
import { clip, dedupe, refOf, type FactSentence, type Role } from './sentences';
import type { ResultFact } from './types';

const NUM = String.raw`(\d+(?:[.,]\d+)*(?:\.\d+)?)`;
const UNIT = String.raw`(%|％|percent(?:age points)?|pp|points?|×|x|times|fold|orders? of magnitude|ms|s|seconds?|minutes?|hours?|days?|GB|MB|KB|TB|GHz|Hz|dB|倍|个百分点)`;
const RESULT_ROLES: Role[] = ['results', 'discussion', 'abstract', 'limitations', 'code'];
const RESULT_VERB = /\b(?:contain|consist|compris|achiev|improv|outperform|reduc|increas|decreas|reach|obtain|attain|yield|score|surpass|exceed|boost|gain|lower|speed|faster|slower|accura|error|better|worse)|包含|包括|含有|提高|提升|降低|减少|达到|超过|优于|加速|准确率/i;
const METHOD_SELF = /\b(?:we|our)\b.*\b(?:set|use|used|choose|chose|fix|fixed|train(?:ed)? for|sample[sd]?|initiali[sz]e)\b|学习率|批大小|设置为/i;
const COMPARED = /\b(?:than|compared (?:to|with)|relative to|over|versus|vs\.?|against)\s+(?:the\s+)?([^,.;:()]{2,60}?)(?=[,.;:()]|\s+(?:on|in|by|at|with|while|and)\b|$)/i;
const ZH_COMPARED = /(?:比|与|相比于|相较于|较)([\p{Script=Han}A-Za-z0-9\-]{2,20}?)(?:相比|而言|提高|提升|降低|减少|快|慢)/u;

interface Pattern {
  re: RegExp;
  /** Group indexes: value, unit, measured (0 = absent). */
  value: number;
  unit: number;
  measured: number;
}

const PATTERNS: Pattern[] = [
  // "3.5 times faster than X", "an order of magnitude" needs a number, so it is not read.
  { re: new RegExp(String.raw`${NUM}\s*(×|x|times|fold|-fold)\s+(faster|slower|speed-?up|fewer \w+|more \w+|less \w+|smaller|larger|higher|lower|better)`, 'gi'), value: 1, unit: 2, measured: 3 },
  // "improves Y by 3.2%", "reduces the error by 40 percent"
  { re: new RegExp(String.raw`\b(?:improv\w*|increas\w*|reduc\w*|decreas\w*|boost\w*|lower\w*|rais\w*|cut\w*)\s+(?:the\s+)?([^,.;]{1,60}?)\s+by\s+(?:up to\s+|about\s+|nearly\s+|over\s+)?${NUM}\s*${UNIT}?`, 'gi'), value: 2, unit: 3, measured: 1 },
  // "achieves 92.1% accuracy", "reaches an F1 of 0.87", "obtains a BLEU score of 31.2"
  { re: new RegExp(String.raw`\b(?:achiev\w*|reach\w*|obtain\w*|attain\w*|yield\w*|scor\w*|record\w*|report\w*)\s+(?:an?\s+|the\s+)?(?:(?:average|mean|overall|top-1|top-5)\s+)?${NUM}\s*${UNIT}?\s*(?:of\s+)?([A-Za-z][\w\-]*(?:\s+[a-z][\w\-]*)?)?`, 'gi'), value: 1, unit: 2, measured: 3 },
  { re: new RegExp(String.raw`\b(?:achiev\w*|reach\w*|obtain\w*|attain\w*|yield\w*)\s+(?:an?\s+|the\s+)?([A-Za-z][\w\- ]{1,30}?)\s+(?:of|=)\s+${NUM}\s*${UNIT}?`, 'gi'), value: 2, unit: 3, measured: 1 },
  // "accuracy of 92.1%", "an AUC of 0.91", "F1 = 0.87"
  { re: new RegExp(String.raw`\b(accuracy|F1(?:[- ]score)?|AUC|BLEU|ROUGE(?:-[12L])?|RMSE|MAE|MSE|error(?: rate)?|precision|recall|perplexity|speed-?up|coverage(?: rate)?|throughput|latency)\s+(?:of|=|is|was|reaches|reached)\s+(?:about\s+|nearly\s+|approximately\s+)?${NUM}\s*${UNIT}?`, 'gi'), value: 2, unit: 3, measured: 1 },
  // A percentage or speed figure with a result verb in the same sentence: "... 20% faster".
  { re: new RegExp(String.raw`${NUM}\s*(%|％|percent|percentage points)\s+(faster|slower|fewer|more|less|higher|lower|better|worse|improvement|reduction|increase|decrease|speed-?up|of the (?:\w+ ){0,3}\w+)`, 'gi'), value: 1, unit: 2, measured: 3 },
  // Counts a paper reports of what it built: "contains 47,031 nodes", "consists of 2,250,197 relationships".
  { re: new RegExp(String.raw`\b(?:contains?|contained|consists? of|comprises?|includes?|integrat\w* data from|covers?|records?|holds?)\s+(?:more than\s+|over\s+|about\s+|nearly\s+|up to\s+)?${NUM}(?:\s+(million|billion|thousand))?\s+([a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)`, 'gi'), value: 1, unit: 2, measured: 3 },
  { re: new RegExp(String.raw`\band\s+${NUM}(?:\s+(million|billion|thousand))?\s+(relationships|edges|nodes|samples|records|plots|species|entries|documents|images|participants|patients|users)\b`, 'gi'), value: 1, unit: 2, measured: 3 },
  // Chinese counts of what it built, the number ending its noun phrase (not "11 种类型的", a modifier):
  // "包含 11 种类型的 47,031 个节点（……）以及 24 种类型的 2,250,197 条关系".
  { re: new RegExp(String.raw`(?:包含|包括|含有|涵盖|收录|记录了|整合了|汇集了|以及|和)[^，。；：]{0,20}?${NUM}\s*(万|亿)?\s*(?:个|条|种|项|篇|名|份|例|株|位|张)\s*(\p{Script=Han}{1,6}?)(?=[（(，。；、]|以及|和|与|$)`, 'gu'), value: 1, unit: 2, measured: 3 },
  // Chinese: "准确率达到92.1%", "提高了3.2个百分点", "快3倍"
  { re: /(准确率|精度|召回率|F1值?|误差|错误率|速度|性能|效率)?(?:提高|提升|降低|减少|达到|超过|为|达)了?\s*(\d+(?:\.\d+)?)\s*(%|％|倍|个百分点)/gu, value: 2, unit: 3, measured: 1 },
  { re: /(快|慢|高|低)\s*(\d+(?:\.\d+)?)\s*(倍|%|％)/gu, value: 2, unit: 3, measured: 1 },
];

function resultLike(s: FactSentence): boolean {
  if (s.kind !== 'body' && s.kind !== 'abstract') return false;
  if (s.role === 'methods' || s.role === 'front' || s.role === 'tail') return false;
  if (METHOD_SELF.test(s.text) && !RESULT_VERB.test(s.text)) return false;
  return RESULT_ROLES.includes(s.role) || RESULT_VERB.test(s.text);
}

const canonUnit = (u: string | undefined): string | undefined => {
  if (!u) return undefined;
  const t = u.toLowerCase();
  if (t === '%' || t === '％' || t === 'percent') return '%';
  if (t === 'x' || t === '×' || t === 'times' || t === 'fold' || t === '-fold' || t === '倍') return '×';
  if (t === '个百分点' || t === 'percentage points' || t === 'pp') return 'percentage points';
  return u;
};

export function findResults(sentences: FactSentence[]): ResultFact[] {
  const out: ResultFact[] = [];
  for (const s of sentences.filter(resultLike)) {
    const seen = new Set<string>();
    for (const p of PATTERNS) {
      for (const m of s.text.matchAll(p.re)) {
        const value = m[p.value];
        if (!value || seen.has(value) || isYearOrCitation(s.text, m.index ?? 0, value)) continue;
        seen.add(value);
        const cmp = COMPARED.exec(s.text.slice(m.index ?? 0)) ?? ZH_COMPARED.exec(s.text);
        out.push({
          value,
          refs: [refOf(s)],
          source: 'rules',
          unit: canonUnit(m[p.unit]),
          measured: p.measured && m[p.measured] ? clip(m[p.measured].trim(), 80) : undefined,
          comparedWith: cmp ? clip(cmp[1].trim(), 80) : undefined,
        });
      }
    }
  }
  // Results sections first, then the abstract and the rest, as the cap keeps the first eight.
  const rank = (r: ResultFact) => {
    const s = sentences.find((x) => x.section === r.refs[0].section && x.position === r.refs[0].position);
    return s?.role === 'results' ? 0 : s?.role === 'abstract' ? 1 : 2;
  };
  return dedupe(out.sort((a, b) => rank(a) - rank(b)), 8, (r) => `${r.value}|${r.unit ?? ''}|${r.refs[0].section}.${r.refs[0].position}`);
}

// "(Smith 2019)", "in 2020", "[12]": years and citation numbers are not results.
function isYearOrCitation(text: string, at: number, value: string): boolean {
  if (/^(?:19|20)\d{2}$/.test(value)) return true;
  const before = text.slice(Math.max(0, at - 2), at);
  return /\[$/.test(before);
}
