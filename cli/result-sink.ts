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

/**
 * `bom`: start CSV with a UTF-8 byte-order mark, which Excel (notably in
 * Japan) needs to read UTF-8 instead of Shift_JIS and garble the kanji.
 */
export function createSink(
  stream: Writable,
  format: OutputFormat,
  groupNames: readonly string[],
  options: { bom?: boolean } = {},
): ResultSink {
  const put = (text: string): Promise<void> | undefined =>
    stream.write(text) ? undefined : new Promise((resolve) => stream.once('drain', () => resolve()));
  const end = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      stream.once('error', reject);
      if (stream === process.stdout) {
        stream.write(text, () => resolve());
      } else {
        stream.end(text, () => resolve());
      }
    });
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
        `${options.bom ? '\uFEFF' : ''}${['id', 'score', 'tier', ...groupNames, 'reasons'].map(csvCell).join(',')}\r\n`,
      );
      return {
        write: (lead) => put(`${csvRow(lead, groupNames)}\r\n`),
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

function csvRow(lead: ScoredLead, groupNames: readonly string[]): string {
  const groups = groupNames.map((name) => String(Object.hasOwn(lead.groups, name) ? lead.groups[name] : ''));
  const reasons = lead.reasons.map((r) => `${r.rule}(${r.points > 0 ? '+' : ''}${r.points})`).join('; ');
  return [String(lead.id), String(lead.score), lead.tier ?? '', ...groups, reasons].map(csvCell).join(',');
}

/** RFC 4180 quoting: a cell with a comma, quote or line break is quoted, quotes doubled. */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
