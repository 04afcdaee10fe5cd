/**
 * The example suite rules/b2b-saas.test.yaml passes, and it is worth having:
 * every small change to a rule, a boundary or a tier of rules/b2b-saas.score
 * makes at least one of its cases fail.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../compiler/check-source.js';
import { parseSuite } from '../../cli/rule-tests/parse-suite.js';
import { runSuite } from '../../runtime/rule-tests/run-suite.js';
import { REPO } from '../helpers/run-cli.js';

const RULES = readFileSync(`${REPO}rules/b2b-saas.score`, 'utf8');
const SCHEMA = readFileSync(`${REPO}rules/lead.schema.json`, 'utf8');
const SUITE = readFileSync(`${REPO}rules/b2b-saas.test.yaml`, 'utf8');

function failures(source: string): string[] {
  const checked = checkSource(source, { readSchema: () => ({ file: 'lead.schema.json', text: SCHEMA }) });
  if (!checked.program) throw new Error(checked.diagnostics.map((d) => d.message).join('\n'));
  const parsed = parseSuite(SUITE);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.line}: ${p.message}`).join('\n'));
  const run = runSuite(parsed.suite, checked.program);
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join('\n'));
  return run.cases.filter((c) => c.result.status !== 'passed').map((c) => c.testCase.name);
}

describe('rules/b2b-saas.test.yaml', () => {
  it('passes against rules/b2b-saas.score, with 12 to 30 cases', () => {
    expect(failures(RULES)).toEqual([]);
    const parsed = parseSuite(SUITE);
    expect(parsed.ok && parsed.suite.cases.length).toBeGreaterThanOrEqual(12);
    expect(parsed.ok && parsed.suite.cases.length).toBeLessThanOrEqual(30);
  });

  it.each([
    ['employees >= 100', 'employees > 100'],
    ['+20 "ターゲット規模"', '+15 "ターゲット規模"'],
    ['+15 "ターゲット業種"', '+10 "ターゲット業種"'],
    ['[製造業, 情報通信業]', '[製造業]'],
    ['+25 "決裁者層"', '+20 "決裁者層"'],
    ['let 決裁者 = [役員, 部長]', 'let 決裁者 = [役員]'],
    ['+10 "担当者層"', '+5 "担当者層"'],
    ['-15 "フリーメール"', '-10 "フリーメール"'],
    ['group 属性 max 60', 'group 属性 max 55'],
    ['+20 "資料ダウンロード"', '+15 "資料ダウンロード"'],
    ['max 10 per day max 20', 'max 10 per day max 25'],
    ['max 10 per day max 20', 'max 10 per day max 15'],
    ['max 10 per day', 'max 15 per day'],
    ['max 10 per day', 'max 5 per day'],
    ['group 行動 since last 失注 {', 'group 行動 {'],
    ['decay 50% every 30d', 'decay 40% every 30d'],
    ['+10 each within 90d', '+10 each within 91d'],
    ['+10 each within 90d', '+10 each within 89d'],
    ['+10 each within 90d', '+10 within 90d'],
    ['+30 decay 50% every 30d "料金ページ閲覧"', '+25 decay 50% every 30d "料金ページ閲覧"'],
    ['+40 "問い合わせフォーム到達"', '+35 "問い合わせフォーム到達"'],
    ['+25 "ウェビナー参加"', '+20 "ウェビナー参加"'],
    ['after 30d inactive', 'after 31d inactive'],
    ['after 30d inactive', 'after 29d inactive'],
    ['-10 "一定期間行動なし"', '-5 "一定期間行動なし"'],
    ['tier MQL >= 60', 'tier MQL >= 65'],
    ['tier MQL >= 60', 'tier MQL >= 55'],
    ['tier 中関心 >= 30', 'tier 中関心 >= 35'],
    ['tier 中関心 >= 30', 'tier 中関心 >= 25'],
  ])('catches the change %j → %j', (from, to) => {
    expect(RULES).toContain(from);
    expect(failures(RULES.replace(from, to))).not.toEqual([]);
  });
});
