/** No group is named like a lead field, since a tier condition could not tell the two apart. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function groupShadowsField(ctx: CheckContext): void {
  const fields = ctx.schema?.lead.properties;
  if (!fields) return;
  for (const statement of ctx.file.statements) {
    if (statement.kind !== 'group' || !fields.has(statement.name.name)) continue;
    const name = statement.name.name;
    ctx.report(
      error(
        'group-shadows-field',
        `group "${name}" has the name of a lead field: in a tier condition "${name}" could mean either — rename the group`,
        statement.name.range,
        { params: { group: name } },
      ),
    );
  }
}
