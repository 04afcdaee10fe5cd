/** Every `in NAME` names a list defined with `let`. */
import { error } from '../../grammar/diagnostic.js';
import { suggest } from '../suggest.js';
import type { CheckContext } from './context.js';
import { withSuggestions } from './context.js';
import { didYouMean } from '../suggest.js';

export function unknownList(ctx: CheckContext): void {
  for (const { test } of ctx.tests) {
    if (test.kind !== 'in' || test.list.kind !== 'identifier' || ctx.lets.has(test.list.name)) continue;
    const name = test.list.name;
    const suggestions = suggest(name, ctx.lets.keys());
    const advice =
      suggestions.length > 0
        ? didYouMean(suggestions, 'clause')
        : ` — define it with let ${name} = [...] or write the values in place, e.g. [a, b]`;
    ctx.report(
      error('unknown-list', `unknown list "${name}": no let defines it${advice}`, test.list.range, {
        ...withSuggestions(suggestions),
        params: { list: name },
      }),
    );
  }
}
