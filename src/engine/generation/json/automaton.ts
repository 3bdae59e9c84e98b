// A character-level pushdown automaton for the JSON documents a compiled schema accepts, in one
// canonical compact formatting: no whitespace anywhere except at most ONE space after ':' and
// after ',' (what models write naturally), object properties in schema order (required ones
// always, optional ones may be skipped), numbers without exponent and with bounded digits.
//
// A state is a list of stacks (more than one only while anyOf cannot yet tell its options
// apart); a stack is an immutable linked list of frames, so stepping shares structure and a walk
// over a vocabulary trie can branch without copying. `null` is the empty stack: document done.
import { stateKey } from './closing';
import { MAX_FRAC_DIGITS, MAX_INT_DIGITS, candidateEnd, type Node, type Property } from './schema';

type ObjNode = Extract<Node, { kind: 'object' }>;
type ArrNode = Extract<Node, { kind: 'array' }>;
type StrNode = Extract<Node, { kind: 'string' }>;
type NumNode = Extract<Node, { kind: 'number' }>;
type LitNode = Extract<Node, { kind: 'literal' }>;

export type Frame =
  /** A value of `node` must start with the next character. */
  | { t: 'value'; node: Node }
  /** `i`: first property that may still come (or, in colon/afterColon*, the property being written). */
  | { t: 'obj'; node: ObjNode; i: number; ph: 'open' | 'key' | 'colon' | 'afterColon' | 'afterColonSp' | 'next' | 'comma' | 'commaSp'; typed: string }
  /** `n`: items started so far. */
  | { t: 'arr'; node: ArrNode; n: number; ph: 'open' | 'next' | 'comma' | 'commaSp' }
  /** `len`: characters so far (only counted under a maxLength); esc: 0 none, 1 after '\', k>1: k-1 hex digits to go. */
  | { t: 'str'; node: StrNode; len: number; esc: number }
  | { t: 'num'; node: NumNode; ph: 'sign' | 'zero' | 'int' | 'dot' | 'frac'; digits: number }
  /** Candidates share their first `pos` characters, which were consumed. */
  | { t: 'lit'; node: LitNode; cands: string[]; pos: number };

export interface Stack {
  readonly f: Frame;
  readonly up: Stack | null;
}
export type State = (Stack | null)[];

const push = (f: Frame, up: Stack | null): Stack => ({ f, up });

export function initialState(root: Node): State {
  return [push({ t: 'value', node: root }, null)];
}

/** The state after `c` (one UTF-16 code unit); [] when `c` cannot follow. */
export function stepState(state: State, c: string): State {
  if (state.length === 1) {
    const out: State = [];
    stepStack(state[0], c, out);
    return out.length > 1 ? dedupe(out) : out;
  }
  const out: State = [];
  for (const s of state) stepStack(s, c, out);
  return dedupe(out);
}

export function stepText(state: State, text: string): State {
  let s = state;
  for (let k = 0; k < text.length && s.length; k++) s = stepState(s, text[k]);
  return s;
}

/** True when the text so far is a whole valid document. */
export function isComplete(state: State): boolean {
  return state.some((s) => s === null || (s.up === null && canEnd(s.f)));
}

/**
 * Characters still allowed when the state is plainly inside one string's content (one stack, no
 * escape pending): every plain-content text of at most that many characters keeps it valid.
 * Undefined in any other state.
 */
export function stringRoom(state: State): number | undefined {
  const s = state.length === 1 ? state[0] : null;
  if (!s || s.f.t !== 'str' || s.f.esc !== 0) return undefined;
  return s.f.node.maxLength - s.f.len;
}

function dedupe(states: State): State {
  if (states.length < 2) return states;
  const seen = new Map<string, Stack | null>();
  for (const s of states) seen.set(stateKey([s], Infinity), s);
  return [...seen.values()];
}

function stepStack(s: Stack | null, c: string, out: State): void {
  if (s === null) return; // nothing may follow a complete document
  const f = s.f;
  const up = s.up;
  switch (f.t) {
    case 'value':
      return start(f.node, c, up, out);
    case 'obj':
      return stepObject(f, c, up, out);
    case 'arr':
      return stepArray(f, c, up, out);
    case 'str':
      return stepString(s, f, c, out);
    case 'num':
      return stepNumber(f, c, up, out);
    case 'lit': {
      const cands = f.cands.filter((t) => t.length > f.pos && t[f.pos] === c);
      const pos = f.pos + 1;
      if (cands.length === 1 && cands[0].length === pos) out.push(up);
      else if (cands.length) out.push(push({ t: 'lit', node: f.node, cands, pos }, up));
      if (canEnd(f)) stepStack(up, c, out);
      return;
    }
  }
}

/** The first character of a value of `node`, whose parent (already advanced) is `up`. */
function start(node: Node, c: string, up: Stack | null, out: State): void {
  switch (node.kind) {
    case 'object':
      if (c === '{') out.push(push({ t: 'obj', node, i: 0, ph: 'open', typed: '' }, up));
      return;
    case 'array':
      if (c === '[') out.push(push({ t: 'arr', node, n: 0, ph: 'open' }, up));
      return;
    case 'string':
      if (c === '"') out.push(push({ t: 'str', node, len: 0, esc: 0 }, up));
      return;
    case 'number':
      if (c === '-') out.push(push({ t: 'num', node, ph: 'sign', digits: 0 }, up));
      else if (c === '0') out.push(push({ t: 'num', node, ph: 'zero', digits: 1 }, up));
      else if (c >= '1' && c <= '9') out.push(push({ t: 'num', node, ph: 'int', digits: 1 }, up));
      return;
    case 'literal': {
      const f: Frame = { t: 'lit', node, cands: node.texts, pos: 0 };
      stepStack(push(f, up), c, out);
      return;
    }
    case 'anyOf':
      for (const o of node.options) start(o, c, up, out);
      return;
  }
}

