import { recordMessage } from '../compiler/messages/record-messages.js';
import { describeReject, type RejectedRecord } from '../runtime/batch/rejects.js';
import { messageLang } from './message-lang.js';

/**
 * An invalid record as the stderr line says it, in the language of the
 * messages (`--lang`, else the locale). English is describeReject's line,
 * unchanged; Japanese keeps the same `file:line:` start, so editors and
 * grep find it the same way. The --rejects file keeps the English reason:
 * it is for programs.
 */
export function rejectMessage(r: RejectedRecord): string {
  if (messageLang() === 'en') return describeReject(r);
  const what =
    r.event !== undefined
      ? `リードのレコード ${r.record} のイベント ${r.event}`
      : `${r.kind === 'lead' ? 'リード' : 'イベント'}のレコード ${r.record}`;
  return `${r.file}:${r.line}: ${what} は無効です: ${recordMessage(r.reason, 'ja')}`;
}
