import { describe, expect, test } from 'vitest';
import { pathText } from '../../grammar/ast.js';
import { parse } from '../../grammar/parse.js';
import { conditionsOf, forEachTest } from '../../grammar/visit.js';

const source = [
  'group g {',
  '  when a > 1 and (not b or c.d is set) +1',
  '}',
  'on page_view where url contains "/x" or n >= 2 +5',
  'after 30d inactive -1',
  'tier T when score >= 5 and g > 0',
  'tier U otherwise',
].join('\n');

describe('the walk over conditions', () => {
  const file = parse(source).file;

  test('finds every condition in source order, with the scope its paths are read in', () => {
    expect(conditionsOf(file).map((site) => site.scope)).toEqual([
      { kind: 'lead' },
      { kind: 'event', eventType: 'page_view' },
      { kind: 'tier' },
    ]);
  });

  test('visits every test in source order, through not, and, or and parentheses', () => {
    const paths = conditionsOf(file).map(({ condition }) => {
      const seen: string[] = [];
      forEachTest(condition, (t) => void seen.push(pathText(t.path)));
      return seen;
    });
    expect(paths).toEqual([
      ['a', 'b', 'c.d'],
      ['url', 'n'],
      ['score', 'g'],
    ]);
  });

  test('stops at the first test the visitor answers for', () => {
    const [first] = conditionsOf(file);
    const visited: string[] = [];
    const found = forEachTest(first!.condition, (t) => {
      visited.push(pathText(t.path));
      return pathText(t.path) === 'b' ? t : undefined;
    });
    expect(found && pathText(found.path)).toBe('b');
    expect(visited).toEqual(['a', 'b']);
  });
});
