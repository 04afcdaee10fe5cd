import { createHash } from 'node:crypto';

/** How a webhook's body is written: the signed JSON event, or a message people read in Slack or Teams. */
export type WebhookFormat = 'json' | 'slack' | 'teams';
export const WEBHOOK_FORMATS: readonly WebhookFormat[] = ['json', 'slack', 'teams'];

export interface Webhook {
  readonly url: string;
  readonly format: WebhookFormat;
  /** Stable key of the webhook in the database: the first 16 hex digits of SHA-256 of its URL. */
  readonly key: string;
  /** The URL's origin only: incoming-webhook URLs of Slack and Teams are secrets. */
  readonly target: string;
}

export interface RetryPolicy {
  /** Delay before the second try; each further try doubles it (with jitter), up to maxDelayMs. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A delivery still failing this long after it was queued is dead-lettered. */
  readonly deadAfterMs: number;
  /** A try that has no answer after this long has failed. */
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseDelayMs: 10_000,
  maxDelayMs: 60 * 60_000,
  deadAfterMs: 3 * 24 * 60 * 60_000,
  timeoutMs: 10_000,
};

export interface WebhookOptions {
  readonly webhooks: readonly Webhook[];
  /** The HMAC key: the secret file's bytes exactly. Without it no signature header is sent. */
  readonly secret?: Uint8Array;
  /** Only changes into these tiers are delivered; all changes when absent. */
  readonly notifyTiers?: ReadonlySet<string>;
  readonly retry?: Partial<RetryPolicy>;
  /** How often the dispatcher looks for work written by other processes (ms). */
  readonly pollMs?: number;
}

/**
 * `--webhook URL` takes `--webhook-format` (default json); `--webhook slack:URL`,
 * `teams:URL` or `json:URL` names the format of that one webhook.
 */
export function parseWebhook(
  spec: string,
  defaultFormat: WebhookFormat,
): { ok: true; webhook: Webhook } | { ok: false; message: string } {
  const prefixed = /^(json|slack|teams):(https?:\/\/.*)$/i.exec(spec);
  const format = (prefixed ? prefixed[1]!.toLowerCase() : defaultFormat) as WebhookFormat;
  const text = prefixed ? prefixed[2]! : spec;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: `--webhook ${JSON.stringify(spec)} is not a URL: give https://…, or slack:https://… for a Slack message`,
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, message: `--webhook ${JSON.stringify(spec)}: only http:// and https:// are delivered to` };
  return {
    ok: true,
    webhook: {
      url: url.href,
      format,
      key: createHash('sha256').update(url.href, 'utf8').digest('hex').slice(0, 16),
      target: url.origin,
    },
  };
}

/** `3d`, `12h`, `30m`, `45s`, `500ms`: a duration for --webhook-dead-after. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
