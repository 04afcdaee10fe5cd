import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { instantiateScorer } from '../../compiler/codegen/js-function.js';
import { referenceScore } from '../helpers/reference-interpreter.js';
import { eventsArb, leadArb, NOW, programText } from '../helpers/arbitraries.js';

const noSchema = { readSchema: () => undefined };

describe('the compiled scorer agrees with the reference interpreter', () => {
  it('on random programs, leads and events (boundaries included)', () => {
    fc.assert(
      fc.property(
        programText,
        fc.array(fc.tuple(leadArb, eventsArb), { minLength: 1, maxLength: 5 }),
        (source, cases) => {
          const checked = checkSource(source, noSchema);
          const errors = checked.diagnostics.filter((d) => d.severity === 'error');
          expect(errors, source).toEqual([]);
          const scorer = instantiateScorer(checked.program!);
          for (const [lead, events] of cases) {
            const expected = referenceScore(checked.program!, lead, events, NOW);
            expect(scorer.explain(lead, events, NOW)).toEqual(expected);
            const { reasons: _, ...fast } = expected;
            expect(scorer.score(lead, events, NOW)).toEqual(fast);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
