/**
 * Splits CSV text, fed one physical line at a time, into rows of cells.
 * Browser-safe: the CLI's streaming reader and the playground's worker share
 * it, so both read every file the same way.
 *
 * - A cell that starts with `"` is quoted: `""` inside is one quote, and it
 *   may span lines. A quote anywhere else is literal text (`x"y"`), and so
 *   is a quoted cell with text after its closing quote (`"a"b` reads
 *   `"a"b`), as csv-parse's `relax_quotes` did.
 * - A quote that is never closed does not swallow the rest of the file: when
 *   the input ends inside a quoted cell, or the cell has grown past
 *   MAX_QUOTED_LINES lines or MAX_QUOTED_CHARS characters, or the quote that
 *   would close it lines later is followed by more text (so it is the opening
 *   quote of another broken cell, not a closing one), the row that
 *   opened it is rejected as it was written (its first line), and reading
 *   starts again at the next line. Every line is then in exactly one row or
 *   one rejected row.
 * - Empty lines are skipped.
 */

/** A quoted cell may span this many lines before its quote is taken as never closed. */
export const MAX_QUOTED_LINES = 1000;
/** …or this many characters. */
export const MAX_QUOTED_CHARS = 1 << 20;

export type CsvRow =
  | { readonly ok: true; readonly cells: string[]; /** 1-based line where the row starts. */ readonly line: number }
  | {
      readonly ok: false;
      readonly line: number;
      readonly reason: string;
      /** The line as written. */ readonly text: string;
    };

export const UNCLOSED_QUOTE_REASON =
  'a quoted cell is never closed (a double quote is missing): this line was left out and reading went on at the next line';

interface Line {
  readonly text: string;
  readonly line: number;
}

export class CsvRowSplitter {
  /** The lines of the row being read, while a quoted cell spans lines. */
  private pending: Line[] = [];
  private pendingChars = 0;
  /** The cells of the pending row, and the quoted cell still open (its value so far, and its text as written). */
  private cells: string[] = [];
  private open = { value: '', raw: '' };

  /** Feeds one line (without its line break); returns the rows it completes. */
  push(text: string, line: number): CsvRow[] {
    const out: CsvRow[] = [];
    this.feed([{ text, line }], out);
    return out;
  }

  /** The end of the input: a quoted cell still open is rejected, and the lines after it are read again. */
  end(): CsvRow[] {
    const out: CsvRow[] = [];
    while (this.pending.length > 0) this.feed(this.reject(out), out);
    return out;
  }

  private feed(queue: Line[], out: CsvRow[]): void {
    while (queue.length > 0) {
      const next = queue.shift()!;
      const continuing = this.pending.length > 0;
      if (!continuing && next.text === '') continue;
      this.pending.push(next);
      this.pendingChars += next.text.length;
      const done = continuing ? this.continueQuoted(next.text) : this.startRow(next.text);
      if (done === true) {
        out.push({ ok: true, cells: this.cells, line: this.pending[0]!.line });
        this.clear();
      } else if (
        done === MISPLACED_CLOSE ||
        this.pending.length > MAX_QUOTED_LINES ||
        this.pendingChars > MAX_QUOTED_CHARS
      ) {
        queue.unshift(...this.reject(out));
      }
    }
  }

  /** Rejects the first pending line; returns the other pending lines, to be read again. */
  private reject(out: CsvRow[]): Line[] {
    const [first, ...rest] = this.pending;
    this.clear();
    out.push({ ok: false, line: first!.line, reason: UNCLOSED_QUOTE_REASON, text: first!.text });
    return rest;
  }

  private clear(): void {
    this.pending = [];
    this.pendingChars = 0;
    this.cells = [];
    this.open = { value: '', raw: '' };
  }

  /** A new row: true when it ends on this line. */
  private startRow(text: string): RowEnd {
    if (text.indexOf('"') === -1) {
      this.cells = text.split(',');
      return true;
    }
    return this.readCells(text, 0);
  }

  /** The next line of a quoted cell (after a line break inside it). */
  private continueQuoted(text: string): RowEnd {
    this.open.value += '\n';
    this.open.raw += '\n';
    const next = this.readQuoted(text, 0);
    return next < 0 ? (next as RowEnd) : next > text.length ? true : this.readCells(text, next);
  }

  /** Cells from `i` on, starting at a cell's first character; true when the row ends on this line. */
  private readCells(text: string, i: number): RowEnd {
    const n = text.length;
    for (;;) {
      if (text.charCodeAt(i) === 0x22) {
        this.open = { value: '', raw: '"' };
        const next = this.readQuoted(text, i + 1);
        if (next < 0) return next as RowEnd;
        if (next > n) return true;
        i = next;
        continue;
      }
      const comma = text.indexOf(',', i);
      this.cells.push(text.slice(i, comma === -1 ? n : comma));
      if (comma === -1) return true;
      i = comma + 1;
    }
  }

  /**
   * Inside a quoted cell at `j`: reads to its closing quote and pushes the
   * cell. Returns where the next cell starts, `text.length + 1` when the row
   * ends with this cell, or STILL_OPEN.
   */
  private readQuoted(text: string, j: number): number {
    const n = text.length;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q === -1) {
        this.open.value += text.slice(j);
        this.open.raw += text.slice(j);
        return STILL_OPEN;
      }
      this.open.value += text.slice(j, q);
      this.open.raw += text.slice(j, q + 1);
      if (text.charCodeAt(q + 1) === 0x22) {
        this.open.value += '"';
        this.open.raw += '"';
        j = q + 2;
        continue;
      }
      j = q + 1;
      break;
    }
    if (j >= n || text.charCodeAt(j) === 0x2c) {
      this.cells.push(this.open.value);
      return j + 1;
    }
    // Text after a closing quote that came lines later: that quote closed
    // nothing, it opened the next broken cell; the opening one was never closed.
    if (this.pending.length > 1) return MISPLACED_CLOSE;
    // Text after the closing quote: the whole cell is literal, quotes included, up to the next comma.
    const comma = text.indexOf(',', j);
    this.cells.push(this.open.raw + text.slice(j, comma === -1 ? n : comma));
    return comma === -1 ? n + 1 : comma + 1;
  }
}

const STILL_OPEN = -1;
const MISPLACED_CLOSE = -2;
/** true: the row ends on this line; otherwise why it does not. */
type RowEnd = true | typeof STILL_OPEN | typeof MISPLACED_CLOSE;

/** Every row of a whole CSV text (the playground reads files whole), BOM dropped. */
export function splitCsvText(text: string): CsvRow[] {
  const splitter = new CsvRowSplitter();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const rows: CsvRow[] = [];
  lines.forEach((line, i) => rows.push(...splitter.push(line, i + 1)));
  rows.push(...splitter.end());
  return rows;
}
