// Gives a decoder-only ONNX graph the `num_logits_to_keep` input that newer Hugging Face exports
// have: the LM head then runs on the last K positions only, not on every prompt position. On a
// Qwen2.5-sized model the LM head over a prompt is ~40% of the prefill's multiply-adds, and its
// output (prompt x vocabulary floats) is the largest tensor of the run. The rewrite works on the
// protobuf bytes without decoding the weights: it finds the node that produces `logits` (MatMul or
// MatMulNBits, possibly behind a Cast or a bias Add) and puts a Slice of the last K positions in front of it.
// Anything else (no such node, an If graph, logits not 3-D, the input already there) leaves the
// bytes untouched.

const INPUT = 'num_logits_to_keep';
const INT64 = 7;

interface Field {
  field: number;
  wire: number;
  /** Byte range of the whole field (tag included) and of its payload (length-delimited only). */
  start: number;
  end: number;
  payload: [number, number];
}

function varint(buf: Uint8Array, pos: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (pos >= buf.length) throw new RangeError('truncated varint');
    const b = buf[pos++];
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, pos];
    scale *= 128;
  }
}

function fields(buf: Uint8Array, from = 0, to = buf.length): Field[] {
  const out: Field[] = [];
  let pos = from;
  while (pos < to) {
    const start = pos;
    const [key, p] = varint(buf, pos);
    pos = p;
    const field = Math.floor(key / 8);
    const wire = key % 8;
    let payload: [number, number] = [pos, pos];
    if (wire === 0) pos = varint(buf, pos)[1];
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      const [len, q] = varint(buf, pos);
      payload = [q, q + len];
      pos = q + len;
    } else throw new RangeError(`unsupported wire type ${wire}`);
    if (pos > to) throw new RangeError('truncated field');
    out.push({ field, wire, start, end: pos, payload });
  }
  return out;
}

const text = new TextDecoder();
const enc = new TextEncoder();
const str = (buf: Uint8Array, f: Field) => text.decode(buf.subarray(f.payload[0], f.payload[1]));

