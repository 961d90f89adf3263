/**
 * Page-derived text written into Markdown so it renders as exactly those characters, and addresses
 * that become links only when they are http(s). Shared by the notes and targets exports.
 *
 * @module
 */

const MARKDOWN_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '[': '\\[',
  ']': '\\]',
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
};

/**
 * Page titles, quotes and note bodies as Markdown text that renders as exactly those characters:
 * HTML is shown, not run (`<`, `>`, `&` as entities), and no link or image can be formed
 * (`[`, `]` and `\\` escaped). Line structure is the caller's business.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\[\]<>&]/gu, (ch) => MARKDOWN_ESCAPES[ch]!);
}

/** {@link escapeMarkdownText} on one line: line breaks become spaces (a title must not open a block). */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdownText(text.replace(/[\r\n\u2028\u2029]+/gu, ' '));
}

/**
 * An address as a Markdown autolink when it is http(s) (in its parsed, percent-encoded form, so it
 * cannot close the `<…>`); any other scheme (`javascript:`, `data:`) or an unparsable string as
 * plain escaped text, never a link.
 */
export function markdownLink(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return `<${parsed.href}>`;
  } catch {
    // not an absolute address: text
  }
  return escapeMarkdownLine(url);
}
