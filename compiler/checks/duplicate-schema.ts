/** A file names its schema at most once. */
import { error } from '../../grammar/diagnostic.js';
import type { SchemaStatement } from '../../grammar/ast.js';
import type { CheckContext } from './context.js';

export function duplicateSchema(ctx: CheckContext): void {
  let first: SchemaStatement | undefined;
  for (const statement of ctx.file.statements) {
    if (statement.kind !== 'schema') continue;
    if (!first) {
      first = statement;
      continue;
    }
    ctx.report(
      error(
        'duplicate-schema',
        `the schema is already named on line ${first.range.start.line} — a file has one schema; remove this line`,
        statement.range,
        { params: { line: first.range.start.line } },
      ),
    );
  }
}
