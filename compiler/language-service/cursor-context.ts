/**
 * Where the cursor is, as far as completion cares: after `on` (an event
 * type), where a test starts (a field, or an event property inside `where`),
 * after `=` or inside `in [ … ]` (a value of the field on the left), after
 * `in` (a `let` name). A small scanner over the text before the cursor; it
 * tolerates the half-written rules an editor is full of.
 */
export type Scope =
  { readonly kind: 'lead' } | { readonly kind: 'event'; readonly eventType: string } | { readonly kind: 'tier' };

export type CursorContext =
  | { readonly kind: 'eventType' }
  | { readonly kind: 'path'; readonly scope: Scope }
  | { readonly kind: 'value'; readonly scope: Scope; readonly path: readonly string[] }
  | { readonly kind: 'listName' }
  /** Anywhere else; `expected` lists the contextual words the grammar expects right here, if any. */
  | { readonly kind: 'other'; readonly expected?: readonly string[] };

type Token = { readonly kind: 'word' | 'string' | 'number' | 'points' | 'symbol'; readonly text: string };

const TOKEN =
  /(#[^\r\n]*)|("(?:[^"\\\r\n]|\\.)*"?)|([+-]\d+(?:\.\d+)?)|(\d+(?:\.\d+)?(?:%|[A-Za-z]*))|([\p{L}_][\p{L}\p{N}\p{M}_]*)|(!=|<=|>=|[<>=[\](){},.])|\s+/gu;

export function scan(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[1] !== undefined) continue;
    if (m[2] !== undefined) tokens.push({ kind: 'string', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'points', text: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'number', text: m[4] });
    else if (m[5] !== undefined) tokens.push({ kind: 'word', text: m[5] });
    else if (m[6] !== undefined) tokens.push({ kind: 'symbol', text: m[6] });
  }
  return tokens;
}

const STATEMENT_STARTS = new Set(['when', 'on', 'after', 'tier', 'let', 'group', 'schema']);
const TEST_STARTS = new Set(['when', 'where', 'and', 'or', 'not', '(']);

/** `before` is the text from the start of the file to the start of the word being typed. */
export function cursorContext(before: string): CursorContext {
  const tokens = scan(before);
  let start = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tok = tokens[i]!;
    if (tok.kind === 'word' && STATEMENT_STARTS.has(tok.text)) {
      start = i;
      break;
    }
    if (tok.kind === 'symbol' && (tok.text === '{' || tok.text === '}')) break;
  }
  if (start < 0) return { kind: 'other' };
  const keyword = tokens[start]!.text;
  if (keyword === 'group' && tokens[tokens.length - 1]?.text === 'since' && tokens.length - 1 > start + 1)
    return { kind: 'other', expected: ['last'] };
  if (keyword === 'group' && tokens[tokens.length - 2]?.text === 'since' && tokens[tokens.length - 1]?.text === 'last')
    return { kind: 'eventType' };
  const rest = tokens.slice(start + 1);
  // Points end a rule's condition: what follows are modifiers and the label.
  const condition = (from: number): Token[] | undefined => {
    const part = rest.slice(from);
    return part.some((t) => t.kind === 'points' && !isAfterOperator(part, part.indexOf(t))) ? undefined : part;
  };
  if (keyword === 'on') {
    if (rest.length === 0) return { kind: 'eventType' };
    const eventType = rest[0]!.text;
    const where = rest.findIndex((t) => t.kind === 'word' && t.text === 'where');
    const cond = where < 0 ? undefined : condition(where);
    return cond ? inCondition(cond, { kind: 'event', eventType }) : afterPoints(tokens.slice(start), keyword);
  }
  if (keyword === 'when') {
    const cond = condition(0);
    // `tier NAME when …` reads score, groups and lead fields.
    const scope: Scope = tokens[start - 2]?.text === 'tier' ? { kind: 'tier' } : { kind: 'lead' };
    return cond ? inCondition([tokens[start]!, ...cond], scope) : afterPoints(tokens.slice(start), keyword);
  }
  if (keyword === 'tier') {
    const whenAt = rest.findIndex((t) => t.kind === 'word' && t.text === 'when');
    return whenAt < 0 ? { kind: 'other' } : inCondition(rest.slice(whenAt), { kind: 'tier' });
  }
  if (keyword === 'group' && rest.length >= 1 && rest.every((t) => t.text !== '{'))
    return { kind: 'other', expected: ['max', 'min', 'since'] };
  return afterPoints(tokens.slice(start), keyword);
}

/**
 * The words a rule's tail expects after its points: modifiers, and the
 * contextual words of language version 2 (`decay R% every D`,
 * `max M per day|week|month`), which are keywords only right there.
 */
function afterPoints(statement: Token[], keyword: string): CursorContext {
  if (!statement.some((t) => t.kind === 'points')) return { kind: 'other' };
  const last = statement[statement.length - 1]!;
  const previous = statement[statement.length - 2];
  if (last.kind === 'word' && last.text === 'per') return { kind: 'other', expected: ['day', 'week', 'month'] };
  if (last.kind === 'number' && last.text.endsWith('%') && previous?.text === 'decay')
    return { kind: 'other', expected: ['every'] };
  if (keyword !== 'on') return { kind: 'other' };
  if (last.kind === 'number' && previous?.text === 'max')
    return { kind: 'other', expected: ['per', 'within', 'decay'] };
  if (last.kind === 'string') return { kind: 'other' };
  return { kind: 'other', expected: ['each', 'max', 'within', 'decay'] };
}

/** `employees > -3`: a signed number right after an operator is a value, not points. */
function isAfterOperator(tokens: Token[], index: number): boolean {
  const prev = tokens[index - 1];
  return (
    prev !== undefined && prev.kind === 'symbol' && ['=', '!=', '<', '<=', '>', '>=', '[', ','].includes(prev.text)
  );
}

function inCondition(tokens: Token[], scope: Scope): CursorContext {
  const last = tokens[tokens.length - 1];
  if (last === undefined) return { kind: 'path', scope };
  if (last.kind === 'word' && TEST_STARTS.has(last.text)) return { kind: 'path', scope };
  if (last.kind === 'symbol' && last.text === '(') return { kind: 'path', scope };
  if (last.kind === 'symbol' && ['=', '!=', '<', '<=', '>', '>='].includes(last.text))
    return valueOf(tokens, tokens.length - 1, scope);
  if (last.kind === 'word' && last.text === 'contains') return valueOf(tokens, tokens.length - 1, scope);
  if (last.kind === 'word' && last.text === 'in') return { kind: 'listName' };
  // Inside an unclosed `[`: the list of an `in`.
  const open = tokens.map((t) => t.text).lastIndexOf('[');
  if (open >= 0 && !tokens.slice(open).some((t) => t.text === ']') && tokens[open - 1]?.text === 'in') {
    return valueOf(tokens, tokens[open - 2]?.text === 'not' ? open - 2 : open - 1, scope);
  }
  return { kind: 'other' };
}

/** The path that ends just before `tokens[operator]`, e.g. `company . size` before `=`. */
function valueOf(tokens: Token[], operator: number, scope: Scope): CursorContext {
  const path: string[] = [];
  let i = operator - 1;
  while (i >= 0 && tokens[i]!.kind === 'word') {
    path.unshift(tokens[i]!.text);
    if (tokens[i - 1]?.text !== '.') break;
    i -= 2;
  }
  return path.length === 0 ? { kind: 'other' } : { kind: 'value', scope, path };
}
