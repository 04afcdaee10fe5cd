/** Every `on` rule names an event type that the schema defines. */
import { error } from '../../grammar/diagnostic.js';
import { suggest } from '../suggest.js';
import type { CheckContext } from './context.js';
import { withSuggestions } from './context.js';
import { didYouMean } from '../suggest.js';

export function unknownEventType(ctx: CheckContext): void {
  const schema = ctx.schema;
  if (!schema) return;
  for (const { rule } of ctx.rules) {
    if (rule.kind !== 'on' || schema.events.has(rule.eventType.name)) continue;
    const name = rule.eventType.name;
    const suggestions = suggest(name, schema.events.keys());
    const advice =
      suggestions.length > 0
        ? didYouMean(suggestions, 'clause')
        : ` — check the spelling or add it under "events" in ${ctx.schemaName}`;
    ctx.report(
      error(
        'unknown-event-type',
        `unknown event type "${name}": ${ctx.schemaName} defines no such event${advice}`,
        rule.eventType.range,
        { ...withSuggestions(suggestions), params: { event: name, schema: ctx.schemaName } },
      ),
    );
  }
}
