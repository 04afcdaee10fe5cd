/** Every `on` rule and every `since last` names an event type that the schema defines. */
import { error } from '../../grammar/diagnostic.js';
import { suggest } from '../suggest.js';
import type { CheckContext } from './context.js';
import { withSuggestions } from './context.js';
import { didYouMean } from '../suggest.js';

export function unknownEventType(ctx: CheckContext): void {
  const schema = ctx.schema;
  if (!schema) return;
  const names = [
    ...ctx.file.statements.flatMap((s) => (s.kind === 'group' ? s.resets.map((r) => r.eventType) : [])),
    ...ctx.rules.flatMap(({ rule }) => (rule.kind === 'on' ? [rule.eventType] : [])),
  ].sort((a, b) => a.range.start.offset - b.range.start.offset);
  for (const eventType of names) {
    if (schema.events.has(eventType.name)) continue;
    const name = eventType.name;
    const suggestions = suggest(name, schema.events.keys());
    const advice =
      suggestions.length > 0
        ? didYouMean(suggestions, 'clause')
        : ` — check the spelling or add it under "events" in ${ctx.schemaName}`;
    ctx.report(
      error(
        'unknown-event-type',
        `unknown event type "${name}": ${ctx.schemaName} defines no such event${advice}`,
        eventType.range,
        { ...withSuggestions(suggestions), params: { event: name, schema: ctx.schemaName } },
      ),
    );
  }
}
