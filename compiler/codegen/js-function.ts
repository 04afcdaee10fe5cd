import type { Scorer } from '../../core/score-result.js';
import { toInstant } from '../../core/time.js';
import type { Program } from '../program.js';
import { generateScorerSource } from './js-scorer.js';

/**
 * Turns a program into a scorer in this process (CLI scoring, the
 * playground). The generated source is the same as in a compiled module; it
 * is instantiated once per program, not per lead. Every string and name in it
 * is a quoted literal, so instantiating it runs nothing the rule file wrote.
 */
export function instantiateScorer(program: Program, timeZone?: string): Scorer {
  const source = generateScorerSource(program);
  const toMillis = (value: unknown): number => toInstant(value, timeZone) ?? NaN;
  const factory = new Function('toMillis', `"use strict";\n${source}\nreturn { score, explain };`) as (
    toMillis: (v: unknown) => number,
  ) => Scorer;
  return factory(toMillis);
}
