import type { LiveScorer, Scorer } from '../../core/score-result.js';
import { localDayNumber, monthOfDay, toInstant, weekOfDay } from '../../core/time.js';
import type { Program } from '../program.js';
import { generateScorerSource } from './js-scorer.js';
import { generateNextChangeSource } from './next-change.js';

/** What the generated source expects in scope besides itself. */
type Helpers = [
  toMillis: (v: unknown) => number,
  localDay: (ms: number) => number,
  weekOfDay: (day: number) => number,
  monthOfDay: (day: number) => number,
];

/**
 * Turns a program into a scorer in this process (CLI scoring, the
 * playground). The generated source is the same as in a compiled module; it
 * is instantiated once per program, not per lead. Every string and name in it
 * is a quoted literal, so instantiating it runs nothing the rule file wrote.
 */
export function instantiateScorer(program: Program, timeZone?: string): Scorer {
  const source = generateScorerSource(program);
  const toMillis = (value: unknown): number => toInstant(value, timeZone) ?? NaN;
  const localDay = (ms: number): number => localDayNumber(ms, timeZone);
  const factory = new Function(
    'toMillis',
    'localDay',
    'weekOfDay',
    'monthOfDay',
    `"use strict";\n${source}\nreturn { score, explain };`,
  ) as (...helpers: Helpers) => Scorer;
  return factory(toMillis, localDay, weekOfDay, monthOfDay);
}

/** The scorer plus `nextChange` (next-change.ts), for the live service; the same helpers as `instantiateScorer`. */
export function instantiateLiveScorer(program: Program, timeZone?: string): LiveScorer {
  const source = `${generateScorerSource(program)}\n${generateNextChangeSource(program)}`;
  const toMillis = (value: unknown): number => toInstant(value, timeZone) ?? NaN;
  const localDay = (ms: number): number => localDayNumber(ms, timeZone);
  const factory = new Function(
    'toMillis',
    'localDay',
    'weekOfDay',
    'monthOfDay',
    `"use strict";\n${source}\nreturn { score, explain, nextChange };`,
  ) as (...helpers: Helpers) => LiveScorer;
  return factory(toMillis, localDay, weekOfDay, monthOfDay);
}
