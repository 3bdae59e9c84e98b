import { describe, expect, it } from 'vitest';
import { markdownToPlainText, parseInline, parseMarkdown, safeHref } from './parse';

describe('safeHref', () => {
  it('keeps web and mail links', () => {
    expect(safeHref('https://arxiv.org/abs/1')).toBe('https://arxiv.org/abs/1');
    expect(safeHref(' http://x.org ')).toBe('http://x.org');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeHref('#section-2')).toBe('#section-2');
  });

  it('refuses script and data schemes however they are disguised', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'java\tscript:alert(1)', ' \njavascript:x', 'data:text/html,<b>', 'vbscript:x', '//evil.example/x', '']) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});

describe('parseMarkdown', () => {
  it('parses headings, lists and paragraphs', () => {
    const tree = parseMarkdown('## TL;DR\nThe model **works**.\n\n- one\n- two *x*\n\n1. a\n2. b');
    expect(tree.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list']);
    expect(tree[0]).toMatchObject({ type: 'heading', level: 2 });
    expect(tree[1]).toMatchObject({ children: [{ type: 'text', text: 'The model ' }, { type: 'strong' }, { type: 'text', text: '.' }] });
    expect(tree[2]).toMatchObject({ ordered: false, items: [[{ text: 'one' }], [{ text: 'two ' }, { type: 'em' }]] });
    expect(tree[3]).toMatchObject({ ordered: true, start: 1 });
  });

  it('keeps raw HTML as literal text', () => {
    const tree = parseMarkdown('<img src=x onerror=alert(1)> <script>alert(1)</script>');
    expect(tree).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)> <script>alert(1)</script>' }] }]);
  });

  it('turns unsafe links into their label text', () => {
    expect(parseInline('[click](javascript:alert(1))')).toEqual([{ type: 'text', text: 'click' }, { type: 'text', text: ')' }]);
    expect(parseInline('[paper](https://x.org/p)')).toEqual([{ type: 'link', href: 'https://x.org/p', children: [{ type: 'text', text: 'paper' }] }]);
  });

  it('leaves unmatched markers and snake_case alone', () => {
    expect(parseInline('a * b and snake_case_name')).toEqual([{ type: 'text', text: 'a * b and snake_case_name' }]);
    expect(parseInline('`x < y`')).toEqual([{ type: 'code', text: 'x < y' }]);
  });

  it('handles an unterminated code fence while streaming', () => {
    expect(parseMarkdown('```\ncode')).toEqual([{ type: 'code', text: 'code' }]);
  });
});

describe('markdownToPlainText', () => {
  it('drops markup but keeps the words and list markers', () => {
    expect(markdownToPlainText('## Key points\n- **Fast** decoding\n- see [paper](https://x.org)')).toBe('Key points\n\n- Fast decoding\n- see paper');
  });
});
