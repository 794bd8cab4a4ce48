import type { VFile } from 'vfile';
import { addDiagnostic } from '../util/diagnostics.js';
import type { KeyPath, PlaceIndex } from './yaml.js';

const CHECKS = [
  {
    // C0 and C1 controls but tab and newline: NUL, ESC (terminal escapes), DEL…
    pattern: /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/,
    ruleId: 'control-char',
    severity: 'error',
    what: 'control character',
    expected: 'printable text',
    note: 'Delete the invisible character (often pasted from a terminal or a word processor).',
  },
  {
    // Bidirectional overrides and isolates (Trojan Source), and invisible characters that hide text.
    pattern: /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/,
    ruleId: 'suspicious-unicode',
    severity: 'warning',
    what: 'invisible character',
    expected: 'visible text',
    note: 'Delete it: bidirectional overrides and zero-width characters make text read differently than it is stored.',
  },
] as const;

/**
 * Check every string value of parsed YAML: control characters are errors (a
 * name that carries an ANSI escape would drive the editor's terminal), bidi
 * overrides and zero-width characters are warnings (the text would read
 * differently than it is stored).
 */
export function checkCharacters(file: VFile, data: unknown, places: PlaceIndex) {
  walk(data, [], (value, path) => {
    for (const check of CHECKS) {
      const found = check.pattern.exec(value);
      if (!found) continue;
      addDiagnostic(file, {
        ruleId: check.ruleId,
        severity: check.severity,
        span: places.value(path),
        reason: `Unexpected ${check.what} U+${code(found[0])} in \`${path.join('.')}\`, expected ${check.expected}`,
        note: check.note,
      });
    }
  });
}

const code = (character: string) => character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

function walk(value: unknown, path: PropertyKey[], visit: (value: string, path: KeyPath) => void) {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index], visit));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key], visit);
}
