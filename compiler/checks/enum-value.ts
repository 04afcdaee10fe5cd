/** Each value compared with a field that has an `enum` is one of the enum's values (elements of `let` lists included). */
import { error } from '../../grammar/diagnostic.js';
import { suggest } from '../suggest.js';
import type { CheckContext } from './context.js';
import { withSuggestions } from './context.js';
import { didYouMean } from '../suggest.js';
import { admits, allowedValues, inEnum, showValue } from './typing.js';

const SHOWN = 12;

export function enumValue(ctx: CheckContext): void {
  for (const { value, expected, field, role, list } of ctx.valueSites()) {
    if (role === 'substring') continue;
    const allowed = allowedValues(expected);
    // A value of the wrong type is a value-type error; an enum of nothing but null allows only missing.
    if (!allowed || !admits(expected, value.kind) || inEnum(value, allowed)) continue;
    const texts = allowed.map((v) => (typeof v === 'string' ? v : String(v)));
    const suggestions =
      value.kind === 'string'
        ? suggest(
            value.value,
            allowed.filter((v): v is string => typeof v === 'string'),
          )
        : [];
    const shown = `${texts.slice(0, SHOWN).join(', ')}${texts.length > SHOWN ? ', …' : ''}`;
    const from = list ? ` in list "${list.name.name}"` : '';
    const what = role === 'item' ? `an allowed item of "${field}"` : `an allowed value of "${field}"`;
    const advice =
      suggestions.length > 0
        ? didYouMean(suggestions, 'clause')
        : ` — use one of these or add it to the enum in ${ctx.schemaName}`;
    ctx.report(
      error('enum-value', `${showValue(value)}${from} is not ${what} (allowed: ${shown})${advice}`, value.range, {
        ...withSuggestions(suggestions),
        params: {
          value: value.kind === 'string' ? value.value : showValue(value),
          field,
          allowed: shown,
          ...(list && { list: list.name.name }),
        },
      }),
    );
  }
}
