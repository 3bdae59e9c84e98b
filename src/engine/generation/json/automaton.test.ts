import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../types';
import { GenerationOptionError } from '../contract';
import { createRng } from '../rng';
import { initialState, isComplete, stepText, type State } from './automaton';
import { closing } from './closing';
import { compileSchema } from './schema';
import { FACTS, KITCHEN, randomDocument } from './testing';
import { validateJson } from './validate';

const start = (schema: JsonSchema): State => initialState(compileSchema(schema));
const accepts = (schema: JsonSchema, text: string) => stepText(start(schema), text).length > 0;
const complete = (schema: JsonSchema, text: string) => isComplete(stepText(start(schema), text));

/** Closes `prefix` (whose state is `state`) and checks that the result is accepted, complete, parses and validates. */
function closeAndCheck(schema: JsonSchema, prefix: string, state = stepText(start(schema), prefix)): string {
  expect(state.length, `prefix ${JSON.stringify(prefix)} accepted`).toBeGreaterThan(0);
  const suffix = closing(state);
  const doc = prefix + suffix;
  expect(isComplete(stepText(state, suffix)), `closed ${JSON.stringify(doc)} complete`).toBe(true);
  let value: unknown;
  expect(() => (value = JSON.parse(doc)), doc).not.toThrow();
  expect(validateJson(schema, value), doc).toEqual([]);
  return doc;
}

describe('JSON automaton', () => {
  it('accepts the canonical formatting and completes only at the end', () => {
    const doc = '{"title": "Deep nets","year":2019, "datasets":["MNIST", "CIFAR-10"]}';
    expect(complete(FACTS, doc)).toBe(true);
    for (let k = 0; k < doc.length; k++) {
      expect(accepts(FACTS, doc.slice(0, k))).toBe(true);
      expect(complete(FACTS, doc.slice(0, k))).toBe(false);
    }
    expect(complete(FACTS, '{"title":"","year":null,"datasets":[]}')).toBe(true);
  });

  it.each([
    ['leading whitespace', ' {'],
    ['two spaces after a colon', '{"title":  '],
    ['space before a colon', '{"title" :'],
    ['newline between tokens', '{"title":"x",\n'],
    ['a property out of schema order', '{"year":'],
    ['an unknown property', '{"titles'],
    ['a skipped required property', '{"title":"x","datasets"'],
    ['a closing brace before the required ones', '{"title":"x"}'],
    ['a raw newline in a string', '{"title":"a\n'],
    ['a bad escape', '{"title":"\\x'],
    ['a bad unicode escape', '{"title":"\\u12g'],
    ['a string over maxLength', `{"title":"${'x'.repeat(41)}`],
    ['an escape over maxLength', `{"title":"${'x'.repeat(40)}\\n`],
    ['a fraction in an integer', '{"title":"","year":1.'],
    ['a leading zero', '{"title":"","year":01'],
    ['an exponent', '{"title":"","year":1e'],
    ['too many items', '{"title":"","year":1,"datasets":["","","",'],
    ['text after the document', '{"title":"","year":null,"datasets":[]} '],
    ['a wrong literal', '{"title":"","year":nul1'],
  ])('rejects %s', (_label, text) => {
    expect(accepts(FACTS, text)).toBe(false);
  });

  it('counts characters, not UTF-16 units, under maxLength', () => {
    const s: JsonSchema = { type: 'string', maxLength: 2 };
    expect(complete(s, '"😀😀"')).toBe(true);
    expect(accepts(s, '"😀😀😀')).toBe(false);
    expect(complete(s, '"\\u00e9\\""')).toBe(true);
    expect(accepts(s, '"ab\\')).toBe(false);
  });

  it('bounds the digits of numbers', () => {
    const n: JsonSchema = { type: 'number' };
    expect(complete(n, '123456789012345')).toBe(true);
    expect(accepts(n, '1234567890123456')).toBe(false);
    expect(complete(n, '-0.1234567890')).toBe(true);
    expect(accepts(n, '-0.12345678901')).toBe(false);
    expect(complete(n, '-')).toBe(false);
    expect(complete(n, '1.')).toBe(false);
  });

  it('keeps anyOf options apart until the text decides', () => {
    expect(complete(KITCHEN.properties!.ab, '{"a":1}')).toBe(true);
    expect(complete(KITCHEN.properties!.ab, '{"ab":true}')).toBe(true);
    expect(complete(KITCHEN.properties!.ab, '{}')).toBe(true);
    expect(accepts(KITCHEN.properties!.ab, '{"ab":1')).toBe(false);
    const kind = KITCHEN.properties!.kind;
    expect(complete(kind, '1')).toBe(true);
    expect(complete(kind, '12')).toBe(true);
    expect(accepts(kind, '13')).toBe(false);
    expect(complete(kind, '"p"')).toBe(true);
    expect(complete(kind, '"pap')).toBe(false);
  });

  it('closes every prefix of random valid documents into a valid document', () => {
    const rng = createRng(12);
    let checked = 0;
    for (const schema of [FACTS, KITCHEN, { type: 'array', items: KITCHEN, minItems: 1 } as JsonSchema]) {
      for (let d = 0; d < 60; d++) {
        const doc = randomDocument(schema, rng);
        expect(complete(schema, doc), doc).toBe(true);
        expect(validateJson(schema, JSON.parse(doc)), doc).toEqual([]);
        let state = start(schema);
        for (let k = 0; k <= doc.length; k++) {
          closeAndCheck(schema, doc.slice(0, k), state);
          if (k < doc.length) state = stepText(state, doc[k]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('closes with minimal values, required properties in schema order', () => {
    expect(closeAndCheck(FACTS, '')).toBe('{"title":"","year":null,"datasets":[]}');
    expect(closeAndCheck(FACTS, '{"title":"Dee')).toBe('{"title":"Dee","year":null,"datasets":[]}');
    expect(closeAndCheck(FACTS, '{"title":"a\\u00')).toBe('{"title":"a\\u0000","year":null,"datasets":[]}');
    expect(closeAndCheck(KITCHEN.properties!.tags, '["a"')).toBe('["a",""]');
  });

  it('rejects schemas outside the subset with the path named', () => {
    expect(() => compileSchema({ type: 'object', properties: { a: { type: 'string', pattern: 'x' } as JsonSchema } })).toThrow(
      GenerationOptionError,
    );
    expect(() => compileSchema({ type: 'object', properties: { a: { type: 'string', pattern: 'x' } as JsonSchema } })).toThrow(/\.a: "pattern"/);
    expect(() => compileSchema({ type: 'object', required: ['b'], properties: {} })).toThrow(/required property "b"/);
    expect(() => compileSchema({ type: 'array' })).toThrow(/needs items/);
    expect(() => compileSchema({ type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 2 })).toThrow(/maxItems/);
  });
});
