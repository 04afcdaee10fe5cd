/**
 * Every diagnostic code, with its severity, the section of docs/language.md
 * that explains it, and a one-line summary in English. The code is the key a
 * user, a test or an editor matches on; messages are built where the problem
 * is found. A translated message catalogue hangs off the same keys
 * (`Record<DiagnosticCode, (params) => string>`), so a code cannot be missed.
 * test/compiler/diagnostic-catalogue.test.ts keeps this and the tables of
 * docs/language.md#15-diagnostics equal.
 */

export interface CatalogueEntry {
  /** `error` stops scoring and compiling; `warning` does not (unless `--strict`). */
  readonly severity: 'error' | 'warning';
  /** The table of docs/language.md#15-diagnostics it is listed in. */
  readonly section: 'syntax' | 'schema' | 'rules' | 'warnings' | 'sql';
  readonly summary: string;
}

const SECTION_ANCHORS: Readonly<Record<CatalogueEntry['section'], string>> = {
  syntax: 'syntax-errors',
  schema: 'the-schema-file-errors',
  rules: 'rules-errors',
  warnings: 'warnings',
  sql: 'the-sql-target-errors',
};

const syntax = (summary: string): CatalogueEntry => ({ severity: 'error', section: 'syntax', summary });
const schema = (summary: string): CatalogueEntry => ({ severity: 'error', section: 'schema', summary });
const rule = (summary: string): CatalogueEntry => ({ severity: 'error', section: 'rules', summary });
const warn = (summary: string): CatalogueEntry => ({ severity: 'warning', section: 'warnings', summary });
const sql = (summary: string): CatalogueEntry => ({ severity: 'error', section: 'sql', summary });

export const DIAGNOSTIC_CATALOGUE = {
  syntax: syntax('the text does not follow the grammar'),
  'unexpected-character': syntax('a character that cannot start anything'),
  'unterminated-string': syntax('a string whose closing quote is missing on its line'),
  'bad-escape': syntax('an unknown or incomplete backslash escape in a string'),
  'bad-points': syntax('malformed points'),
  'bad-duration': syntax('a duration with an unknown unit'),
  'too-many-errors': syntax('the parser gave up on a file that is mostly not rules'),

  'schema-not-found': schema('the schema file does not exist or cannot be read'),
  'schema-json-syntax': schema('the schema file is not valid JSON'),
  'schema-shape': schema('the schema file is not {"lead": …, "events": …} (an unknown top-level key is a warning)'),
  'schema-invalid': schema('lead or an event schema is not a valid JSON Schema'),

  'unknown-field': rule('a lead field the schema does not declare'),
  'unknown-event-type': rule('an event type not in the schema'),
  'unknown-event-property': rule('a where property the event type does not declare'),
  'operator-type': rule("an operator that does not fit the field's type"),
  'value-type': rule('a value of the wrong type for the field'),
  'enum-value': rule("a value outside the field's enum"),
  'duplicate-group': rule('two groups with the same name'),
  'duplicate-let': rule('two let lists with the same name'),
  'duplicate-tier': rule('two tiers with the same name'),
  'unknown-list': rule('in NAME where no let NAME exists'),
  'group-shadows-field': rule('a group named like a lead field'),
  'otherwise-not-last': rule('a tier after tier … otherwise'),
  'max-without-each': rule('max on an on rule without each'),
  'duplicate-modifier': rule('each, max or within twice on one rule'),
  'duplicate-schema': rule('a second schema statement'),
  'schema-after-rule': rule('schema after a rule'),
  'group-min-above-max': rule('a group whose min is greater than its max'),
  'duplicate-group-limit': rule('max or min given twice on one group'),
  'number-out-of-range': rule('a number no engine can be trusted to compute exactly and alike'),
  'per-without-each': rule('max … per day/week/month on an on rule without each'),
  'decay-percent-range': rule('a decay percentage outside 1–100'),
  'decay-step-zero': rule('decay … every a duration of zero'),
  'duplicate-since-last': rule('since last twice on one group'),

  'unreachable-tier': warn('a tier an earlier tier always wins over'),
  'group-max-below-points': warn("a group's max is smaller than one of its rules' points"),
  'duplicate-condition': warn("a rule repeats an earlier rule's condition exactly"),
  'no-schema': warn('the file has no schema: nothing is type-checked'),
  'decay-never-applies': warn(
    'decay … every D with within D2 and D >= D2: every counted event is younger than one step',
  ),
  'cap-never-applies': warn('max M per P beside a plain max M2 with M >= M2: the plain max always caps first'),
  'reset-hides-rule': warn('on T inside a group with since last T: the group never sees a T event'),
  'reset-never-applies': warn('since last on a group with only when rules'),

  'sql-needs-schema': sql('the SQL target needs a schema'),
  'sql-untyped-path': sql('a path the SQL target reads has no single type in the schema'),
  'sql-column-clash': sql('a group would be an output column named like another, ignoring case'),
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CATALOGUE;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.hasOwn(DIAGNOSTIC_CATALOGUE, code);
}

/** Where a code is explained, relative to the repository root. */
export function docsAnchor(code: DiagnosticCode): string {
  return `docs/language.md#${SECTION_ANCHORS[DIAGNOSTIC_CATALOGUE[code].section]}`;
}
