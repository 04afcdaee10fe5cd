/** A group has at most one `max` and at most one `min`. */
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function duplicateGroupLimit(ctx: CheckContext): void {
  for (const statement of ctx.file.statements) {
    if (statement.kind !== 'group') continue;
    const seen = new Set<string>();
    for (const limit of statement.limits) {
      if (!seen.has(limit.kind)) {
        seen.add(limit.kind);
        continue;
      }
      ctx.report(
        error(
          'duplicate-group-limit',
          `group "${statement.name.name}" already has a ${limit.kind} — keep only one ${limit.kind}`,
          limit.range,
          { params: { group: statement.name.name, limit: limit.kind } },
        ),
      );
    }
  }
}
