import { visible } from './visible.js';

/**
 * Untrusted text (a file name, a message quoting an article) shown as itself
 * in Markdown: control characters as visible escapes, and every ASCII
 * punctuation mark backslash-escaped, as CommonMark allows for all of them,
 * so no `|` ends a table cell and no `[`, `<`, `` ` `` or `!` makes a link,
 * tag, code span or image.
 */
export const markdownText = (text: string) => visible(text).replace(/[!-/:-@[-`{-~]/g, '\\$&');
