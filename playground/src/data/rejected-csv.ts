import { recordMessage, type RecordMessageLang } from '../../../compiler/messages/record-messages.js';
import type { RowProblem } from '../engine/prepare.js';

/**
 * The rejected rows as a CSV a marketer opens in Excel, fixes and loads
 * again: the row's own cells under its own header first (JSON records as
 * their text), then where it was and why it was left out. UTF-8 with a BOM
 * and CRLF line ends, which is how Excel recognises a UTF-8 CSV (without the
 * BOM it reads it as Shift_JIS and the Japanese is garbled).
 */
export interface RejectedCsvLabels {
  readonly record: string;
  readonly file: string;
  readonly row: string;
  readonly reason: string;
}

export function rejectedRowsCsv(
  problems: readonly RowProblem[],
  headers: ReadonlyMap<string, readonly string[]>,
  labels: RejectedCsvLabels,
  lang: RecordMessageLang,
): string {
  // The columns of every CSV file with a rejected row, in the order they first appear.
  const columns: string[] = [];
  for (const p of problems)
    if (p.cells) for (const c of headers.get(p.file) ?? []) if (!columns.includes(c)) columns.push(c);
  const hasText = problems.some((p) => !p.cells);
  const files = new Set(problems.map((p) => p.file));
  const head = [...columns, ...(hasText ? [labels.record] : []), ...(files.size > 1 ? [labels.file] : [])];
  const lines = [[...head, labels.row, labels.reason].map(textCell).join(',')];
  for (const p of problems) {
    const own = headers.get(p.file) ?? [];
    const byColumn = new Map<string, string>();
    if (p.cells) own.forEach((c, i) => byColumn.has(c) || byColumn.set(c, p.cells![i] ?? ''));
    const reason = p.reasons.map((r) => recordMessage(r, lang)).join('; ');
    const cells = [
      ...columns.map((c) => textCell(byColumn.get(c) ?? '')),
      ...(hasText ? [textCell(p.cells ? '' : (p.text ?? ''))] : []),
      ...(files.size > 1 ? [textCell(p.file)] : []),
      p.row === undefined ? '' : String(p.row),
      textCell(p.part ? `${p.part}: ${reason}` : reason),
    ];
    lines.push(cells.join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A text cell Excel would run as a formula (= + - @, or a tab or carriage
 * return before one) gets a leading apostrophe, as the CLI's CSV output
 * does; a plain number such as -10 stays a number.
 */
export function textCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
