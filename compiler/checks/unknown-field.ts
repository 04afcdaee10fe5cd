/** Every path in a `when` rule or a tier condition names a lead field (or, in a tier, the score or a group). */
import { pathText } from '../../grammar/ast.js';
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';
import { suggestedPaths, withSuggestions } from './context.js';
import { didYouMean } from '../suggest.js';
import { describeType, kindList } from './typing.js';

export function unknownField(ctx: CheckContext): void {
  for (const { test, scope } of ctx.tests) {
    if (scope.kind === 'event') continue;
    const resolved = ctx.resolve(test.path, scope);
    if (resolved.kind !== 'unknown') continue;
    const written = pathText(test.path);
    if (resolved.parentType) {
      ctx.report(
        error(
          'unknown-field',
          `unknown field "${written}": "${resolved.parent}" is ${describeType(resolved.parentType)} and has no properties — write "${resolved.parent}" alone`,
          test.path.range,
          {
            params: {
              kind: 'not-an-object',
              field: written,
              schema: ctx.schemaName,
              parent: resolved.parent ?? '',
              parentKinds: kindList(resolved.parentType),
            },
          },
        ),
      );
      continue;
    }
    const suggestions = suggestedPaths(test.path, resolved);
    const where = resolved.parent
      ? `"${resolved.parent}" has no property "${resolved.missing}" in ${ctx.schemaName}`
      : scope.kind === 'tier'
        ? `a tier condition sees the score, group subtotals and lead fields, and leads have no such field in ${ctx.schemaName}`
        : `leads have no such field in ${ctx.schemaName}`;
    ctx.report(
      error(
        'unknown-field',
        `unknown field "${written}": ${where}${didYouMean(suggestions, 'clause')}`,
        test.path.range,
        {
          ...withSuggestions(suggestions),
          params: { field: written, schema: ctx.schemaName },
        },
      ),
    );
  }
}
