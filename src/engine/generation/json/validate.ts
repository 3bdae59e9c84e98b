// A validator for the JsonSchema subset: what tests (and callers who want to be sure) check a
// constrained output against. Independent of the automaton on purpose: it reads the schema, not
// the compiled nodes. Properties not in the schema are reported (the decoder never writes any).
import type { JsonSchema } from '../../types';

/** Problems of `value` under `schema`, each with a path; [] when it validates. */
export function validateJson(schema: JsonSchema, value: unknown, path = '$'): string[] {
  if (schema.enum) {
    return schema.enum.some((e) => e === value) ? [] : [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  }
  if (schema.anyOf) {
    return schema.anyOf.some((s) => validateJson(s, value, path).length === 0) ? [] : [`${path}: matches no anyOf option`];
  }
  if (Array.isArray(schema.type)) {
    return schema.type.some((t) => validateJson({ ...schema, type: t }, value, path).length === 0)
      ? []
      : [`${path}: not any of ${schema.type.join(', ')}`];
  }
  switch (schema.type) {
    case 'null':
      return value === null ? [] : [`${path}: expected null`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected a boolean`];
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : [`${path}: expected a number`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path}: expected an integer`];
    case 'string': {
      if (typeof value !== 'string') return [`${path}: expected a string`];
      const chars = [...value].length;
      return schema.maxLength !== undefined && chars > schema.maxLength ? [`${path}: ${chars} characters, more than maxLength ${schema.maxLength}`] : [];
    }
    case 'array': {
      if (!Array.isArray(value)) return [`${path}: expected an array`];
      const errors: string[] = [];
      if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
      if (schema.items) value.forEach((v, i) => errors.push(...validateJson(schema.items!, v, `${path}[${i}]`)));
      return errors;
    }
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object`];
      const obj = value as Record<string, unknown>;
      const props = schema.properties ?? {};
      const errors: string[] = [];
      for (const r of schema.required ?? []) if (!(r in obj)) errors.push(`${path}: missing required "${r}"`);
      for (const [k, v] of Object.entries(obj)) {
        if (!(k in props)) errors.push(`${path}: unexpected property "${k}"`);
        else errors.push(...validateJson(props[k], v, `${path}.${k}`));
      }
      return errors;
    }
    default:
      return [`${path}: schema has no type`];
  }
}
