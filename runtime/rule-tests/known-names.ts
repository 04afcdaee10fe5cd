import type { Program } from '../../compiler/program.js';

/**
 * The names a test may refer to: reason names (labels, or the source text of
 * unlabeled rules), groups and tiers. A test that names something the rule
 * file does not have is a typo, and must not pass silently (a misspelt
 * `not_fired` name would otherwise always pass).
 */
export interface KnownNames {
  readonly rules: readonly string[];
  readonly groups: readonly string[];
  readonly tiers: readonly string[];
}

export function knownNames(program: Program): KnownNames {
  return {
    rules: [...new Set(program.rules.map((r) => r.reasonText))],
    groups: program.groups.map((g) => g.name.name),
    tiers: program.tiers.map((t) => t.name.name),
  };
}
