import { describe, expect, test } from 'vitest';
import { parseYaml, type KeyPath } from '../../src/load/yaml.js';
import { yamlEdit, type Change } from '../../src/load/yaml-fix.js';
import { vfile } from '../helpers.js';

/** Parse `text` as it sits at `offset` in a file (front matter starts after `---`), and give what applying `changes` makes of it. */
function fix(text: string, changes: (places: ReturnType<typeof parseYaml>['places'], source: string) => Change[], prefix = '') {
  const source = prefix + text;
  const { places } = parseYaml(vfile(source), text, prefix.length);
  const edit = yamlEdit(places, changes(places, source));
  return edit && { edit, result: source.slice(0, edit.range[0]) + edit.text + source.slice(edit.range[1]) };
}

/** Replace the first `find` inside the value at `path` with `text`. */
const inside =
  (path: KeyPath, find: string, text: string) =>
  (places: ReturnType<typeof parseYaml>['places'], source: string): Change[] => {
    const at = source.indexOf(find, places.value(path).start);
    return [{ path, span: { start: at, end: at + find.length }, text }];
  };
const whole =
  (path: KeyPath, text: string) =>
  (places: ReturnType<typeof parseYaml>['places']): Change[] => [{ path, span: places.value(path), text }];

describe('yamlEdit', () => {
  test('a plain scalar: only the changed characters, the comment after it kept', () => {
    const fixed = fix('location: Austin, TX # home\n', inside(['location'], 'TX', 'Texas'));
    expect(fixed?.result).toBe('location: Austin, Texas # home\n');
    // The smallest edit: `TX` and `Texas` share their `T`.
    expect(fixed?.edit).toEqual({ range: [19, 20], text: 'exas' });
  });

  test('offsets are the file’s, past the front matter’s `---`', () => {
    const fixed = fix('\nname: Anne ‘Kip” Lee\n', whole(['name'], 'Anne “Kip” Lee'), '---');
    expect(fixed?.edit).toEqual({ range: [15, 16], text: '“' });
    expect(fixed?.result).toBe('---\nname: Anne “Kip” Lee\n');
  });

  test("a single-quoted scalar: a `’` is written as is, a `'` doubled", () => {
    expect(fix("name: 'Anne ‘Kip\" Lee'  # as printed\n", whole(['name'], 'Anne “Kip” Lee'))?.result).toBe(
      "name: 'Anne “Kip” Lee'  # as printed\n",
    );
    expect(fix("title: 'Five Experts'\n", inside(['title'], 'Five Experts', "Two Experts' Views"))?.result).toBe(
      "title: 'Two Experts'' Views'\n",
    );
  });

  test('a double-quoted scalar: a `"` is escaped, escapes around the change stay as written', () => {
    expect(fix('title: "Five \\u0022Experts\\" on Sleep"\n', inside(['title'], 'on Sleep', 'on "Sleep"'))?.result).toBe(
      'title: "Five \\u0022Experts\\" on \\"Sleep\\""\n',
    );
    expect(fix('name: "Bo \\"Ace’ Lee"\n', whole(['name'], 'Bo “Ace” Lee'))?.result).toBe('name: "Bo “Ace” Lee"\n');
  });

  test('a plain scalar that would read differently after the fix is double-quoted', () => {
    expect(fix('title: Five Experts\n', inside(['title'], 'Five', 'Note: five'))?.result).toBe('title: "Note: five Experts"\n');
    expect(fix('credentials: [PhD, LCSW]\n', inside(['credentials', 0], 'PhD', 'PhD, MD'))?.result).toBe(
      'credentials: ["PhD, MD", LCSW]\n',
    );
  });

  test('a list item is removed with its separator, or its line with its own comment', () => {
    const remove = (path: KeyPath) => () => [{ path, remove: true as const }];
    expect(fix('credentials: [PhD, LCSW, Ph.D.] # all\n', remove(['credentials', 2]))?.result).toBe('credentials: [PhD, LCSW] # all\n');
    expect(fix('credentials:\n  - PhD # degree\n  - Ph.D. # again\n  - LCSW\n', remove(['credentials', 1]))?.result).toBe(
      'credentials:\n  - PhD # degree\n  - LCSW\n',
    );
  });

  test('several changes to one list make one edit', () => {
    const swap = (places: ReturnType<typeof parseYaml>['places']): Change[] => [
      { path: ['credentials', 0], span: places.value(['credentials', 0]), text: 'PhD' },
      { path: ['credentials', 1], span: places.value(['credentials', 1]), text: 'LCSW' },
    ];
    expect(fix("credentials: [LCSW, 'PhD']\n", swap)).toEqual({
      edit: { range: [14, 24], text: "PhD, 'LCSW" },
      result: "credentials: [PhD, 'LCSW']\n",
    });
    // Reordering items that carry comments would leave each comment beside another credential.
    expect(fix('credentials:\n  - LCSW # license\n  - PhD # degree\n', swap)).toBeUndefined();
  });

  test('no edit where the value cannot be edited in place', () => {
    // Over several lines (folded when read), a block scalar, a mapping, a cut escape, a changed meaning.
    expect(fix('title: Five\n  Experts\n', inside(['title'], 'Five', 'Two'))).toBeUndefined();
    expect(fix('title: |\n  Five Experts\n', inside(['title'], 'Five', 'Two'))).toBeUndefined();
    expect(fix('location: {city: Austin}\n', whole(['location'], 'Austin, Texas'))).toBeUndefined();
    expect(fix('title: "A \\u00e9 B"\n', inside(['title'], 'u00e9', 'x'))).toBeUndefined();
    expect(fix('title: Same\n', whole(['title'], 'Same'))).toBeUndefined();
  });
});
