import { describe, expect, it } from 'vitest';
import { jointPoints } from '../../runtime/report/joint-fit.js';
import type { Observation, RuleInfo } from '../../runtime/statistics/observation.js';
import { ruleStats } from '../../runtime/report/rule-stats.js';
import { mulberry32 } from '../../runtime/random.js';

/**
 * Two rules that fire together (a lead who attends a webinar also opens the
 * invitation e-mail); only the webinar predicts conversion. Each rule's own
 * lift credits both; the joint fit must credit the webinar alone.
 */
function travellingTogether(): { rules: RuleInfo[]; observations: Observation[] } {
  const rules: RuleInfo[] = [
    { index: 0, text: 'ウェビナー参加', line: 1, group: null, points: 10 },
    { index: 1, text: 'メール開封', line: 2, group: null, points: 10 },
  ];
  const random = mulberry32(42);
  const observations: Observation[] = [];
  for (let i = 0; i < 4000; i++) {
    const webinar = random() < 0.3;
    const opened = webinar || random() < 0.4;
    const converted = random() < (webinar ? 0.4 : 0.05);
    observations.push({ id: i, score: 0, tier: null, converted, contributions: [webinar ? 10 : 0, opened ? 10 : 0] });
  }
  return { rules, observations };
}

describe('jointly fitted points', () => {
  it('separate a rule that predicts from one that only fires with it', () => {
    const { rules, observations } = travellingTogether();
    const [webinar, opened] = jointPoints(rules, observations);
    expect(webinar!.clear).toBe(true);
    expect(webinar!.points!).toBeGreaterThan(15);
    expect(Math.abs(opened!.points!)).toBeLessThan(5);
    const stats = ruleStats(rules, observations);
    // On its own, the e-mail open looks predictive (lift > 1); fitted together it is flagged.
    expect(stats[1]!.lift!).toBeGreaterThan(1.2);
    expect(stats[1]!.flags).toContain('joint-over-weighted');
  });

  it('are null, never NaN, when nobody or everybody converted', () => {
    const { rules, observations } = travellingTogether();
    for (const converted of [true, false]) {
      const all = observations.map((o) => ({ ...o, converted }));
      expect(jointPoints(rules, all)).toEqual([
        { points: null, clear: false },
        { points: null, clear: false },
      ]);
    }
    expect(jointPoints(rules, [])).toEqual([
      { points: null, clear: false },
      { points: null, clear: false },
    ]);
  });
});
