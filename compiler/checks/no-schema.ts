/** A file names a schema, since without one nothing is type-checked. */
import { warning } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';

export function noSchema(ctx: CheckContext): void {
  if (ctx.file.statements.some((s) => s.kind === 'schema')) return;
  const start = { offset: 0, line: 1, column: 1 };
  ctx.report(
    warning('no-schema', 'this file names no schema, so nothing is type-checked; add schema "./lead.schema.json"', {
      start,
      end: start,
    }),
  );
}
