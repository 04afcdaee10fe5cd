/**
 * Turns ajv's errors into sentences for a marketer:
 * `employees must be >= 0 (got -5)`, `role must be one of 役員, 部長 (got "部帳")`.
 * Expects errors from an ajv created with `verbose: true` (for the values).
 */
import type { ErrorObject } from 'ajv';
import { didYouMean, suggest } from '../suggest.js';

const MAX_LISTED = 10;

/** One reason per error, in ajv's order; `subject` names the whole record ("the lead"). */
export function explainErrors(errors: readonly ErrorObject[], subject: string): string[] {
  // With allErrors, every failing branch of an anyOf/oneOf is reported too;
  // the summary error on the anyOf itself says it better.
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  return errors
    .filter((e) => e.keyword !== 'if' && !unions.some((prefix) => e.schemaPath.startsWith(prefix)))
    .map((e) => explain(e, subject));
}

function explain(e: ErrorObject, subject: string): string {
  const path = pathOf(e.instancePath);
  const name = path === '' ? subject : path;
  const p = e.params as Record<string, unknown>;
  const got = ` (got ${show(e.data)})`;
  switch (e.keyword) {
    case 'required':
      return `${join(path, String(p.missingProperty))} is required`;
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const known = Object.keys(objectOr(objectOr(e.parentSchema).properties));
      return `${join(path, extra)} is not a field the schema allows${didYouMean(suggest(extra, known))}`;
    }
    case 'type':
      return `${name} must be ${typeWords(String(p.type))}${got}`;
    case 'enum': {
      const allowed = Array.isArray(p.allowedValues) ? (p.allowedValues as unknown[]) : [];
      const shown = allowed.slice(0, MAX_LISTED).map((v) => (typeof v === 'string' ? v : show(v)));
      const more = allowed.length > MAX_LISTED ? ', …' : '';
      const near =
        typeof e.data === 'string'
          ? suggest(
              e.data,
              allowed.filter((v): v is string => typeof v === 'string'),
            )
          : [];
      return `${name} must be one of ${shown.join(', ')}${more}${got}${didYouMean(near)}`;
    }
    case 'const':
      return `${name} must be ${show(p.allowedValue)}${got}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${name} must be ${String(p.comparison)} ${String(p.limit)}${got}`;
    case 'multipleOf':
      return `${name} must be a multiple of ${String(p.multipleOf)}${got}`;
    case 'minLength':
      return `${name} must be at least ${String(p.limit)} characters long${got}`;
    case 'maxLength':
      return `${name} must be at most ${String(p.limit)} characters long${got}`;
    case 'pattern':
      return `${name} must match the pattern ${String(p.pattern)}${got}`;
    case 'format':
      return `${name} must be a valid ${String(p.format)}${got}`;
    case 'minItems':
      return `${name} must have at least ${String(p.limit)} items${got}`;
    case 'maxItems':
      return `${name} must have at most ${String(p.limit)} items${got}`;
    case 'uniqueItems':
      return `${name} must not list the same item twice${got}`;
    case 'anyOf':
    case 'oneOf':
      return Array.isArray(p.passingSchemas)
        ? `${name} matches more than one of the allowed forms${got}`
        : `${name} does not match any of the allowed forms${got}`;
    case 'not':
      return `${name} has a value that is not allowed${got}`;
    case 'false schema':
      return path === '' ? `${subject} is not allowed by the schema` : `${path} is not allowed by the schema`;
    default:
      return `${name} ${e.message ?? 'is not valid'}${got}`;
  }
}

/** `/company/size` → `company.size`, `/tags/0` → `tags[0]`. */
function pathOf(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, key) => (/^\d+$/.test(key) && acc !== '' ? `${acc}[${key}]` : join(acc, key)), '');
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function objectOr(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function typeWords(types: string): string {
  const words: Record<string, string> = {
    string: 'a text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'null',
  };
  return types
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

/** A value as the user would write it, cut short when long. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  const chars = Array.from(text);
  return chars.length > 60 ? chars.slice(0, 57).join('') + '…' : text;
}
