import { slackMessage } from '../notify/slack-message.js';
import { teamsMessage } from '../notify/teams-message.js';
import { summarize, type TierChangePayload } from '../notify/tier-change.js';
import type { WebhookFormat } from './webhook-config.js';

/** The body a webhook receives: the stored payload byte for byte (json), or a message rendered from it. */
export function renderBody(
  format: WebhookFormat,
  payload: string,
  leadRecord: string | null,
  timeZone: string | undefined,
): string {
  if (format === 'json') return payload;
  const parsed = JSON.parse(payload) as TierChangePayload;
  const lead = leadRecord === null ? undefined : (JSON.parse(leadRecord) as Record<string, unknown>);
  const summary = summarize(parsed, lead, timeZone);
  return JSON.stringify(format === 'slack' ? slackMessage(summary) : teamsMessage(summary));
}
