/** Each `let` list name is defined once. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function duplicateLet(ctx: CheckContext): void {
  for (const statement of ctx.file.statements) {
    if (statement.kind !== 'let') continue;
    const first = ctx.lets.get(statement.name.name);
    if (!first || first === statement) continue;
    ctx.report(
      error(
        'duplicate-let',
        `list "${statement.name.name}" is already defined on line ${first.name.range.start.line} — give this list another name or merge the two`,
        statement.name.range,
        { params: { name: statement.name.name, line: first.name.range.start.line } },
      ),
    );
  }
}
