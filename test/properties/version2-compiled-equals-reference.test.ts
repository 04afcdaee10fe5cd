import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { referenceScore } from '../helpers/reference-interpreter.js';
import { eventsArbV2, NOW_V2, programTextV2, ZONES } from '../helpers/arbitraries-v2.js';

const noSchema = { readSchema: () => undefined };

describe('version 2: the compiled scorer agrees with the reference interpreter', () => {
  it('on random programs with decay, caps per period and resets, in several zones, at steps, period edges and DST changes', () => {
    const zoneAndEvents = fc
      .constantFrom(...ZONES)
      .chain((zone) => fc.tuple(fc.constant(zone), fc.array(eventsArbV2(zone), { minLength: 1, maxLength: 4 })));
    fc.assert(
      fc.property(programTextV2, zoneAndEvents, (source, [zone, cases]) => {
        const checked = checkSource(source, noSchema);
        expect(
          checked.diagnostics.filter((d) => d.severity === 'error'),
          source,
        ).toEqual([]);
        const scorer = instantiateScorer(checked.program!, zone);
        for (const events of cases) {
          const expected = referenceScore(checked.program!, { id: 'L' }, events, NOW_V2, zone);
          expect(scorer.explain({ id: 'L' }, events, NOW_V2)).toEqual(expected);
          const { reasons: _, ...fast } = expected;
          expect(scorer.score({ id: 'L' }, events, NOW_V2)).toEqual(fast);
        }
      }),
      { numRuns: 400 },
    );
  });
});
