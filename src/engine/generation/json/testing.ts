// Test helpers for constrained JSON decoding: schemas that exercise the subset and random valid
// documents written in the automaton's formatting (optional single spaces after ':' and ',').
import type { JsonSchema } from '../../types';
import type { Rng } from '../rng';

export const FACTS: JsonSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', maxLength: 40, description: 'the paper title' },
    year: { type: ['integer', 'null'] },
    datasets: { type: 'array', items: { type: 'string', maxLength: 12 }, maxItems: 3 },
  },
  required: ['title', 'year', 'datasets'],
};

/** Every construct of the subset, nested. */
export const KITCHEN: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    note: { type: 'string' },
    score: { type: 'number' },
    ok: { type: 'boolean' },
    nothing: { type: 'null' },
    kind: { enum: ['paper', 'preprint', 'p', 1, 12, true, null] },
    tags: { type: 'array', items: { type: 'string', maxLength: 3 }, minItems: 2, maxItems: 4 },
    pair: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    short: { type: 'string', maxLength: 2 },
    either: { anyOf: [{ type: 'string', maxLength: 5 }, { type: 'array', items: { type: 'integer' } }, { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] }] },
    ab: { anyOf: [{ type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] }, { type: 'object', properties: { ab: { type: 'boolean' } } }] },
    nested: {
      type: 'object',
      properties: { deep: { type: 'array', items: { type: 'object', properties: { x: { type: ['number', 'null'] }, y: { type: 'string' } }, required: ['y'] } } },
    },
  },
  required: ['id', 'note', 'tags', 'pair', 'short', 'either', 'ab'],
};

const CHARS = ['a', 'Z', ' ', '"', '\\', '/', '\n', '\t', '\u0001', 'é', '中', '😀', '{', '}', '[', ']', ',', ':', '0', 'u'];

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)];
}

function randomString(rng: Rng, maxLength = 12): string {
  const n = Math.floor(rng() * (Math.min(maxLength, 12) + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rng, CHARS);
  let text = JSON.stringify(s);
  // Escapes JSON.stringify never writes, which the automaton must accept too.
  if (rng() < 0.3) text = text.replace(/a/g, '\\u0061').replace(/\//g, '\\/');
  return text;
}

function randomNumber(rng: Rng, integer: boolean): string {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
  let int = rng() < 0.2 ? '0' : String(1 + Math.floor(rng() * 9)) + digits(Math.floor(rng() * 14));
  if (rng() < 0.3) int = '-' + int;
  if (integer || rng() < 0.5) return int;
  return `${int}.${digits(1 + Math.floor(rng() * 10))}`;
}

const sep = (rng: Rng, c: string) => (rng() < 0.5 ? c : `${c} `);

/** A random document valid under `schema`, in the decoder's formatting. */
export function randomDocument(schema: JsonSchema, rng: Rng, depth = 0): string {
  if (schema.enum) return JSON.stringify(pick(rng, schema.enum));
  if (schema.anyOf) return randomDocument(pick(rng, schema.anyOf), rng, depth);
  if (Array.isArray(schema.type)) return randomDocument({ ...schema, type: pick(rng, schema.type) }, rng, depth);
  switch (schema.type) {
    case 'null':
      return 'null';
    case 'boolean':
      return rng() < 0.5 ? 'true' : 'false';
    case 'number':
    case 'integer':
      return randomNumber(rng, schema.type === 'integer');
    case 'string':
      return randomString(rng, schema.maxLength);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? min + 3, min + 3);
      const n = depth > 4 ? min : min + Math.floor(rng() * (max - min + 1));
      const items = Array.from({ length: n }, () => randomDocument(schema.items!, rng, depth + 1));
      return `[${items.map((t, i) => (i ? sep(rng, ',') : '') + t).join('')}]`;
    }
    case 'object': {
      const required = new Set(schema.required ?? []);
      const parts: string[] = [];
      for (const [name, s] of Object.entries(schema.properties ?? {})) {
        if (!required.has(name) && (depth > 4 || rng() < 0.5)) continue;
        parts.push(`${JSON.stringify(name)}${sep(rng, ':')}${randomDocument(s, rng, depth + 1)}`);
      }
      return `{${parts.map((t, i) => (i ? sep(rng, ',') : '') + t).join('')}}`;
    }
    default:
      throw new Error('schema without type');
  }
}