const requiredFrom = (props: Property[], i: number) => props.slice(i).some((p) => p.required);

function stepObject(f: Extract<Frame, { t: 'obj' }>, c: string, up: Stack | null, out: State): void {
  const props = f.node.props;
  const at = (ph: typeof f.ph, i = f.i, typed = '') => push({ t: 'obj', node: f.node, i, ph, typed }, up);
  switch (f.ph) {
    case 'open':
    case 'next':
      if (c === '}' && !requiredFrom(props, f.i)) out.push(up);
      else if (c === (f.ph === 'open' ? '"' : ',') && f.i < props.length) out.push(f.ph === 'open' ? at('key', f.i, '"') : at('comma'));
      return;
    case 'comma':
    case 'commaSp':
      if (c === ' ' && f.ph === 'comma') out.push(at('commaSp'));
      else if (c === '"') out.push(at('key', f.i, '"'));
      return;
    case 'key': {
      const typed = f.typed + c;
      const end = candidateEnd(props, f.i);
      let partial = false;
      for (let j = f.i; j < end; j++) {
        const key = props[j].key;
        if (key === typed) return void out.push(at('colon', j));
        if (key.startsWith(typed)) partial = true;
      }
      if (partial) out.push(at('key', f.i, typed));
      return;
    }
    case 'colon':
      if (c === ':') out.push(at('afterColon'));
      return;
    case 'afterColon':
    case 'afterColonSp':
      if (c === ' ' && f.ph === 'afterColon') return void out.push(at('afterColonSp'));
      return start(props[f.i].node, c, at('next', f.i + 1), out);
  }
}

function stepArray(f: Extract<Frame, { t: 'arr' }>, c: string, up: Stack | null, out: State): void {
  const { minItems, maxItems, item } = f.node;
  const next = () => push({ t: 'arr', node: f.node, n: f.n + 1, ph: 'next' }, up);
  switch (f.ph) {
    case 'open':
      if (c === ']' && minItems === 0) out.push(up);
      else if (maxItems > 0) start(item, c, next(), out);
      return;
    case 'next':
      if (c === ']' && f.n >= minItems) out.push(up);
      else if (c === ',' && f.n < maxItems) out.push(push({ t: 'arr', node: f.node, n: f.n, ph: 'comma' }, up));
      return;
    case 'comma':
    case 'commaSp':
      if (c === ' ' && f.ph === 'comma') out.push(push({ t: 'arr', node: f.node, n: f.n, ph: 'commaSp' }, up));
      else start(item, c, next(), out);
      return;
  }
}

function stepString(s: Stack, f: Extract<Frame, { t: 'str' }>, c: string, out: State): void {
  const max = f.node.maxLength;
  const code = c.charCodeAt(0);
  const at = (len: number, esc: number) => push({ t: 'str', node: f.node, len, esc }, s.up);
  if (f.esc === 1) {
    if (c === 'u') out.push(at(f.len, 5));
    else if ('"\\/bfnrt'.includes(c)) out.push(at(f.len, 0));
    return;
  }
  if (f.esc > 1) {
    if (/[0-9a-fA-F]/.test(c)) out.push(at(f.len, f.esc === 2 ? 0 : f.esc - 1));
    return;
  }
  if (c === '"') return void out.push(s.up);
  if (code < 0x20) return; // raw control characters are not allowed in JSON strings
  // A low surrogate ends a character already counted; an escape counts as one character.
  const counts = code < 0xdc00 || code > 0xdfff;
  if (max === Infinity) {
    out.push(c === '\\' ? at(0, 1) : s); // same state: no allocation in free text
    return;
  }
  if (!counts) return void out.push(s);
  if (f.len >= max) return;
  out.push(at(f.len + 1, c === '\\' ? 1 : 0));
}

function stepNumber(f: Extract<Frame, { t: 'num' }>, c: string, up: Stack | null, out: State): void {
  const digit = c >= '0' && c <= '9';
  const at = (ph: typeof f.ph, digits: number) => out.push(push({ t: 'num', node: f.node, ph, digits }, up));
  switch (f.ph) {
    case 'sign':
      if (c === '0') at('zero', 1);
      else if (digit) at('int', 1);
      return;
    case 'dot':
      if (digit) at('frac', 1);
      return;
    case 'zero':
    case 'int':
      if (digit && f.ph === 'int' && f.digits < MAX_INT_DIGITS) at('int', f.digits + 1);
      else if (c === '.' && !f.node.integer) at('dot', 0);
      else stepStack(up, c, out);
      return;
    case 'frac':
      if (digit && f.digits < MAX_FRAC_DIGITS) at('frac', f.digits + 1);
      else stepStack(up, c, out);
      return;
  }
}

function canEnd(f: Frame): boolean {
  if (f.t === 'num') return f.ph === 'zero' || f.ph === 'int' || f.ph === 'frac';
  if (f.t === 'lit') return f.cands.some((t) => t.length === f.pos);
  return false;
}
