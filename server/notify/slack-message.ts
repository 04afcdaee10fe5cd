import type { TierChangeSummary } from './tier-change.js';

/** Slack's mrkdwn treats &, < and > as markup: names and rule labels are escaped. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A Slack incoming-webhook payload: `text` is the notification line (and what
 * clients without blocks show); the blocks are the message a salesperson
 * reads at a glance — who, company, score, tier, top reasons.
 */
export function slackMessage(s: TierChangeSummary): Record<string, unknown> {
  const company = s.company ? `(${s.company})` : '';
  const headline = `${s.to} になりました: ${s.who}${company ? ` ${company}` : ''} スコア ${s.score}`;
  return {
    text: headline,
    blocks: [
      {
        type: 'header',
        text: {
          type: 'plain_text',
          text: `${s.to} になりました: ${s.who}${s.company ? ` / ${s.company}` : ''}`.slice(0, 150),
          emoji: true,
        },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*スコア*\n${s.score}` },
          { type: 'mrkdwn', text: `*ティア*\n${esc(s.from)} → *${esc(s.to)}*` },
          { type: 'mrkdwn', text: `*会社*\n${esc(s.company ?? '—')}` },
          { type: 'mrkdwn', text: `*役職*\n${esc(s.role ?? '—')}` },
        ],
      },
      { type: 'section', text: { type: 'mrkdwn', text: `*主な理由*\n${esc(s.topReasons)}` } },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `リード ${esc(s.leadId)} · ${esc(s.when)} · ルール ${s.rulesVersion} · leadscore` },
        ],
      },
    ],
  };
}
