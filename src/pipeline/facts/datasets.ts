// Named datasets and the metrics a paper reports. A dataset is a name (capitalised words, an
// acronym, or a well-known benchmark) next to a word that says it is data; a metric is one of a
// known list, because metric names are few and a guess would mostly be wrong.
import { dedupe, refOf, ruleValue, type FactSentence } from './sentences';
import type { FactValue } from './types';

const KNOWN_DATASETS = /\b(ImageNet(?:-1k|-21k)?|CIFAR-?(?:10|100)|(?:Fashion-)?MNIST|MS ?COCO|SQuAD(?: ?2\.0)?|SuperGLUE|GLUE|WikiText-?(?:2|103)|Penn Treebank|LibriSpeech|WMT ?'?\d{2}|CNN\/Daily ?Mail|XSum|PubMed|UK Biobank|MIMIC-(?:III|IV)|Common Crawl|OpenWebText|The Pile|Kepler|K2|TESS|Gaia(?: DR\d)?|SDSS|2MASS|Hetionet(?: v\d(?:\.\d)?)?|NHANES|GenBank|RefSeq|Human Connectome Project)\b/g;
// A capitalised name (up to five words, digits and hyphens allowed) before a data word...
const NAME = String.raw`((?:[A-Z][\w\-]*|\d[\w\-]*)(?:\s+(?:[A-Z][\w\-]*|\d[\w\-]*|of|and|for)){0,4})`;
const NAME_BEFORE = new RegExp(String.raw`(?:^|[^\w])${NAME}\s+(?:dataset|data set|corpus|benchmark|database|data(?!\s+(?:analysis|science|type|structure|frame|point)))\b`, 'g');
// ...or after one: "the dataset X", "data from the X", "a sample of X".
const NAME_AFTER = new RegExp(String.raw`\b(?:datasets?|data sets?|corpus|benchmark|data from(?: the)?|sample of(?: the)?|collected (?:by|from) the)\s+${NAME}`, 'g');
// Chinese has no capitals to mark a name, so a dataset is a Latin-script name (sPlot数据库, TRY 数据库,
// 中国家庭追踪调查（CFPS）数据) or a quoted one (“中国健康与养老追踪调查”数据库, 《中国统计年鉴》数据)
// before a data word; any Han run before 数据集 read clauses as names ("210个植被样方组成的"). A
// term in quotes before a bare 数据 is a kind of data (“出现-缺失”数据), not a dataset.
const ZH_DATA_NAMED = '(?:数据集|数据库|语料库|基准)';
const ZH_DATA_WORD = `(?:${ZH_DATA_NAMED}|数据(?!分析|科学|类型|结构|框架|点|格式|管理|共享|处理|驱动|密集))`;
const ZH_DATASET = new RegExp(
  String.raw`(?<![A-Za-z0-9\-.])([A-Za-z][\w\-.]*(?:\s+[A-Za-z0-9][\w\-.]*){0,3})[）)]?\s*${ZH_DATA_WORD}|[“「]([^”」]{2,30})[”」]\s*${ZH_DATA_NAMED}|《([^》]{2,30})》\s*${ZH_DATA_WORD}`,
  'gu',
);
const STOP = /^(?:The|This|These|Our|We|In|For|A|An|Each|All|Such|Real|Simulated|Synthetic|Training|Test|Example|Figure|Table|Section|Open|New|Big|Raw|Our own|Input|Output|Time|R|Python)$/;

function cleanName(raw: string): string {
  const words = raw.trim().split(/\s+/);
  while (words.length && (STOP.test(words[0]) || /^(?:of|and|for)$/.test(words[0]))) words.shift();
  while (words.length && /^(?:of|and|for)$/.test(words[words.length - 1])) words.pop();
  const name = words.join(' ');
  // One lowercase-initial word or a lone number is no name.
  return /[A-Z]/.test(name) && /\p{L}{2}/u.test(name) ? name : '';
}

export function findDatasets(sentences: FactSentence[], sectionTitles: string[]): FactValue[] {
  const out: FactValue[] = [];
  for (const s of sentences) {
    if (s.kind === 'references' || s.kind === 'acknowledgements') continue;
    for (const m of s.text.matchAll(KNOWN_DATASETS)) out.push(ruleValue(m[1], [refOf(s)]));
    for (const re of [NAME_BEFORE, NAME_AFTER]) {
      for (const m of s.text.matchAll(re)) {
        const name = cleanName(m[1]);
        // A lone capitalised word opening the sentence is just the sentence's first word.
        const opening = (m.index ?? 0) <= 1 && !/\s/.test(name) && !/[A-Z].*[A-Z]|\d/.test(name);
        if (name && !opening) out.push(ruleValue(name, [refOf(s)]));
      }
    }
    for (const m of s.text.matchAll(ZH_DATASET)) {
      const name = m[1] ? cleanName(m[1]) : (m[2] ?? m[3]);
      if (name) out.push(ruleValue(name, [refOf(s)]));
    }
  }
  // A section titled after its data ("Boston housing data", "Titanic survival data") names one;
  // its first sentence is the ref.
  sectionTitles.forEach((title, i) => {
    const m = /^([^:]{3,60}?)\s+(?:data|dataset|data set)$/i.exec(title.trim());
    // "Boston housing data" names data; "Obtaining data", "Testing ... in time-series data" do not.
    const words = m ? m[1].split(/\s+/) : [];
    if (!m || words.length > 3 || /ing$/i.test(words[0]) || STOP.test(words[0]) || words.some((w) => /^(?:for|in|with|your|you|and|of|the|from)$/i.test(w))) return;
    const first = sentences.find((s) => s.section === i);
    if (m && first && first.role !== 'methods') out.push(ruleValue(title.trim(), [refOf(first)]));
  });
  return dedupe(out, 8, (v) => v.value.toLowerCase().replace(/\s+(?:data|dataset)$/, ''));
}

const METRICS: [RegExp, string][] = [
  [/\btop-?[15] accuracy\b/i, 'top-k accuracy'],
  [/\baccuracy\b|准确率|精度/i, 'accuracy'],
  [/\bF1(?:[- ]score)?\b|\bF-(?:score|measure)\b|F1值/i, 'F1'],
  [/\bprecision\b|精确率/i, 'precision'],
  [/\brecall\b|召回率/i, 'recall'],
  [/\bRMSE\b|root[- ]mean[- ]squared? error/i, 'RMSE'],
  [/\bMSE\b|mean squared error/i, 'MSE'],
  [/\bMAE\b|mean absolute error/i, 'MAE'],
  [/\bBLEU\b/, 'BLEU'],
  [/\bROUGE(?:-[12L])?\b/, 'ROUGE'],
  [/\bMETEOR\b/, 'METEOR'],
  [/\b(?:AUC|AUROC|ROC AUC)\b|area under the (?:ROC )?curve/i, 'AUC'],
  [/\bperplexity\b|困惑度/i, 'perplexity'],
  [/\blog-?likelihood\b|\blikelihood\b|似然/i, 'likelihood'],
  [/\bspeed-?ups?\b|\btimes faster\b|加速比/i, 'speed-up'],
  [/\b(?:run(?:ning)?[- ]?time|wall[- ]clock time|computation(?:al)? time|latency)\b|运行时间/i, 'runtime'],
  [/\bthroughput\b|吞吐/i, 'throughput'],
  [/\bautocorrelation time\b/i, 'autocorrelation time'],
  [/\b(?:AIC|BIC)\b|information criterion/i, 'information criterion'],
  [/\bcoverage(?: rate)?\b/i, 'coverage'],
  [/\berror rate\b|错误率/i, 'error rate'],
  [/\bR\^?2\b|\bR-squared\b|coefficient of determination/i, 'R²'],
  [/\bmAP\b|mean average precision/, 'mAP'],
  [/\bIoU\b|intersection over union/i, 'IoU'],
  [/\bWER\b|word error rate/i, 'WER'],
];

export function findMetrics(sentences: FactSentence[]): FactValue[] {
  const out: FactValue[] = [];
  const readable = sentences.filter((s) => s.kind === 'body' || s.kind === 'abstract');
  // A metric counts where results are reported, or in a sentence that reports a number.
  const relevant = readable.filter((s) => s.role === 'results' || s.role === 'abstract' || /\d/.test(s.text));
  for (const [re, name] of METRICS) {
    const hits = relevant.filter((s) => re.test(s.text));
    if (hits.length) out.push(ruleValue(name, hits.slice(0, 3).map(refOf)));
  }
  // Rarer metrics first would hide the common ones; order by how often each is used.
  out.sort((a, b) => b.refs.length - a.refs.length);
  return dedupe(out, 8);
}
