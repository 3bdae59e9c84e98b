// Renders the parsed Markdown tree as React elements; React escapes every string, and hrefs
// come only from safeHref(), so summary text can never inject markup or script.
import { Fragment, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './parse';

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, k) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={k}>{n.text}</Fragment>;
      case 'strong':
        return <strong key={k}>{renderInline(n.children)}</strong>;
      case 'em':
        return <em key={k}>{renderInline(n.children)}</em>;
      case 'code':
        return <code key={k}>{n.text}</code>;
      case 'link':
        return (
          <a key={k} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {renderInline(n.children)}
          </a>
        );
    }
  });
}

function renderBlock(b: Block, k: number): ReactNode {
  switch (b.type) {
    case 'heading': {
      // Summary headings sit under the page's own h2, so shift them down one level.
      const level = Math.min(6, b.level + 2);
      const H = `h${level}` as 'h3';
      return <H key={k}>{renderInline(b.children)}</H>;
    }
    case 'paragraph':
      return <p key={k}>{renderInline(b.children)}</p>;
    case 'list': {
      const items = b.items.map((it, j) => <li key={j}>{renderInline(it)}</li>);
      return b.ordered ? (
        <ol key={k} start={b.start}>
          {items}
        </ol>
      ) : (
        <ul key={k}>{items}</ul>
      );
    }
    case 'code':
      return (
        <pre key={k}>
          <code>{b.text}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={k}>{b.children.map(renderBlock)}</blockquote>;
    case 'hr':
      return <hr key={k} />;
  }
}

export function Markdown({ source }: { source: string }) {
  const tree = useMemo(() => parseMarkdown(source), [source]);
  return <>{tree.map(renderBlock)}</>;
}
