// The JSON a model writes for the facts card, as a schema the engine's constrained decoding
// enforces (only the subset in engine/types.ts JsonSchema). Front matter is not asked for: the
// rules read it from metadata and the title page more reliably than a small model would. Every
// item cites the numbers of the prompt's sentences it rests on.
import type { JsonSchema } from '../../engine/types';

const sentences: JsonSchema = { type: 'array', items: { type: 'integer' }, maxItems: 3, description: 'numbers [n] of the sentences that state it' };
const statement = (maxItems: number): JsonSchema => ({
  type: 'array',
  maxItems,
  items: { type: 'object', properties: { text: { type: 'string', maxLength: 200 }, sentences }, required: ['text', 'sentences'] },
});
const nameList = (maxItems: number): JsonSchema => ({
  type: 'array',
  maxItems,
  items: { type: 'object', properties: { name: { type: 'string', maxLength: 80 }, sentences }, required: ['name', 'sentences'] },
});
const optionalString = (maxLength: number): JsonSchema => ({ anyOf: [{ type: 'string', maxLength }, { type: 'null' }] });

export const FACTS_JSON_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    contributions: statement(4),
    methods: statement(4),
    datasets: nameList(6),
    metrics: nameList(6),
    results: {
      type: 'array',
      maxItems: 6,
      items: {
        type: 'object',
        properties: {
          value: { type: 'string', maxLength: 24 },
          unit: optionalString(24),
          measured: optionalString(80),
          compared_with: optionalString(80),
          sentences,
        },
        required: ['value', 'unit', 'measured', 'compared_with', 'sentences'],
      },
    },
    limitations: statement(3),
    future_work: statement(3),
  },
  required: ['contributions', 'methods', 'datasets', 'metrics', 'results', 'limitations', 'future_work'],
};

export interface ModelStatement {
  text: string;
  sentences: number[];
}
export interface ModelName {
  name: string;
  sentences: number[];
}
export interface ModelResult {
  value: string;
  unit: string | null;
  measured: string | null;
  compared_with: string | null;
  sentences: number[];
}
export interface ModelFacts {
  contributions: ModelStatement[];
  methods: ModelStatement[];
  datasets: ModelName[];
  metrics: ModelName[];
  results: ModelResult[];
  limitations: ModelStatement[];
  future_work: ModelStatement[];
}

const arr = (x: unknown): Record<string, unknown>[] => (Array.isArray(x) ? x.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null) : []);
const str = (x: unknown): string | null => (typeof x === 'string' && x.trim() ? x.trim() : typeof x === 'number' ? String(x) : null);
const nums = (x: unknown): number[] => (Array.isArray(x) ? x.filter((n): n is number => Number.isInteger(n)) : []);

/**
 * Reads the model's text. Constrained decoding guarantees it parses, but a model run without it
 * (or an engine that lacks it) may not; then whatever is readable is kept, and bad JSON gives an
 * empty result rather than an error, since the rule-based card still stands.
 */
export function parseModelFacts(text: string): ModelFacts {
  let raw: unknown;
  try {
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}');
    raw = JSON.parse(start >= 0 && end > start ? text.slice(start, end + 1) : text);
  } catch {
    raw = {};
  }
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const statements = (k: string): ModelStatement[] => arr(o[k]).flatMap((i) => (str(i.text) ? [{ text: str(i.text)!, sentences: nums(i.sentences) }] : []));
  const names = (k: string): ModelName[] => arr(o[k]).flatMap((i) => (str(i.name) ? [{ name: str(i.name)!, sentences: nums(i.sentences) }] : []));
  return {
    contributions: statements('contributions'),
    methods: statements('methods'),
    datasets: names('datasets'),
    metrics: names('metrics'),
    results: arr(o.results).flatMap((i) =>
      str(i.value) ? [{ value: str(i.value)!, unit: str(i.unit), measured: str(i.measured), compared_with: str(i.compared_with), sentences: nums(i.sentences) }] : [],
    ),
    limitations: statements('limitations'),
    future_work: statements('future_work'),
  };
}
