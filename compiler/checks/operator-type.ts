/** Each operator fits its field's type: ordering needs a number, `contains` text or a list, a bare path a yes/no field. */
import { pathText } from '../../grammar/ast.js';
import { error } from '../../grammar/diagnostic.js';
import type { CheckContext } from './context.js';
import { operatorMismatch, operatorMismatchParams } from './typing.js';

export function operatorType(ctx: CheckContext): void {
  for (const { test, scope } of ctx.tests) {
    const type = ctx.typeOf(test.path, scope);
    if (!type) continue;
    const path = pathText(test.path);
    const problem = operatorMismatch(test, type, path);
    if (problem === undefined) continue;
    ctx.report(error('operator-type', problem, test.path.range, { params: operatorMismatchParams(test, type, path) }));
  }
}
