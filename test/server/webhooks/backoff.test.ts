import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../server/webhooks/backoff.js';
import { parseDuration, parseWebhook } from '../../../server/webhooks/webhook-config.js';

describe('retry backoff', () => {
  it('doubles up to the cap, with jitter between half and all of it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, base, factor, r) => {
          const policy = { baseDelayMs: base, maxDelayMs: base * factor };
          const cap = Math.min(base * 2 ** (attempt - 1), policy.maxDelayMs);
          const d = retryDelay(attempt, policy, () => r);
          expect(d).toBeGreaterThanOrEqual(Math.floor(cap / 2));
          expect(d).toBeLessThanOrEqual(Math.ceil(cap));
          expect(retryDelay(attempt + 1, policy, () => 1)).toBeGreaterThanOrEqual(retryDelay(attempt, policy, () => 1));
        },
      ),
    );
  });
});

describe('webhook options', () => {
  it('a prefix chooses the format of one webhook; the URL is keyed, and shown only by its origin', () => {
    const slack = parseWebhook('slack:https://hooks.slack.com/services/T/B/secret', 'json');
    expect(slack.ok && [slack.webhook.format, slack.webhook.url, slack.webhook.target]).toEqual([
      'slack',
      'https://hooks.slack.com/services/T/B/secret',
      'https://hooks.slack.com',
    ]);
    const plain = parseWebhook('https://sfa.example.com/hook', 'teams');
    expect(plain.ok && plain.webhook.format).toBe('teams');
    expect(parseWebhook('ftp://x', 'json')).toMatchObject({ ok: false });
    expect(parseWebhook('not a url', 'json')).toMatchObject({ ok: false });
  });

  it('durations for --webhook-dead-after', () => {
    expect([
      parseDuration('3d'),
      parseDuration('12h'),
      parseDuration('30m'),
      parseDuration('500ms'),
      parseDuration('3 days'),
    ]).toEqual([259_200_000, 43_200_000, 1_800_000, 500, undefined]);
  });
});
