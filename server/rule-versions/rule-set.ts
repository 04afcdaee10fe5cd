import { createHash } from 'node:crypto';
import { instantiateLiveScorer } from '../../compiler/codegen/js-function.js';
import { checkSource, type SchemaHost } from '../../compiler/check-source.js';
import type { Program } from '../../compiler/program.js';
import { compileValidators, type Validators } from '../../compiler/schema/validators.js';
import type { Diagnostic } from '../../grammar/diagnostic.js';
import type { LiveScorer } from '../../core/score-result.js';

/** One version of the rules, compiled once and used for every lead it scores. */
export interface RuleSet {
  /** Hex SHA-256 of the rule file's bytes. */
  readonly version: string;
  readonly source: string;
  readonly program: Program;
  readonly scorer: LiveScorer;
  readonly validators?: Validators;
  /** The schema as read when this version was loaded, so another process can compile the same version. */
  readonly schema?: { readonly file: string; readonly text: string };
}

export type RuleSetResult =
  | { readonly ok: true; readonly rules: RuleSet; readonly warnings: Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

export function rulesVersionOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Checks and compiles rule text; the schema comes from `host` (the disk beside RULES, or a stored copy). */
export function compileRuleSet(bytes: Uint8Array, host: SchemaHost, timeZone: string | undefined): RuleSetResult {
  const source = new TextDecoder('utf-8').decode(bytes);
  let schema: { file: string; text: string } | undefined;
  const recording: SchemaHost = {
    readSchema(path) {
      const read = host.readSchema(path);
      if (read) schema = { file: read.file, text: read.text };
      return read;
    },
  };
  const checked = checkSource(source, recording);
  if (!checked.program) return { ok: false, diagnostics: checked.diagnostics };
  return {
    ok: true,
    warnings: checked.diagnostics,
    rules: {
      version: rulesVersionOf(bytes),
      source,
      program: checked.program,
      scorer: instantiateLiveScorer(checked.program, timeZone),
      ...(checked.schema && { validators: compileValidators(checked.schema) }),
      ...(schema && { schema }),
    },
  };
}
