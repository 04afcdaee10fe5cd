import type { Range } from '../../grammar/range.js';

/**
 * Positions as editors speak them: 0-based line and character, characters
 * counted in UTF-16 code units (what LSP and JavaScript strings use, so a
 * kanji is 1 and 𠮷 is 2), plus the 0-based offset into the text. Line
 * breaks are \n, \r\n or a lone \r, as in the grammar's LineMap.
 */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
  readonly offset: number;
}

export interface TextRange {
  readonly start: TextPosition;
  readonly end: TextPosition;
}

/** A text edit as plain data: replace `range` with `newText`. */
export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

/** The grammar's 1-based ranges (columns already in UTF-16 units) as editor ranges. */
export function toTextRange(range: Range): TextRange {
  return {
    start: { line: range.start.line - 1, character: range.start.column - 1, offset: range.start.offset },
    end: { line: range.end.line - 1, character: range.end.column - 1, offset: range.end.offset },
  };
}

/** Offsets ↔ {line, character} for one text. */
export class TextIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.lineStarts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The offset of a position; positions past a line's end or the text's end are clamped, as LSP asks. */
  offsetAt(position: { readonly line: number; readonly character: number }): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  positionAt(offset: number): TextPosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]!, offset: clamped };
  }

  range(startOffset: number, endOffset: number): TextRange {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** The whole text, for edits that replace it. */
  fullRange(): TextRange {
    return this.range(0, this.text.length);
  }

  /** The offset just before the line break that ends `line`. */
  private lineEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
