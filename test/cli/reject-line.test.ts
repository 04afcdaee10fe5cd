import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rejectLine } from '../../cli/reject-line.js';
import type { RejectedRecord } from '../../runtime/batch/rejects.js';

const base = { file: 'leads.jsonl', record: 1, line: 1, kind: 'lead', reason: 'bad' } as const;

describe('a line of --rejects', () => {
  it('is one line of JSON with `data`, whatever the record holds', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true }),
        (data) => {
          const line = rejectLine({ ...base, data } as RejectedRecord);
          expect(line).not.toContain('\n');
          const parsed = JSON.parse(line) as Record<string, unknown>;
          expect(Object.hasOwn(parsed, 'data')).toBe(true);
          expect(parsed['reason']).toBe('bad');
        },
      ),
    );
  });

  it('keeps a big integer’s digits, a missing record as null, and does not crash on a cycle', () => {
    expect(JSON.parse(rejectLine({ ...base, data: { id: 12345678901234567890n } }))).toMatchObject({
      data: { id: '12345678901234567890' },
    });
    expect(JSON.parse(rejectLine({ ...base, data: undefined }))).toMatchObject({ data: null });
    const cyclic: Record<string, unknown> = { id: 'A' };
    cyclic['self'] = cyclic;
    expect(JSON.parse(rejectLine({ ...base, data: cyclic }))).toMatchObject({ data: { id: 'A', self: '[circular]' } });
  });

  it('keeps raw text that is not JSON exactly, line breaks and quotes included', () => {
    const raw = '{"id":"A",\u2028"x":"\\u0000"部長\t';
    expect(JSON.parse(rejectLine({ ...base, data: raw }))).toMatchObject({ data: raw });
  });
});
