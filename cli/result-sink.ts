import type { Writable } from 'node:stream';
import type { ScoredLead } from '../runtime/batch/score-file.js';

export type OutputFormat = 'jsonl' | 'csv' | 'json';

/**
 * Writes scored leads as they come, honouring the stream's backpressure so a
 * slow reader of stdout does not make memory grow.
 */
export interface ResultSink {
  write(lead: ScoredLead): Promise<void> | undefined;
  end(): Promise<void>;
}

export interface SinkOptions {
  /**
   * Start CSV with a UTF-8 byte-order mark, which Excel (notably in Japan)
   * needs to read UTF-8 instead of Shift_JIS and garble the kanji.
   */
  readonly bom?: boolean;
  /** Keep CSV text cells that a spreadsheet would run as a formula as they are (default: neutralised). */
  readonly keepFormulas?: boolean;
}

/**
 * Writes the results; `end` writes what closes the format (JSON's `]`) and
 * waits until it is written, leaving the stream open for its owner (an
 * OutputFile) to commit.
 */
export function createSink(
  stream: Writable,
  format: OutputFormat,
  groupNames: readonly string[],
  options: SinkOptions = {},
): ResultSink {
  // Waits for 'drain', or gives up on a stream that failed (the failure is reported when the output is committed).
  const put = (text: string): Promise<void> | undefined =>
    stream.write(text) || stream.destroyed
      ? undefined
      : new Promise((resolve) => {
          const done = (): void => {
            stream.off('drain', done);
            stream.off('close', done);
            resolve();
          };
          stream.once('drain', done);
          stream.once('close', done);
        });
  const end = (text: string): Promise<void> =>
    new Promise((resolve) => {
      if (stream.destroyed) resolve();
      else stream.write(text, () => resolve());
    });
  const cell = options.keepFormulas ? csvCell : (text: string) => csvCell(neutraliseFormula(text));
  switch (format) {
    case 'jsonl':
      return { write: (lead) => put(`${jsonLine(lead)}\n`), end: () => end('') };
    case 'json': {
      let first = true;
      return {
        write: (lead) => {
          const text = `${first ? '[\n' : ',\n'}${jsonLine(lead)}`;
          first = false;
          return put(text);
        },
        end: () => end(first ? '[]\n' : '\n]\n'),
      };
    }
    case 'csv': {
      void put(
        `${options.bom ? '\uFEFF' : ''}${['id', 'score', 'tier', ...groupNames, 'reasons'].map(cell).join(',')}\r\n`,
      );
      return {
        write: (lead) => put(`${csvRow(lead, groupNames, cell)}\r\n`),
        end: () => end(''),
      };
    }
  }
}

function jsonLine(lead: ScoredLead): string {
  return JSON.stringify({
    id: lead.id,
    score: lead.score,
    tier: lead.tier,
    groups: lead.groups,
    reasons: lead.reasons,
  });
}

/** Numbers (score, group subtotals, a numeric id) are written as numbers; text goes through `textCell`. */
function csvRow(lead: ScoredLead, groupNames: readonly string[], textCell: (text: string) => string): string {
  const groups = groupNames.map((name) => numberCell(Object.hasOwn(lead.groups, name) ? lead.groups[name] : undefined));
  const reasons = lead.reasons.map((r) => `${r.rule}(${r.points > 0 ? '+' : ''}${r.points})`).join('; ');
  const id = typeof lead.id === 'number' || typeof lead.id === 'bigint' ? String(lead.id) : textCell(String(lead.id));
  return [id, numberCell(lead.score), textCell(lead.tier ?? ''), ...groups, textCell(reasons)].join(',');
}

function numberCell(value: unknown): string {
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
}

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or carriage
 * return before one) as a formula: a lead id or a label like
 * `=HYPERLINK(...)` would run on the reader's machine. Such a text cell gets
 * a leading apostrophe, which spreadsheets show as text (OWASP's advice for
 * CSV injection). Numbers are never changed, so -10 stays a number.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting: a cell with a comma, quote or line break is quoted, quotes doubled. */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
