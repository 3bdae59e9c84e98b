// What the automaton knows beyond stepping: the shortest valid closing of any state (close
// strings and escapes, finish numbers and literals, fill required properties and minItems with
// each node's minimal value, close arrays and objects) and a key for caching masks per state.
import type { Frame, Stack, State } from './automaton';
import { candidateEnd, type Property } from './schema';

/** Shortest text that, appended, makes the document complete (valid under the schema). */
export function closing(state: State): string {
  let best: string | undefined;
  for (const s of state) {
    let text = '';
    for (let k: Stack | null = s; k; k = k.up) text += finish(k.f);
    if (best === undefined || text.length < best.length) best = text;
  }
  return best ?? '';
}

/** A key identifying the state's behaviour on any text of at most `horizon` characters. */
export function stateKey(state: State, horizon: number): string {
  const keys = state.map((s) => {
    let key = '';
    for (let k: Stack | null = s; k; k = k.up) key += frameKey(k.f, horizon) + '/';
    return key;
  });
  return keys.length === 1 ? keys[0] : keys.sort().join('|');
}

/** Required properties from `i` on, each written after a comma, then the closing brace. */
function tail(props: Property[], i: number): string {
  let text = '';
  for (let j = i; j < props.length; j++) if (props[j].required) text += `,${props[j].key}:${props[j].node.min}`;
  return text + '}';
}

/** Shortest way to write one more property from `f.i` on, whose key starts with `typed`. */
function oneProperty(props: Property[], i: number, typed: string): string {
  let best: string | undefined;
  for (let j = i; j < candidateEnd(props, i); j++) {
    if (!props[j].key.startsWith(typed)) continue;
    const text = props[j].key.slice(typed.length) + ':' + props[j].node.min + tail(props, j + 1);
    if (best === undefined || text.length < best.length) best = text;
  }
  return best ?? '}';
}

function finish(f: Frame): string {
  switch (f.t) {
    case 'value':
      return f.node.min;
    case 'obj': {
      const props = f.node.props;
      switch (f.ph) {
        case 'open':
          return tail(props, f.i).replace(/^,/, '');
        case 'next':
          return tail(props, f.i);
        case 'comma':
        case 'commaSp':
          return oneProperty(props, f.i, '');
        case 'key':
          return oneProperty(props, f.i, f.typed);
        case 'colon':
          return ':' + props[f.i].node.min + tail(props, f.i + 1);
        default:
          return props[f.i].node.min + tail(props, f.i + 1);
      }
    }
    case 'arr': {
      const { minItems, item } = f.node;
      if (f.ph === 'open') return `${Array(minItems).fill(item.min).join(',')}]`;
      if (f.ph === 'next') return `${`,${item.min}`.repeat(Math.max(0, minItems - f.n))}]`;
      return `${item.min}${`,${item.min}`.repeat(Math.max(0, minItems - f.n - 1))}]`;
    }
    case 'str':
      return (f.esc === 1 ? 'n' : '0'.repeat(Math.max(0, f.esc - 1))) + '"';
    case 'num':
      return f.ph === 'sign' || f.ph === 'dot' ? '0' : '';
    case 'lit':
      return f.cands.map((t) => t.slice(f.pos)).reduce((a, b) => (b.length < a.length ? b : a));
  }
}

function frameKey(f: Frame, h: number): string {
  const clamp = (x: number) => Math.min(Math.max(x, 0), h);
  switch (f.t) {
    case 'value':
      return `v${f.node.id}`;
    case 'obj':
      return `o${f.node.id}.${f.ph}.${f.i}.${f.typed}`;
    case 'arr':
      return `a${f.node.id}.${f.ph}.${clamp(f.node.minItems - f.n)}.${clamp(f.node.maxItems - f.n)}`;
    case 'str':
      return `s${f.node.id}.${f.esc}.${clamp(f.node.maxLength - f.len)}`;
    case 'num':
      return `n${f.node.id}.${f.ph}.${f.digits}`;
    case 'lit':
      return `l${f.node.id}.${f.pos}.${f.cands[0].slice(0, f.pos)}`;
  }
}
