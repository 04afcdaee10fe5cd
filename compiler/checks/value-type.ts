/** Each value fits its field's type: numbers for number fields, text for text fields, true/false for yes/no fields. */
import { error } from '../../grammar/diagnostic.js';
import type { Value } from '../../grammar/ast.js';
import type { FieldType } from '../schema/model.js';
import type { CheckContext, ValueSite } from './context.js';
import { admits, allowedValues, describeKind, describeType, describeValue, ORDERING, showValue } from './typing.js';

function written(value: Value): string {
  return value.kind === 'string' ? value.value : value.kind === 'number' ? value.raw : String(value.value);
}

/** What to write instead, by the type the value must have. */
function hint(expected: FieldType, value: Value): string {
  if (admits(expected, 'number')) return 'write a number, e.g. 100';
  if (admits(expected, 'string')) {
    const allowed = allowedValues(expected);
    if (allowed && allowed.length > 0) {
      const shown = allowed.slice(0, 6).map((v) => (typeof v === 'string' ? v : showValue(v)));
      return `write one of its values (${shown.join(', ')}${allowed.length > 6 ? ', …' : ''})`;
    }
    return `write text in quotes, e.g. "${written(value)}"`;
  }
  if (admits(expected, 'boolean')) return 'write true or false';
  return 'change the value';
}

function message({ value, test, expected, field, role, list }: ValueSite): string {
  const what = list ? describeValue(value).replace(' is ', ` in list "${list.name.name}" is `) : describeValue(value);
  switch (role) {
    case 'compare':
      if (test.kind === 'compare' && ORDERING.has(test.op)) {
        return `ordering (${test.op}) needs a number, but ${what} — write a number, e.g. ${field} ${test.op} 100`;
      }
      return `${what}, but "${field}" is ${describeType(expected)} — ${hint(expected, value)}`;
    case 'element':
      return `${what}, but "${field}" is ${describeType(expected)} — ${hint(expected, value)}`;
    case 'substring':
      return `contains on the text field "${field}" looks for text, but ${what} — write it in quotes: "${written(value)}"`;
    case 'item':
      return `${what}, but the items of "${field}" are ${describeKind(expected)} — ${hint(expected, value)}`;
  }
}

export function valueType(ctx: CheckContext): void {
  for (const site of ctx.valueSites()) {
    if (admits(site.expected, site.value.kind)) continue;
    ctx.report(error('value-type', message(site), site.value.range));
  }
}
