import { describe, expect, it } from 'vitest';
import { renameAt } from '../../../compiler/language-service/rename.js';
import { parse } from '../../../grammar/parse.js';

describe('renameAt', () => {
  const source = 'let A = [x]\nlet B = [y]\nwhen f in A +1\nwhen f in B +1\n';
  const file = parse(source).file;

  it('refuses a name another let list already has, a keyword and a malformed name', () => {
    for (const newName of ['B', 'tier', '1st', 'a b'])
      expect(renameAt(file, source.indexOf('A'), newName).ok, newName).toBe(false);
  });

  it('renames the declaration and every use, and nothing else', () => {
    const result = renameAt(file, source.indexOf('A', 20), '候補');
    expect(result.ok && result.edits.map((e) => e.range.start.offset)).toEqual([4, source.indexOf('A', 20)]);
  });

  it('finds nothing to rename on a field', () => {
    expect(renameAt(file, source.indexOf('f'), 'g')).toMatchObject({ ok: false });
  });
});
