/**
 * An `on` rule writes each of `each`, `max`, `max … per`, `within` and
 * `decay` at most once (a plain `max` and a `max … per` may stand together).
 */
import { error } from '../../grammar/diagnostic.js';
import type { ModifierKind } from '../../grammar/ast.js';
import type { CheckContext } from './context.js';

const MODIFIER_WORDS: Record<ModifierKind, string> = {
  each: 'each',
  max: 'max',
  within: 'within',
  maxPer: 'max … per',
  decay: 'decay',
};

export function duplicateModifier(ctx: CheckContext): void {
  for (const { rule } of ctx.rules) {
    if (rule.kind !== 'on') continue;
    const seen = new Set<string>();
    for (const modifier of rule.modifiers) {
      if (!seen.has(modifier.kind)) {
        seen.add(modifier.kind);
        continue;
      }
      ctx.report(
        error(
          'duplicate-modifier',
          `"${MODIFIER_WORDS[modifier.kind]}" is written twice on this rule — keep only one`,
          modifier.range,
          { params: { modifier: MODIFIER_WORDS[modifier.kind] } },
        ),
      );
    }
  }
}
