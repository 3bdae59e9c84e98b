// A small Markdown subset for summaries (headings, paragraphs, lists, quotes, code, emphasis,
// links), parsed into a tree that React renders as elements. There is no HTML path at all: raw
// HTML in the input stays literal text, and links keep only safe schemes.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { type: 'code'; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'hr' };

const SAFE_SCHEMES = ['http:', 'https:', 'mailto:'];

/** Returns the link target when it is safe to put in an href, else null (the link becomes text). */
export function safeHref(raw: string): string | null {
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:"), so do we.
  const href = raw.trim();
  const squeezed = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed);
  if (!scheme) {
    // Relative links and fragments carry no scheme; protocol-relative "//host" is off-site, refuse.
    return squeezed.startsWith('//') || squeezed === '' ? null : href;
  }
  return SAFE_SCHEMES.includes(scheme[1].toLowerCase() + ':') ? href : null;
}

export function parseMarkdown(src: string): Block[] {
  return parseBlocks(src.replace(/\r\n?/g, '\n').split('\n'));
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^ {0,3}[-*+]\s+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)]\s+(.*)$/;
const FENCE = /^ {0,3}(```|~~~)/;
const RULE = /^ {0,3}([-*_])( *\1){2,}\s*$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1])) body.push(lines[i++]);
      i++; // closing fence (or end of input while streaming)
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1].length, children: parseInline(heading[2]) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'hr' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i])) inner.push(QUOTE.exec(lines[i++])![1]);
      blocks.push({ type: 'quote', children: parseBlocks(inner) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    if (bullet || ordered) {
      const isOrdered = !bullet;
      const items: string[] = [];
      while (i < lines.length) {
        const b = BULLET.exec(lines[i]);
        const o = ORDERED.exec(lines[i]);
        const m = isOrdered ? o : b;
        if (m) items.push(isOrdered ? m[2] : m[1]);
        else if (lines[i].trim() !== '' && /^\s+/.test(lines[i]) && items.length) items[items.length - 1] += ' ' + lines[i].trim();
        else break;
        i++;
      }
      blocks.push({
        type: 'list',
        ordered: isOrdered,
        start: isOrdered ? Number(ordered![1]) : 1,
        items: items.map(parseInline),
      });
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i].trim() !== '' &&
      !HEADING.test(lines[i]) &&
      !FENCE.test(lines[i]) &&
      !QUOTE.test(lines[i]) &&
      !BULLET.test(lines[i]) &&
      !ORDERED.test(lines[i]) &&
      !RULE.test(lines[i])
    ) {
      para.push(lines[i++].trim());
    }
    blocks.push({ type: 'paragraph', children: parseInline(para.join(' ')) });
  }
  return blocks;
}

/** Parses emphasis, code spans and links; anything unmatched stays literal text. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const pushText = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length && /[\\`*_[\]()#+\-.!>]/.test(src[i + 1])) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i) {
        pushText();
        out.push({ type: 'code', text: src.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if ((c === '*' || c === '_') && src[i + 1] === c) {
      const end = src.indexOf(c + c, i + 2);
      if (end > i + 2) {
        pushText();
        out.push({ type: 'strong', children: parseInline(src.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (c === '*' || (c === '_' && !/\w/.test(src[i - 1] ?? ''))) {
      const end = findClosing(src, c, i + 1);
      if (end > i + 1 && src[i + 1] !== ' ') {
        pushText();
        out.push({ type: 'em', children: parseInline(src.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const close = src.indexOf(']', i + 1);
      if (close > i && src[close + 1] === '(') {
        const end = src.indexOf(')', close + 2);
        if (end > close) {
          const label = parseInline(src.slice(i + 1, close));
          const href = safeHref(src.slice(close + 2, end));
          pushText();
          if (href === null) out.push(...label);
          else out.push({ type: 'link', href, children: label });
          i = end + 1;
          continue;
        }
      }
    }
    text += c;
    i++;
  }
  pushText();
  return out;
}

function findClosing(src: string, marker: string, from: number): number {
  for (let j = from; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === marker && src[j + 1] !== marker && src[j - 1] !== ' ') {
      if (marker === '_' && /\w/.test(src[j + 1] ?? '')) continue;
      return j;
    }
  }
  return -1;
}

/** Plain text of a Markdown document (for the .txt download). */
export function markdownToPlainText(src: string): string {
  const inlineText = (xs: Inline[]): string =>
    xs.map((x) => (x.type === 'text' || x.type === 'code' ? x.text : inlineText(x.children))).join('');
  const blockText = (b: Block): string => {
    switch (b.type) {
      case 'heading':
      case 'paragraph':
        return inlineText(b.children);
      case 'list':
        return b.items.map((it, k) => (b.ordered ? `${b.start + k}. ` : '- ') + inlineText(it)).join('\n');
      case 'code':
        return b.text;
      case 'quote':
        return b.children.map(blockText).join('\n\n');
      case 'hr':
        return '';
    }
  };
  return parseMarkdown(src)
    .map(blockText)
    .filter((s) => s !== '')
    .join('\n\n');
}