function encVarint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function concat(parts: (Uint8Array | number[])[]): Uint8Array {
  const size = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A length-delimited field (tag + length + payload). */
function ld(field: number, payload: Uint8Array | number[]): Uint8Array {
  return concat([encVarint(field * 8 + 2), encVarint(payload.length), payload]);
}

const s = (field: number, v: string) => ld(field, enc.encode(v));

function node(op: string, inputs: string[], outputs: string[]): Uint8Array {
  return concat([...inputs.map((i) => s(1, i)), ...outputs.map((o) => s(2, o)), s(3, `paperlens_${outputs[0]}`), s(4, op)]);
}

/** A one-element int64 initializer (TensorProto: dims 1, data_type 2, name 8, raw_data 9). */
function int64Initializer(name: string, value: bigint): Uint8Array {
  const raw = new Uint8Array(8);
  new DataView(raw.buffer).setBigInt64(0, value, true);
  return ld(5, concat([[0x08, 0x01], [0x10, INT64], s(8, name), ld(9, raw)]));
}

/** Graph input `num_logits_to_keep`: an int64 scalar (ValueInfoProto with an empty shape). */
function scalarInput(name: string): Uint8Array {
  const tensorType = concat([[0x08, INT64], ld(2, [])]);
  return ld(11, concat([s(1, name), ld(2, ld(1, tensorType))]));
}

interface NodeInfo {
  f: Field;
  op: string;
  inputs: string[];
  outputs: string[];
  /** Byte ranges of the node's input fields. */
  inputFields: Field[];
}

function readNode(buf: Uint8Array, f: Field): NodeInfo {
  const inner = fields(buf, f.payload[0], f.payload[1]);
  const inputFields = inner.filter((x) => x.field === 1 && x.wire === 2);
  return {
    f,
    op: inner.filter((x) => x.field === 4).map((x) => str(buf, x))[0] ?? '',
    inputs: inputFields.map((x) => str(buf, x)),
    outputs: inner.filter((x) => x.field === 2 && x.wire === 2).map((x) => str(buf, x)),
    inputFields,
  };
}

/**
 * The model bytes with `num_logits_to_keep` added, or the same bytes when the graph is not one
 * this can rewrite safely.
 */
export function addLogitsToKeep(model: Uint8Array): Uint8Array {
  try {
    return rewrite(model) ?? model;
  } catch {
    // Bytes this reader cannot follow: ORT gets them as they came and says what is wrong.
    return model;
  }
}

function rewrite(model: Uint8Array): Uint8Array | null {
  const top = fields(model);
  const graph = top.find((f) => f.field === 7 && f.wire === 2);
  if (!graph) return null;
  const g = fields(model, graph.payload[0], graph.payload[1]);
  const nameOf = (f: Field) => fields(model, f.payload[0], f.payload[1]).find((x) => x.field === 1);
  const inputs = g.filter((f) => f.field === 11).map(nameOf);
  if (inputs.some((n) => n && [INPUT, 'logits_to_keep'].includes(str(model, n)))) return null;
  // Slicing axis 1 assumes [batch, positions, vocabulary] logits (then the LM head's input is
  // [batch, positions, hidden] too: MatMul, Cast and Add keep the leading dimensions).
  const logitsOut = g.filter((f) => f.field === 12).find((f) => {
    const n = nameOf(f);
    return n && str(model, n) === 'logits';
  });
  if (!logitsOut || logitsRank(model, logitsOut) !== 3) return null;
  const nodes = g.filter((f) => f.field === 1 && f.wire === 2).map((f) => readNode(model, f));
  if (nodes.some((n) => n.op === 'If' || n.op === 'Loop')) return null;
  const producer = new Map<string, NodeInfo>();
  for (const n of nodes) for (const o of n.outputs) producer.set(o, n);
  const weights = new Set(
    g.filter((f) => f.field === 5 && f.wire === 2).flatMap((f) => fields(model, f.payload[0], f.payload[1]).filter((x) => x.field === 8).map((x) => str(model, x))),
  );
  // From `logits` back to the LM head, through a Cast (fp16 exports) or a bias Add (a constant
  // row per vocabulary entry, which broadcasts over however many positions remain).
  let head = producer.get('logits');
  for (let hops = 0; head && hops < 3; hops++) {
    if (head.op === 'Cast') head = producer.get(head.inputs[0]);
    else if (head.op === 'Add' && head.inputs.length === 2 && weights.has(head.inputs[1])) head = producer.get(head.inputs[0]);
    else break;
  }
  if (!head || (head.op !== 'MatMul' && head.op !== 'MatMulNBits') || !head.inputFields.length) return null;

  const hidden = head.inputs[0];
  const sliced = `${hidden}_paperlens_last`;
  const added = [
    node('Reshape', [INPUT, 'paperlens_shape_1'], ['paperlens_keep_1']),
    node('Neg', ['paperlens_keep_1'], ['paperlens_slice_start']),
    node('Slice', [hidden, 'paperlens_slice_start', 'paperlens_slice_end', 'paperlens_slice_axis'], [sliced]),
  ].map((n) => ld(1, n));
  // The LM head node with its first input renamed; its other fields as they were.
  const hf = head.f;
  const first = head.inputFields[0];
  const newHead = ld(1, concat([model.subarray(hf.payload[0], first.start), s(1, sliced), model.subarray(first.end, hf.payload[1])]));

  // The graph's fields in order with the new nodes before the LM head, then the new initializers
  // and input; written once into one buffer (a model can be a gigabyte: no intermediate copies).
  const extra = [
    int64Initializer('paperlens_shape_1', 1n),
    int64Initializer('paperlens_slice_end', 0x7fffffffffffffffn),
    int64Initializer('paperlens_slice_axis', 1n),
    scalarInput(INPUT),
  ];
  const body: Uint8Array[] = [];
  for (const f of g) {
    if (f === hf) body.push(...added, newHead);
    else body.push(model.subarray(f.start, f.end));
  }
  body.push(...extra);
  const bodyLength = body.reduce((n, p) => n + p.length, 0);
  return concat([model.subarray(0, graph.start), encVarint(7 * 8 + 2), encVarint(bodyLength), ...body, model.subarray(graph.end)]);
}

/** Rank of a graph output's tensor shape (ValueInfoProto.type.tensor_type.shape.dim), or -1. */
function logitsRank(model: Uint8Array, out: Field): number {
  const type = fields(model, out.payload[0], out.payload[1]).find((x) => x.field === 2);
  const tensor = type && fields(model, type.payload[0], type.payload[1]).find((x) => x.field === 1);
  const shape = tensor && fields(model, tensor.payload[0], tensor.payload[1]).find((x) => x.field === 2);
  return shape ? fields(model, shape.payload[0], shape.payload[1]).filter((x) => x.field === 1).length : -1;
}
