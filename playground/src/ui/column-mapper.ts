import { h } from '../dom.js';
import type { ColumnMapping } from '../engine/column-mapping.js';
import type { MappingOffer } from '../engine/prepare.js';
import { ds } from './data-strings.js';

/**
 * For each file whose columns are not named after the schema's fields: one
 * select per unmatched field, pre-filled with the mapping in use or the
 * guess, and 「適用」 to use it.
 */
export function columnMapper(
  offer: MappingOffer,
  onApply: (file: string, mapping: ColumnMapping) => void,
): HTMLElement {
  const current = offer.applied ?? offer.guess;
  const selects = offer.fields.map((field) => {
    const select = h(
      'select',
      { 'data-field': field.name, 'aria-label': field.name },
      h('option', { value: '' }, ds().mappingNone),
      ...offer.columns.map((c) => h('option', { value: c }, c)),
    );
    select.value = Object.hasOwn(current, field.name) ? current[field.name]! : '';
    const label = field.labels.length > 0 ? `${field.name} (${field.labels[0]})` : field.name;
    return {
      field,
      select,
      row: h(
        'label',
        { class: 'mapping-row' },
        h('span', {}, label, field.required ? h('em', {}, ` ${ds().required}`) : null),
        select,
      ),
    };
  });
  const apply = h('button', { type: 'button', 'data-testid': 'mapping-apply' }, ds().apply);
  apply.addEventListener('click', () => {
    const mapping: Record<string, string> = {};
    for (const { field, select } of selects)
      if (select.value !== '')
        Object.defineProperty(mapping, field.name, {
          value: select.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    onApply(offer.file, mapping);
  });
  return h(
    'fieldset',
    { class: 'column-mapping', 'data-testid': 'column-mapping', 'data-file': offer.file },
    h('legend', {}, ds().mappingTitle(offer.file), offer.applied ? ` — ${ds().appliedNote}` : ''),
    h('p', { class: 'hint' }, ds().mappingHint),
    ...selects.map((s) => s.row),
    apply,
  );
}
