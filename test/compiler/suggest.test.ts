import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../compiler/suggest.js';

describe('suggest', () => {
  it('prefers a case-insensitive exact match', () => {
    expect(suggest('Employees', ['employee', 'employees'])).toEqual(['employees']);
  });
  it('finds near names, nearest first, at most 3', () => {
    expect(suggest('emploees', ['email', 'employees', 'role'])).toEqual(['employees']);
    expect(suggest('rloe', ['role'])).toEqual(['role']); // a swap costs 1
    expect(suggest('abcd', ['abce', 'abcf', 'abcg', 'abch', 'xyz'])).toEqual(['abce', 'abcf', 'abcg']);
    expect(suggest('x', ['y', 'xx', 'abc'])).toEqual(['y', 'xx']);
  });
  it('works on Japanese names by code point', () => {
    expect(suggest('部帳', ['役員', '部長', '課長'])).toEqual(['部長']);
    expect(suggest('情報通信', ['製造業', '情報通信業'])).toEqual(['情報通信業']);
  });
  it('suggests nothing when nothing is close', () => {
    expect(suggest('industry', ['role', 'email'])).toEqual([]);
    expect(didYouMean([])).toBe('');
    expect(didYouMean(['a', 'b'])).toBe(' (did you mean "a" or "b"?)');
  });
  it('computes edit distances', () => {
    expect(editDistance([...'kitten'], [...'sitting'])).toBe(3);
    expect(editDistance([...'ca'], [...'abc'])).toBe(3);
    expect(editDistance([], [...'abc'])).toBe(3);
  });
});
