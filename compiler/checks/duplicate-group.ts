/** Each group name is defined once. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function duplicateGroup(ctx: CheckContext): void {
  for (const statement of ctx.file.statements) {
    if (statement.kind !== 'group') continue;
    const first = ctx.groups.get(statement.name.name);
    if (!first || first === statement) continue;
    ctx.report(
      error(
        'duplicate-group',
        `group "${statement.name.name}" is already defined on line ${first.name.range.start.line} — give this group another name or move its rules into the first one`,
        statement.name.range,
        { params: { name: statement.name.name, line: first.name.range.start.line } },
      ),
    );
  }
}
