import type { VFile } from 'vfile';
import { addDiagnostic } from '../diagnostics.js';
import type { KeyPath, PlaceIndex } from '../load/yaml.js';

/** C0 and C1 controls but tab and newline: NUL, ESC (terminal escapes), DEL… */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Bidirectional overrides and isolates (Trojan Source), and invisible characters that hide text. */
const SUSPICIOUS = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/**
 * Check every string value of parsed YAML: control characters are errors (a
 * name that carries an ANSI escape would drive the editor's terminal), bidi
 * overrides and zero-width characters are warnings (the text would read
 * differently than it is stored).
 */
export function checkCharacters(file: VFile, data: unknown, places: PlaceIndex) {
  walk(data, [], (value, path) => {
    const control = CONTROL.exec(value);
    if (control) {
      addDiagnostic(file, {
        ruleId: 'control-char',
        severity: 'error',
        span: places.value(path),
        reason: `Unexpected control character U+${code(control[0])} in \`${path.join('.')}\`, expected printable text`,
        note: 'Delete the invisible character (often pasted from a terminal or a word processor).',
      });
    }
    const suspicious = SUSPICIOUS.exec(value);
    if (suspicious) {
      addDiagnostic(file, {
        ruleId: 'suspicious-unicode',
        severity: 'warning',
        span: places.value(path),
        reason: `Unexpected invisible character U+${code(suspicious[0])} in \`${path.join('.')}\`, expected visible text`,
        note: 'Delete it: bidirectional overrides and zero-width characters make text read differently than it is stored.',
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
