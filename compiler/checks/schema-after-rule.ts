/** The schema statement comes before every rule. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function schemaAfterRule(ctx: CheckContext): void {
  const schema = ctx.file.statements.find((s) => s.kind === 'schema');
  const firstRule = ctx.rules[0]?.rule;
  if (!schema || !firstRule || schema.range.start.offset < firstRule.range.start.offset) return;
  ctx.report(
    error(
      'schema-after-rule',
      `the schema must come before the rules, but a rule starts on line ${firstRule.range.start.line} — move this line to the top of the file`,
      schema.range,
      { params: { line: firstRule.range.start.line } },
    ),
  );
}
