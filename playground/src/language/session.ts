import type { CheckedSource } from '../../../compiler/check-source.js';
import type { SchemaModel } from '../../../compiler/schema/model.js';
import type { ScoreRun } from '../engine/score-all.js';

/**
 * What the language features read: the latest check of the rules, the
 * latest schema that loaded (kept while the rules have errors, so
 * completions keep working mid-edit) and the latest scoring of the sample.
 */
export interface LanguageSession {
  checked?: CheckedSource;
  schema?: SchemaModel;
  run?: ScoreRun;
}

export const session: LanguageSession = {};

/** The language features answer for the working copy only, not for the diff baseline shown beside it. */
export const WORKING_COPY_URI = 'inmemory://playground/rules.score';

export function isWorkingCopy(model: { uri: { toString(): string } }): boolean {
  return model.uri.toString() === WORKING_COPY_URI;
}
