// Compiles the JsonSchema subset (see ../../types.ts) into the nodes the character automaton
// walks, and computes each node's shortest valid JSON text (what closing a cut document fills in).
// Anything outside the subset is an error, never silently ignored: a schema the decoder cannot
// honour must not produce output that looks constrained but is not.
import { GenerationOptionError } from '../contract';
import type { JsonSchema } from '../../types';

/** Digits allowed in an integer part and in a fraction: keeps numbers exact and bounded. */
export const MAX_INT_DIGITS = 15;
export const MAX_FRAC_DIGITS = 10;

export interface Property {
  name: string;
  /** The key as written: JSON.stringify(name), quotes included. */
  key: string;
  node: Node;
  required: boolean;
}

export type Node =
  | { kind: 'object'; id: number; props: Property[]; min: string }
  | { kind: 'array'; id: number; item: Node; minItems: number; maxItems: number; min: string }
  | { kind: 'string'; id: number; maxLength: number; min: string }
  | { kind: 'number'; id: number; integer: boolean; min: string }
  /** A fixed set of JSON texts: booleans, null, enum values. */
  | { kind: 'literal'; id: number; texts: string[]; min: string }
  | { kind: 'anyOf'; id: number; options: Node[]; min: string };

const KNOWN = new Set(['type', 'properties', 'required', 'items', 'minItems', 'maxItems', 'maxLength', 'enum', 'anyOf', 'description', 'title', '$schema']);
const MAX_DEPTH = 32;

/** The compiled schema; throws GenerationOptionError('jsonSchema', ...) outside the subset. */
export function compileSchema(schema: JsonSchema): Node {
  let nextId = 0;
  const fail = (path: string, msg: string): never => {
    throw new GenerationOptionError('jsonSchema', `${path || '(root)'}: ${msg}`);
  };

  const compile = (s: JsonSchema, path: string, depth: number): Node => {
    if (depth > MAX_DEPTH) fail(path, `nested deeper than ${MAX_DEPTH} levels`);
    if (s === null || typeof s !== 'object' || Array.isArray(s)) return fail(path, 'a schema must be an object');
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) fail(path, `"${k}" is not supported (supported: ${[...KNOWN].join(', ')})`);
    const id = nextId++;
    if (s.enum !== undefined) {
      if (!Array.isArray(s.enum) || s.enum.length === 0) fail(path, 'enum must be a non-empty array');
      const texts = s.enum.map((v) => {
        if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) fail(path, 'enum values must be strings, numbers, booleans or null');
        if (typeof v === 'number' && !Number.isFinite(v)) fail(path, 'enum numbers must be finite');
        return JSON.stringify(v);
      });
      return literal(id, [...new Set(texts)]);
    }
    if (s.anyOf !== undefined) {
      if (!Array.isArray(s.anyOf) || s.anyOf.length === 0) fail(path, 'anyOf must be a non-empty array');
      if (s.type !== undefined) fail(path, 'use either type or anyOf, not both');
      const options = s.anyOf.map((o, i) => compile(o, `${path}.anyOf[${i}]`, depth + 1));
      return union(id, options);
    }
    if (Array.isArray(s.type)) {
      if (s.type.length === 0) fail(path, 'type must not be an empty list');
      const options = s.type.map((t) => compile({ ...s, type: t }, path, depth + 1));
      return options.length === 1 ? options[0] : union(id, options);
    }
    switch (s.type) {
      case 'object': {
        const props: Property[] = [];
        const required = new Set(s.required ?? []);
        const names = Object.keys(s.properties ?? {});
        for (const r of required) if (!names.includes(r)) fail(path, `required property "${r}" is not in properties`);
        for (const name of names) {
          const node = compile(s.properties![name], `${path}.${name}`, depth + 1);
          props.push({ name, key: JSON.stringify(name), node, required: required.has(name) });
        }
        const body = props.filter((p) => p.required).map((p) => `${p.key}:${p.node.min}`);
        return { kind: 'object', id, props, min: `{${body.join(',')}}` };
      }
      case 'array': {
        if (s.items === undefined) fail(path, 'an array needs items');
        const minItems = s.minItems ?? 0;
        const maxItems = s.maxItems ?? Infinity;
        if (!Number.isInteger(minItems) || minItems < 0) fail(path, 'minItems must be a non-negative integer');
        if (maxItems !== Infinity && (!Number.isInteger(maxItems) || maxItems < minItems)) fail(path, 'maxItems must be an integer >= minItems');
        const item = compile(s.items!, `${path}[]`, depth + 1);
        return { kind: 'array', id, item, minItems, maxItems, min: `[${Array(minItems).fill(item.min).join(',')}]` };
      }
      case 'string': {
        const maxLength = s.maxLength ?? Infinity;
        if (maxLength !== Infinity && (!Number.isInteger(maxLength) || maxLength < 0)) fail(path, 'maxLength must be a non-negative integer');
        return { kind: 'string', id, maxLength, min: '""' };
      }
      case 'number':
      case 'integer':
        return { kind: 'number', id, integer: s.type === 'integer', min: '0' };
      case 'boolean':
        return literal(id, ['true', 'false']);
      case 'null':
        return literal(id, ['null']);
      case undefined:
        return fail(path, 'type (or enum, or anyOf) is required');
      default:
        return fail(path, `type "${String(s.type)}" is not supported`);
    }
  };
  return compile(schema, '', 0);
}

function literal(id: number, texts: string[]): Node {
  const min = texts.reduce((a, b) => (b.length < a.length ? b : a));
  return { kind: 'literal', id, texts, min };
}

function union(id: number, options: Node[]): Node {
  // A nullable field cut short reads best as null ("not found"), not as 0 or "".
  const mins = options.map((o) => o.min);
  const min = mins.includes('null') ? 'null' : mins.reduce((a, b) => (b.length < a.length ? b : a));
  return { kind: 'anyOf', id, options, min };
}

/** Properties that may come next from `i`: up to and including the first required one. */
export function candidateEnd(props: Property[], i: number): number {
  let end = i;
  while (end < props.length && !props[end].required) end++;
  return Math.min(end + 1, props.length);
}

/**
 * Characters any document of `root` may need to be written or closed: its minimal text, the
 * punctuation of its objects and arrays, its keys, a digit. A vocabulary without a one-character
 * token for each of them cannot be trusted to finish a document (Flan-T5's has no '{').
 */
export function neededCharacters(root: Node): Set<string> {
  const chars = new Set(root.min);
  const visit = (n: Node): void => {
    switch (n.kind) {
      case 'object':
        for (const c of n.props.length ? '{}":,' : '{}') chars.add(c);
        for (const p of n.props) {
          for (const c of p.key) chars.add(c);
          visit(p.node);
        }
        return;
      case 'array':
        for (const c of '[],') chars.add(c);
        return visit(n.item);
      case 'number':
        chars.add('0');
        return;
      case 'anyOf':
        return n.options.forEach(visit);
      default:
        for (const c of n.min) chars.add(c);
    }
  };
  visit(root);
  return chars;
}
