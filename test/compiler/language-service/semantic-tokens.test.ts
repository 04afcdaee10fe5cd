import { describe, expect, it } from 'vitest';
import { semanticTokens } from '../../../compiler/language-service/semantic-tokens.js';
import { parse } from '../../../grammar/parse.js';

describe('semanticTokens', () => {
  it('leaves names the parse does not place (contextual words, half-typed statements) to the grammar’s colouring', () => {
    const text = 'let 決裁者 = [部長]\nwhen 役職 in 決裁者 +5\nwhen decay';
    const tokens = semanticTokens(text, parse(text).file);
    const at = (line: number, character: number) => tokens.find((t) => t.line === line && t.character === character);
    expect(at(0, 4)).toMatchObject({ type: 'variable', declaration: true, length: 3 });
    expect(at(1, 5)).toMatchObject({ type: 'property' });
    expect(at(1, 11)).toMatchObject({ type: 'variable', declaration: false });
    expect(at(2, 0)).toMatchObject({ type: 'keyword' });
    expect(at(2, 5)).toBeUndefined();
  });
});
