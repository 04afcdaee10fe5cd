import { describe, expect, it } from 'vitest';
import { slackMessage } from '../../../server/notify/slack-message.js';
import { teamsMessage } from '../../../server/notify/teams-message.js';
import { summarize, topReasons } from '../../../server/notify/tier-change.js';
import { renderBody } from '../../../server/webhooks/render-body.js';

const payload = {
  id: 'd-1',
  type: 'lead.tier_changed',
  lead_id: 'L-0042',
  from: '中関心',
  to: 'MQL',
  score: 85,
  reasons: [
    { rule: 'ターゲット規模', line: 36, points: 20 },
    { rule: '決裁者層', line: 38, points: 25 },
    { rule: 'フリーメール', line: 40, points: -15 },
    { rule: '料金ページ閲覧', line: 49, points: 30 },
    { rule: 'メール開封', line: 47, points: 5 },
  ],
  rules_version: 'a751619c0ffee',
  occurred_at: '2026-11-01T00:30:00.000Z',
};
const leadRecord = { id: 'L-0042', name: '山田 太郎', company: '株式会社サンプル <Tokyo>', role: '部長' };

describe('messages people read', () => {
  it('top reasons: the largest gains first, then deductions, then how many more', () => {
    expect(topReasons(payload.reasons)).toBe('料金ページ閲覧 +30 / 決裁者層 +25 / ターゲット規模 +20 / ほか 2 件');
    expect(
      topReasons([
        { rule: 'フリーメール', points: -15 },
        { rule: '決裁者層', points: 25 },
      ]),
    ).toBe('決裁者層 +25 / フリーメール −15');
    expect(topReasons([])).toBe('(理由なし)');
  });

  it('a Slack message says who, which company, score, tier and reasons, in the service time zone, with markup escaped', () => {
    const s = summarize(payload, leadRecord, 'Asia/Tokyo');
    const m = slackMessage(s) as {
      text: string;
      blocks: { text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[];
    };
    expect(m.text).toBe('MQL になりました: 山田 太郎 (株式会社サンプル <Tokyo>) スコア 85');
    expect(m.blocks[0]!.text!.text).toBe('MQL になりました: 山田 太郎 / 株式会社サンプル <Tokyo>');
    expect(m.blocks[1]!.fields!.map((f) => f.text)).toEqual([
      '*スコア*\n85',
      '*ティア*\n中関心 → *MQL*',
      '*会社*\n株式会社サンプル &lt;Tokyo&gt;',
      '*役職*\n部長',
    ]);
    expect(m.blocks[2]!.text!.text).toBe(
      '*主な理由*\n料金ページ閲覧 +30 / 決裁者層 +25 / ターゲット規模 +20 / ほか 2 件',
    );
    expect(m.blocks[3]!.elements![0]!.text).toBe('リード L-0042 · 2026-11-01 09:30 GMT+9 · ルール a751619 · leadscore');
  });

  it('a lead with no record yet is named by its id; a first tier is a change from ティアなし', () => {
    const s = summarize({ ...payload, from: null }, undefined, undefined);
    expect([s.who, s.company, s.from]).toEqual(['L-0042', null, 'ティアなし']);
  });

  it('Teams gets an Adaptive Card with the same facts; json is the payload byte for byte', () => {
    const card = JSON.stringify(teamsMessage(summarize(payload, leadRecord, 'UTC')));
    expect(card).toContain('料金ページ閲覧 +30 / 決裁者層 +25');
    expect(card).toContain('application/vnd.microsoft.card.adaptive');
    const raw = JSON.stringify(payload);
    expect(renderBody('json', raw, JSON.stringify(leadRecord), 'UTC')).toBe(raw);
    expect(JSON.parse(renderBody('slack', raw, JSON.stringify(leadRecord), 'UTC')).text).toContain('山田 太郎');
  });
});
