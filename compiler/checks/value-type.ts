/** Each value fits its field's type: numbers for number fields, text for text fields, true/false for yes/no fields. */
import { error, type DiagnosticParams } from '../../grammar/diagnostic.js';
import type { Value } from '../../grammar/ast.js';
import type { FieldType } from '../schema/model.js';
import type { CheckContext, ValueSite } from './context.js';
import {
  admits,
  allowedValues,
  describeKind,
  describeType,
  describeValue,
  kindList,
  ORDERING,
  showValue,
} from './typing.js';

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

/** The key of `hint` (for translations), with the enum's first values when it names them. */
function hintParams(expected: FieldType): { hint: string; allowed?: string } {
  if (admits(expected, 'number')) return { hint: 'number' };
  if (admits(expected, 'string')) {
    const allowed = allowedValues(expected);
    if (allowed && allowed.length > 0) {
      const shown = allowed.slice(0, 6).map((v) => (typeof v === 'string' ? v : showValue(v)));
      return { hint: 'enum', allowed: `${shown.join(', ')}${allowed.length > 6 ? ', …' : ''}` };
    }
    return { hint: 'text' };
  }
  if (admits(expected, 'boolean')) return { hint: 'yes-no' };
  return { hint: 'change' };
}

/** What a translated message is built from: the role, the value as written and its kind, the field and its kinds. */
function params({ value, test, expected, field, role, list }: ValueSite): DiagnosticParams {
  const ordering = role === 'compare' && test.kind === 'compare' && ORDERING.has(test.op);
  return {
    kind: ordering ? 'ordering' : role,
    value: written(value),
    valueKind: value.kind,
    field,
    fieldKinds: kindList(expected),
    ...(test.kind === 'compare' && { op: test.op }),
    ...(list && { list: list.name.name }),
    ...hintParams(expected),
  };
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
    ctx.report(error('value-type', message(site), site.value.range, { params: params(site) }));
  }
}
