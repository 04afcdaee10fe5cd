import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextIndex } from '../../../compiler/language-service/positions.js';
import { LineMap } from '../../../grammar/range.js';

const text = fc
  .array(fc.constantFrom('a', '役', '𠮷', ' ', '\n', '\r\n', '\r', '　', '"'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('TextIndex (UTF-16 positions, as LSP counts)', () => {
  it('agrees with the grammar’s 1-based LineMap and round-trips every offset outside a \\r\\n', () => {
    fc.assert(
      fc.property(text, (source) => {
        const index = new TextIndex(source);
        const lines = new LineMap(source);
        for (let offset = 0; offset <= source.length; offset++) {
          const position = index.positionAt(offset);
          expect({ line: position.line + 1, column: position.character + 1 }).toEqual({
            line: lines.position(offset).line,
            column: lines.position(offset).column,
          });
          if (source[offset - 1] === '\r' && source[offset] === '\n') continue;
          expect(index.offsetAt(position)).toBe(offset);
        }
      }),
    );
  });

  it('counts a character beyond the BMP as two units and clamps positions past a line’s end', () => {
    const index = new TextIndex('𠮷田 x\r\nnext');
    expect(index.positionAt(4)).toEqual({ line: 0, character: 4, offset: 4 });
    expect(index.offsetAt({ line: 0, character: 99 })).toBe(5);
    expect(index.offsetAt({ line: 1, character: 2 })).toBe(9);
    expect(index.offsetAt({ line: 9, character: 0 })).toBe(11);
  });
});
