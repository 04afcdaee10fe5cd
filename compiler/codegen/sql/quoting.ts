/**
 * Literal and identifier quoting for the SQL dialects. Every name and string
 * a rule file (or a command-line option) supplies reaches generated SQL only
 * through these functions, so nothing it contains can end a literal or an
 * identifier early: a rule file cannot inject SQL.
 */

/** `"name"` with `"` doubled: the SQL standard, used by DuckDB, PostgreSQL and Snowflake. */
export function doubleQuotedIdentifier(name: string): string {
  if (name.includes('\u0000'))
    throw new SqlGenerationError(`a name cannot contain the NUL character: ${JSON.stringify(name)}`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** BigQuery's `` `name` ``: backslash escapes, as in its string literals. */
export function backquotedIdentifier(name: string): string {
  return `\`${backslashEscaped(name, '`')}\``;
}

/** `'text'` with `'` doubled; every other character stands for itself (DuckDB). */
export function standardString(value: string): string {
  if (value.includes('\u0000'))
    throw new SqlGenerationError(`a string value cannot contain the NUL character in SQL: ${JSON.stringify(value)}`);
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * PostgreSQL's escape string `E'…'`: its meaning does not depend on the
 * server's `standard_conforming_strings` setting, unlike a plain `'…'`.
 */
export function postgresString(value: string): string {
  if (value.includes('\u0000'))
    throw new SqlGenerationError(`PostgreSQL text cannot hold the NUL character: ${JSON.stringify(value)}`);
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A single-quoted literal with backslash escapes (BigQuery, Snowflake): quote, backslash and control characters escaped. */
export function backslashString(value: string): string {
  return `'${backslashEscaped(value, "'")}'`;
}

function backslashEscaped(value: string, quote: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    // Control characters (a raw line break may not appear in a quoted literal), and the Unicode line separators.
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** A number literal; the language's numbers are finite decimals. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new SqlGenerationError(`not a finite number: ${value}`);
  return Object.is(value, -0) ? '0' : String(value);
}

/** A rule file (or the options) that the SQL target cannot express; the message says what to do. */
export class SqlGenerationError extends Error {
  override readonly name = 'SqlGenerationError';
}
