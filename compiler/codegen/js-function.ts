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
  return instantiate<Scorer>(generateScorerSource(program), 'score, explain', timeZone);
}

/** The scorer plus `nextChange` (next-change.ts), for the live service. */
export function instantiateLiveScorer(program: Program, timeZone?: string): LiveScorer {
  const source = `${generateScorerSource(program)}\n${generateNextChangeSource(program)}`;
  return instantiate<LiveScorer>(source, 'score, explain, nextChange', timeZone);
}

/** One place that puts the helpers in scope, so every scorer gets all of them. */
function instantiate<T>(source: string, exported: string, timeZone: string | undefined): T {
  const toMillis = (value: unknown): number => toInstant(value, timeZone) ?? NaN;
  const localDay = (ms: number): number => localDayNumber(ms, timeZone);
  const factory = new Function(
    'toMillis',
    'localDay',
    'weekOfDay',
    'monthOfDay',
    `"use strict";\n${source}\nreturn { ${exported} };`,
  ) as (...helpers: Helpers) => T;
  return factory(toMillis, localDay, weekOfDay, monthOfDay);
}
