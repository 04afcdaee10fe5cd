import type { TierChangeSummary } from './tier-change.js';

/**
 * A Microsoft Teams message (a Workflows "post to a channel when a webhook
 * request is received" flow, or an incoming webhook): one Adaptive Card with
 * the same content as the Slack message.
 */
export function teamsMessage(s: TierChangeSummary): Record<string, unknown> {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              size: 'Large',
              weight: 'Bolder',
              wrap: true,
              text: `${s.to} になりました: ${s.who}${s.company ? ` / ${s.company}` : ''}`,
            },
            {
              type: 'FactSet',
              facts: [
                { title: 'スコア', value: String(s.score) },
                { title: 'ティア', value: `${s.from} → ${s.to}` },
                { title: '会社', value: s.company ?? '—' },
                { title: '役職', value: s.role ?? '—' },
                { title: '主な理由', value: s.topReasons },
              ],
            },
            {
              type: 'TextBlock',
              isSubtle: true,
              size: 'Small',
              wrap: true,
              text: `リード ${s.leadId} · ${s.when} · ルール ${s.rulesVersion} · leadscore`,
            },
          ],
        },
      },
    ],
  };
}
