/** Every path in `on … where` names a property of that event type (never `type`, `at` or `lead_id`). */
import { pathText } from '../../grammar/ast.js';
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';
import { suggestedPaths, withSuggestions } from './context.js';
import { didYouMean } from '../suggest.js';
import { describeType, kindList } from './typing.js';

const ENVELOPE_ADVICE: Record<string, string> = {
  type: 'the event type is the name after "on"',
  at: 'to count only recent events, write "within 30d" after the points',
  lead_id: 'every event of the rule already belongs to the lead being scored',
};

export function unknownEventProperty(ctx: CheckContext): void {
  for (const { test, scope } of ctx.tests) {
    if (scope.kind !== 'event') continue;
    const resolved = ctx.resolve(test.path, scope);
    if (resolved.kind !== 'unknown') continue;
    const written = pathText(test.path);
    const event = `"${scope.eventType}" events`;
    if (resolved.envelope) {
      ctx.report(
        error(
          'unknown-event-property',
          `"${resolved.missing}" is not a property of ${event}: where sees only the event's own properties, not type, at or lead_id — ${ENVELOPE_ADVICE[resolved.missing] ?? 'remove this test'}`,
          test.path.range,
          { params: { kind: 'envelope', property: resolved.missing, event: scope.eventType } },
        ),
      );
      continue;
    }
    if (resolved.parentType) {
      ctx.report(
        error(
          'unknown-event-property',
          `unknown property "${written}" of ${event}: "${resolved.parent}" is ${describeType(resolved.parentType)} and has no properties — write "${resolved.parent}" alone`,
          test.path.range,
          {
            params: {
              kind: 'not-an-object',
              path: written,
              event: scope.eventType,
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
      ? `"${resolved.parent}" has no property "${resolved.missing}"`
      : `${event} have no such property`;
    const advice =
      suggestions.length > 0
        ? didYouMean(suggestions, 'clause')
        : resolved.candidates.length > 0
          ? ` (properties: ${resolved.candidates.join(', ')})`
          : ` — declare it in ${ctx.schemaName}`;
    ctx.report(
      error(
        'unknown-event-property',
        `unknown property "${written}": ${where} in ${ctx.schemaName}${advice}`,
        test.path.range,
        {
          ...withSuggestions(suggestions),
          params: {
            kind: 'unknown',
            path: written,
            event: scope.eventType,
            schema: ctx.schemaName,
            missing: resolved.missing,
            ...(resolved.parent && { parent: resolved.parent }),
            ...(resolved.candidates.length > 0 && { candidates: resolved.candidates.join(', ') }),
          },
        },
      ),
    );
  }
}
