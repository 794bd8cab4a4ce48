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
  let lineHasWord = false;
  for (const word of words) {
    const candidate = lineHasWord ? `${line} ${word}` : line + word;
    if (lineHasWord && length(candidate) > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = candidate;
    }
    lineHasWord = true;
  }
  lines.push(line);
  return lines.join('\n');
}

export const length = (text: string) => [...text].length;
