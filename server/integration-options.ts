import { readFileSync } from 'node:fs';
import { didYouMean, suggest } from '../compiler/suggest.js';
import { parse } from '../grammar/parse.js';
import type { ServiceOptions } from './service.js';
import type { ServeOptions } from './serve-options.js';
import { readSegmentMap } from './segment/segment-map.js';
import {
  DEFAULT_RETRY,
  parseDuration,
  parseWebhook,
  type Webhook,
  type WebhookFormat,
} from './webhooks/webhook-config.js';

type Extra = Pick<ServiceOptions, 'webhooks' | 'outcomeField' | 'segmentMap'>;

/** The options of `serve` for webhooks, notifications, the Segment feed and the KPIs, read and checked before the service starts. */
export function integrationOptions(
  options: ServeOptions,
): { ok: true; options: Extra; warnings: string[] } | { ok: false; message: string } {
  const format = (options.webhookFormat ?? 'json') as WebhookFormat;
  if (!['json', 'slack', 'teams'].includes(format))
    return {
      ok: false,
      message: `--webhook-format must be json, slack or teams (got ${JSON.stringify(options.webhookFormat)})`,
    };
  const webhooks: Webhook[] = [];
  for (const spec of options.webhook ?? []) {
    const parsed = parseWebhook(spec, format);
    if (!parsed.ok) return parsed;
    if (!webhooks.some((w) => w.key === parsed.webhook.key)) webhooks.push(parsed.webhook);
  }
  let secret: Uint8Array | undefined;
  if (options.webhookSecretFile !== undefined) {
    try {
      secret = new Uint8Array(readFileSync(options.webhookSecretFile));
    } catch (e) {
      return {
        ok: false,
        message: `cannot read --webhook-secret-file ${options.webhookSecretFile}: ${(e as Error).message}`,
      };
    }
    if (secret.length === 0)
      return {
        ok: false,
        message: `--webhook-secret-file ${options.webhookSecretFile} is empty: put the shared secret in it`,
      };
  }
  let deadAfterMs = DEFAULT_RETRY.deadAfterMs;
  if (options.webhookDeadAfter !== undefined) {
    const ms = parseDuration(options.webhookDeadAfter);
    if (ms === undefined || ms <= 0)
      return {
        ok: false,
        message: `--webhook-dead-after must be a duration such as 3d, 12h or 30m (got ${JSON.stringify(options.webhookDeadAfter)})`,
      };
    deadAfterMs = ms;
  }
  let segmentMap;
  if (options.segmentMap !== undefined) {
    try {
      segmentMap = readSegmentMap(options.segmentMap);
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  }
  const notify = options.notifyTier
    ?.flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const warnings: string[] = [];
  if (!secret && webhooks.some((w) => w.format === 'json'))
    warnings.push(
      'leadscore serve: --webhook without --webhook-secret-file: deliveries are not signed, so receivers cannot tell them from forgeries',
    );
  return {
    ok: true,
    warnings,
    options: {
      webhooks: {
        webhooks,
        ...(secret && { secret }),
        ...(notify && notify.length > 0 && { notifyTiers: new Set(notify) }),
        retry: { deadAfterMs },
      },
      ...(options.outcome !== undefined && { outcomeField: options.outcome }),
      ...(segmentMap && { segmentMap }),
    },
  };
}

/**
 * `--notify-tier` names checked against the tiers of the rule file: a typo
 * would otherwise silence every notification. Undefined when all are known,
 * or when the rule file cannot be read or parsed (starting the service
 * reports that).
 */
export function unknownNotifyTier(notifyTiers: ReadonlySet<string> | undefined, rulesPath: string): string | undefined {
  if (!notifyTiers || notifyTiers.size === 0) return undefined;
  let source: string;
  try {
    source = readFileSync(rulesPath, 'utf8');
  } catch {
    return undefined;
  }
  const { file, diagnostics } = parse(source);
  if (diagnostics.some((d) => d.severity === 'error')) return undefined;
  const tiers = file.statements.flatMap((s) => (s.kind === 'tier' ? [s.name.name] : []));
  const unknown = [...notifyTiers].find((name) => !tiers.includes(name));
  if (unknown === undefined) return undefined;
  return `--notify-tier ${JSON.stringify(unknown)}: ${rulesPath} has no tier of that name${didYouMean(suggest(unknown, tiers))}; its tiers are ${tiers.map((t) => JSON.stringify(t)).join(', ')}`;
}
