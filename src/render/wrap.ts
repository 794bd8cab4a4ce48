/**
 * Greedy word wrap to `width` columns (0: no wrapping). A word longer than the
 * line, such as a URL, gets a line of its own and is never broken. Widths
 * count code points, so curly quotes and accented letters count once.
 */
export function wrap(text: string, width: number, prefix = '', indent = ''): string {
  return text
    .split('\n')
    .map((paragraph, index) => wrapLine(paragraph, width, index === 0 ? prefix : indent, indent))
    .join('\n');
}

function wrapLine(text: string, width: number, prefix: string, indent: string): string {
  const words = text.split(/[ \t]+/).filter(Boolean);
  if (width <= 0) return prefix + words.join(' ');
  const lines: string[] = [];
  let line = prefix;
  let used = length(prefix);
  let lineHasWord = false;
  for (const word of words) {
    const size = length(word);
    if (lineHasWord && used + 1 + size > width) {
      lines.push(line);
      line = indent + word;
      used = length(indent) + size;
    } else {
      line = lineHasWord ? `${line} ${word}` : line + word;
      used += (lineHasWord ? 1 : 0) + size;
    }
    lineHasWord = true;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Code points, not UTF-16 units; fast for the common case of text without astral characters. */
export function length(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) count--;
  }
  return count;
}
