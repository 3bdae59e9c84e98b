// Markdown's inline markup removed, leaving the words: for Markdown prose, and for titles wherever
// they come from (a pasted "**Title**" must not show its asterisks in history or exports).

export function stripMarkup(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)(\{[^}]*\})?/g, '$1')
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
