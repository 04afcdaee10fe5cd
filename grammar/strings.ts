/**
 * Reads the body of a string literal (`"…"`). The escapes are those of
 * docs/language.md#strings; any other backslash sequence is reported, with its offset
 * within the literal, so the caller can point at it.
 */
export interface UnescapeResult {
  readonly value: string;
  readonly badEscapes: { readonly offset: number; readonly length: number; readonly text: string }[];
}

export function unescapeString(literal: string, closed = true): UnescapeResult {
  const body = literal.slice(1, closed ? -1 : undefined);
  let value = '';
  const badEscapes: UnescapeResult['badEscapes'][number][] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = body[i + 1];
    if (next === '"' || next === '\\') {
      value += next;
      i++;
    } else if (next === 'n') {
      value += '\n';
      i++;
    } else if (next === 't') {
      value += '\t';
      i++;
    } else if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(body.slice(i + 2, i + 6))) {
      value += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      const length =
        next === 'u'
          ? Math.min(2 + (body.slice(i + 2).match(/^[0-9A-Fa-f]{0,3}/)?.[0].length ?? 0), body.length - i)
          : next === undefined
            ? 1
            : 2;
      badEscapes.push({ offset: i + 1, length, text: body.slice(i, i + length) });
      i += length - 1;
    }
  }
  return { value, badEscapes };
}

/** Writes a string literal that reads back as `value`. */
export function quoteString(value: string): string {
  let out = '"';
  for (const ch of value) {
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch < ' ' || ch === '\u2028' || ch === '\u2029' || ch === '\u007f')
      out += '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}
