// Markdown's inline markup removed, leaving the words: for Markdown prose, and for titles wherever
// they come from (a pasted "**Title**" must not show its asterisks in history or exports).

/**
 * A link's words, and for a web address the address after them ("the kombine library
 * (https://github.com/bfarr/kombine)"), as a plain-text rendering prints it: the paper keeps
 * where it points, and the facts card reads code and data links from the text. In-document
 * anchors, mail links and words that already hold the address stay as they are.
 */
export function linkText(text: string, target: string): string {
  const url = target.trim().split(/\s+/)[0] ?? '';
  if (!/^(?:https?:\/\/|ftp:\/\/|www\.)\S/i.test(url) || text.includes(url.replace(/^[a-z]+:\/\//i, '').replace(/\/$/, ''))) return text;
  return `${text} (${url})`;
}

/** `linkTargets`: keep a link's web address after its words (prose), or only the words (titles, headings). */
export function stripMarkup(s: string, linkTargets = false): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?/g, '')
    .replace(/\[([^\]]+)\]\(([^)]*)\)(\{[^}]*\})?/g, (_, text: string, target: string) => (linkTargets ? linkText(text, target) : text))
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/<((?:https?|ftp):\/\/[^\s>]+|[^\s@<>]+@[^\s@<>]+\.[a-z]{2,})>/gi, '$1') // autolinks keep their text
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    // Pandoc attributes: {#fig:x}, {.page_break_before}, {#tbl:y width="50%"}.
    .replace(/\s*\{[#.][^{}]*\}/g, '');
}

/** A title as plain words: markup, a leading "#" and "Title:" labels gone. */
export function plainTitle(s: string): string {
  return stripMarkup(s.replace(/^\s*#+\s*/, '')).replace(/\s+/g, ' ').trim();
}
