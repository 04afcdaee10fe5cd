/**
 * One pass of the playground as stages over one state object: check (the
 * schema, then the rules) → prepare the data (again only when the data or the
 * schema text changed) → score. Each stage reads and writes `PipelineState`
 * and returns what the page must show; this file touches no DOM and no
 * globals, so the order of a pass is read here and the rendering in app.ts.
 */
import type { CheckedSource } from '../../compiler/check-source.js';
import { loadSchema, type LoadedSchema } from '../../compiler/schema/load-schema.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import { checkRules, SCHEMA_FILE } from './engine/check.js';
import { prepareData, type PreparedData } from './engine/prepare.js';
import type { RawDataset } from './engine/raw-data.js';
import { scoreAll, TIME_ZONE, type ScoreRun } from './engine/score-all.js';

export interface PipelineState {
  /** The sample as read from its files. */
  raw?: RawDataset;
  /** The sample prepared against the last schema that loaded without errors, and what it was prepared from. */
  prepared?: PreparedData;
  preparedFor?: { readonly raw: RawDataset; readonly schemaText: string };
  /** The last schema that loaded (kept while later edits break it, so completions keep working). */
  schema?: LoadedSchema['model'];
  /** The latest check of the rules and the latest scoring of the sample. */
  checked?: CheckedSource;
  run?: ScoreRun;
}

export interface CheckOutcome {
  readonly loaded: LoadedSchema;
  readonly checked: CheckedSource;
  /** The rule file's own diagnostics (the schema's are in `loaded`). */
  readonly ruleDiagnostics: readonly Diagnostic[];
  /** The rules have errors, or the schema they need does: nothing is scored. */
  readonly blocked: boolean;
  /** Rules that are fine but checked against a broken schema: the schema is to blame, not the rules. */
  readonly schemaBroken: boolean;
  readonly ruleErrors: number;
}

export function checkStage(state: PipelineState, rulesText: string, schemaText: string): CheckOutcome {
  const loaded = loadSchema(schemaText, SCHEMA_FILE);
  if (loaded.model) state.schema = loaded.model;
  const checked = checkRules(rulesText, schemaText);
  state.checked = checked;
  const ruleDiagnostics = checked.diagnostics.filter((d) => d.file === undefined);
  const ruleErrors = ruleDiagnostics.filter((d) => d.severity === 'error').length;
  const schemaErrors = loaded.diagnostics.some((d) => d.severity === 'error');
  return {
    loaded,
    checked,
    ruleDiagnostics,
    blocked: !checked.program,
    schemaBroken: ruleErrors === 0 && schemaErrors,
    ruleErrors,
  };
}

/** Prepares the sample when the data or the schema text changed; true when it did. */
export function prepareStage(state: PipelineState, schemaText: string, loaded: LoadedSchema): boolean {
  const raw = state.raw;
  if (!raw) return false;
  if (state.preparedFor?.raw === raw && state.preparedFor.schemaText === schemaText) return false;
  // A schema with errors is not applied: the data stays prepared with the last good one.
  const schema = loaded.model && !loaded.diagnostics.some((d) => d.severity === 'error') ? loaded.model : undefined;
  if (state.preparedFor?.raw === raw && !schema) return false;
  state.prepared = prepareData(raw, schema, TIME_ZONE);
  state.preparedFor = { raw, schemaText };
  return true;
}

/** Scores the prepared sample with the checked program; undefined when either is missing. */
export function scoreStage(state: PipelineState, now: number): ScoreRun | undefined {
  if (!state.checked?.program || !state.prepared) return undefined;
  state.run = scoreAll(state.checked.program, state.prepared.leads, now);
  return state.run;
}
