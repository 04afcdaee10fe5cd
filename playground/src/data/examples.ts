/**
 * The bundled example: the repository's own model, schema and generated
 * data. Rules and schema are small and go in the bundle as text; the data
 * files are emitted as assets and fetched and parsed by the worker.
 */
import rules from '../../../rules/b2b-saas.score?raw';
import schema from '../../../rules/lead.schema.json?raw';
import leadsUrl from '../../../examples/leads.jsonl?url';
import eventsUrl from '../../../examples/events.jsonl?url';

export const EXAMPLE_RULES: string = rules;
export const EXAMPLE_SCHEMA: string = schema;
export const EXAMPLE_DATA_FILES = [
  { name: 'leads.jsonl', url: leadsUrl },
  { name: 'events.jsonl', url: eventsUrl },
] as const;
/** The as-of instant the repository's docs use for the example data. */
export const EXAMPLE_AS_OF = '2026-11-01T00:00';
