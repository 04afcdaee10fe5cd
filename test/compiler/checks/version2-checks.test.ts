/** The checks of language version 2: decay, caps per period, resets (errors with exact ranges, warnings where a construct can never act). */
import { describe, expect, it } from 'vitest';
import { capNeverApplies } from '../../../compiler/checks/cap-never-applies.js';
import { decayNeverApplies } from '../../../compiler/checks/decay-never-applies.js';
import { decayPercentRange } from '../../../compiler/checks/decay-percent-range.js';
import { decayStepZero } from '../../../compiler/checks/decay-step-zero.js';
import { duplicateModifier } from '../../../compiler/checks/duplicate-modifier.js';
import { duplicateSinceLast } from '../../../compiler/checks/duplicate-since-last.js';
import { perWithoutEach } from '../../../compiler/checks/per-without-each.js';
import { resetHidesRule } from '../../../compiler/checks/reset-hides-rule.js';
import { resetNeverApplies } from '../../../compiler/checks/reset-never-applies.js';
import { unknownEventType } from '../../../compiler/checks/unknown-event-type.js';
import { expectDiagnostics, expectValid, runChecks } from '../../helpers/checker.js';

const EXAMPLE = `schema "./lead.schema.json"
group 行動 since last webinar_attend max 100 {
  on email_open +5 each max 10 per day max 30 "メール開封"
  on page_view where url contains "/pricing" +30 decay 50% every 30d "料金ページ閲覧"
  on email_click +25 each decay 25% every 90d "クリック"
  after 30d inactive -10 "一定期間行動なし"
}
`;

describe('version 2 checks', () => {
  it('accept a model that uses every construct well', () => {
    expect(runChecks(EXAMPLE)).toEqual([]);
  });

  it('decay-percent-range: R outside 1–100, at the percentage', () => {
    expectValid(decayPercentRange, 'on email_open +5 decay 1% every 1d\non email_click +5 decay 100% every 1d');
    expectDiagnostics(
      decayPercentRange,
      'on email_open +5 decay 0% every 1d\non email_click +5 each decay 101% every 1w',
      [
        {
          code: 'decay-percent-range',
          line: 1,
          column: 24,
          text: '0%',
          suggestions: ['1%'],
          severity: 'error',
          messageIncludes: 'outside 1%–100%',
        },
        { code: 'decay-percent-range', line: 2, column: 30, text: '101%', suggestions: ['100%'] },
      ],
    );
  });

  it('decay-step-zero: every 0d, at the duration', () => {
    expectDiagnostics(decayStepZero, 'on email_open +5 decay 50% every 0d', [
      { code: 'decay-step-zero', line: 1, column: 34, text: '0d', severity: 'error' },
    ]);
  });

  it('per-without-each: like max, at the cap', () => {
    expectValid(perWithoutEach, 'on email_open +5 max 10 per day each');
    expectDiagnostics(perWithoutEach, 'on email_open -5 max 10 per week', [
      {
        code: 'per-without-each',
        line: 1,
        column: 18,
        text: 'max 10 per week',
        severity: 'error',
        messageIncludes: '"-5 each max 10 per week"',
      },
    ]);
  });

  it('duplicate-modifier: a second decay, plain max or max … per; one of each is fine', () => {
    expectValid(duplicateModifier, 'on email_open +5 each max 10 per day max 30 decay 10% every 1d');
    expectDiagnostics(
      duplicateModifier,
      'on email_open +5 each max 10 per day max 3 per week decay 1% every 1d decay 2% every 2d max 4 max 5',
      [
        {
          code: 'duplicate-modifier',
          line: 1,
          column: 38,
          text: 'max 3 per week',
          messageIncludes: '"max … per" is written twice',
        },
        {
          code: 'duplicate-modifier',
          line: 1,
          column: 71,
          text: 'decay 2% every 2d',
          messageIncludes: '"decay" is written twice',
        },
        { code: 'duplicate-modifier', line: 1, column: 95, text: 'max 5' },
      ],
    );
  });

  it('duplicate-since-last: the second reset of a group', () => {
    expectDiagnostics(
      duplicateSinceLast,
      'group g since last email_open since last page_view {\n  on email_click +1\n}',
      [{ code: 'duplicate-since-last', line: 1, column: 31, text: 'since last page_view', severity: 'error' }],
    );
  });

  it('unknown-event-type: since last with an event the schema lacks, with did-you-mean', () => {
    expectDiagnostics(unknownEventType, 'group g since last emial_open {\n  on email_click +1\n}', [
      { code: 'unknown-event-type', line: 1, column: 20, text: 'emial_open', suggestions: ['email_open'] },
    ]);
  });

  it('decay-never-applies: a step no shorter than the within window', () => {
    expectValid(decayNeverApplies, 'on email_open +5 each decay 50% every 7d within 30d');
    expectDiagnostics(decayNeverApplies, 'on email_open +5 each decay 50% every 30d within 30d', [
      { code: 'decay-never-applies', line: 1, column: 23, text: 'decay 50% every 30d', severity: 'warning' },
    ]);
  });

  it('cap-never-applies: a period cap no lower than the plain max', () => {
    expectValid(capNeverApplies, 'on email_open +5 each max 10 per day max 30');
    expectDiagnostics(capNeverApplies, 'on email_open +5 each max 30 per day max 30', [
      { code: 'cap-never-applies', line: 1, column: 23, text: 'max 30 per day', severity: 'warning' },
    ]);
  });

  it('reset-hides-rule: on T inside a group reset by T', () => {
    expectDiagnostics(resetHidesRule, 'group g since last page_view {\n  on page_view +1\n  on email_open +1\n}', [
      { code: 'reset-hides-rule', line: 2, column: 6, text: 'page_view', severity: 'warning' },
    ]);
  });

  it('reset-never-applies: a reset on a group of when rules only', () => {
    expectValid(resetNeverApplies, 'group g since last page_view {\n  after 7d inactive -1\n}');
    expectDiagnostics(resetNeverApplies, 'group g since last page_view {\n  when employees >= 1 +1\n}', [
      { code: 'reset-never-applies', line: 1, column: 9, text: 'since last page_view', severity: 'warning' },
    ]);
  });

  it('contextual words as names pass every check', () => {
    expect(
      runChecks('on last +1\nwhen month = 4 +5\nlet day = [a]\nwhen role in day +1', null).map((d) => d.code),
    ).toEqual(['no-schema']);
  });
});
