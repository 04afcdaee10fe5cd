/** Every tier can match some lead: no earlier tier (an `otherwise`, a lower or equal threshold, the same condition) always wins over it. */
import { warning, type DiagnosticParams } from '../../grammar/diagnostic.js';
import type { TierStatement } from '../../grammar/ast.js';
import type { CheckContext } from './context.js';
import { sameCondition } from './equality.js';

export function unreachableTier(ctx: CheckContext): void {
  let otherwise: TierStatement | undefined;
  let lowest: { tier: TierStatement; value: number } | undefined;
  const conditional: TierStatement[] = [];
  for (const tier of ctx.tiers) {
    const name = `tier "${tier.name.name}"`;
    const report = (why: string, params: DiagnosticParams): void =>
      ctx.report(
        warning('unreachable-tier', `${name} can never match: ${why}`, tier.name.range, {
          params: { tier: tier.name.name, ...params },
        }),
      );
    const test = tier.test;
    if (otherwise) {
      report(
        `tier "${otherwise.name.name}" above it is "otherwise" and matches every lead first — move "otherwise" to the end`,
        { kind: 'after-otherwise', other: otherwise.name.name },
      );
      continue;
    }
    switch (test.kind) {
      case 'otherwise':
        otherwise = tier;
        break;
      case 'threshold': {
        const value = test.threshold.value;
        if (lowest && lowest.value <= value) {
          report(
            `every score of ${test.threshold.raw} or more already matches tier "${lowest.tier.name.name}" (>= ${lowest.value}) above it — order the tiers from the highest threshold down`,
            {
              kind: 'threshold',
              threshold: test.threshold.raw,
              other: lowest.tier.name.name,
              otherThreshold: lowest.value,
            },
          );
        } else if (!lowest || value < lowest.value) {
          lowest = { tier, value };
        }
        break;
      }
      case 'when': {
        const same = conditional.find((t) => t.test.kind === 'when' && sameCondition(t.test.condition, test.condition));
        if (same) {
          report(
            `its condition is the same as that of tier "${same.name.name}" on line ${same.range.start.line} — change or remove one of them`,
            { kind: 'same-condition', other: same.name.name, line: same.range.start.line },
          );
        } else {
          conditional.push(tier);
        }
        break;
      }
    }
  }
}
