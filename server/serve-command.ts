import { readFileSync } from 'node:fs';
import { isValidTimeZone } from '../core/time.js';
import { buildApp } from './http/app.js';
import { LiveService, StartError } from './service.js';
import { parseListen } from './listen-address.js';
import { integrationOptions, unknownNotifyTier } from './integration-options.js';
import type { ServeOptions } from './serve-options.js';

const EXIT = { ok: 0, rules: 1, usage: 2, internal: 70 } as const;

/**
 * `leadscore serve RULES …`: starts the service, prints exactly one line
 * `listening on http://HOST:PORT` to stdout when ready (everything else goes
 * to stderr), and on SIGTERM/SIGINT stops accepting, finishes what was
 * accepted and resolves 0. SIGHUP re-reads the tokens and RULES.
 */
export async function runServe(rulesPath: string, options: ServeOptions): Promise<number> {
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const usage = (message: string): number => {
    log(`leadscore: ${message}`);
    return EXIT.usage;
  };
  if (options.dataDir !== undefined && options.database !== undefined)
    return usage('--data-dir and --database exclude each other: the data lives in one place');
  if (options.database !== undefined && !/^postgres(ql)?:\/\//.test(options.database))
    return usage(`--database must be a postgres://… URL (got ${JSON.stringify(options.database)})`);
  const clock = options.clock ?? 'system';
  if (clock !== 'system' && clock !== 'manual')
    return usage(`--clock must be system or manual (got ${JSON.stringify(clock)})`);
  if (options.tz !== undefined && !isValidTimeZone(options.tz))
    return usage(`--tz "${options.tz}" is not a time zone: use a name such as Asia/Tokyo or UTC`);
  const address = parseListen(options.listen ?? '127.0.0.1:8080');
  if (!address.ok) return usage(address.message);
  const integrations = integrationOptions(options);
  if (!integrations.ok) return usage(integrations.message);
  const tierProblem = unknownNotifyTier(integrations.options.webhooks?.notifyTiers, rulesPath);
  if (tierProblem) return usage(tierProblem);
  for (const w of integrations.warnings) log(w);

  let service: LiveService;
  try {
    service = await LiveService.open({
      rulesPath,
      ...(options.dataDir !== undefined && { dataDir: options.dataDir }),
      ...(options.database !== undefined && { databaseUrl: options.database }),
      ...(options.tokens !== undefined && { tokensFile: options.tokens }),
      clock,
      ...(options.tz !== undefined && { timeZone: options.tz }),
      log,
      ...integrations.options,
    });
  } catch (e) {
    if (!(e instanceof StartError)) throw e;
    for (const d of e.diagnostics)
      log(
        `${d.file ?? rulesPath}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${d.message} [${d.code}]`,
      );
    log(`leadscore: ${e.message}`);
    return e.exitCode;
  }
  if (service.createdToken) {
    log(
      `leadscore serve: created the first admin token (only its SHA-256 is stored; this is the only time it is shown):\n${service.createdToken}`,
    );
  }

  const app = buildApp(service, log);
  await app.listen({ host: address.host, port: address.port });
  const bound = app.server.address();
  const port = typeof bound === 'object' && bound ? bound.port : address.port;
  process.stdout.write(
    `listening on http://${address.host.includes(':') ? `[${address.host}]` : address.host}:${port}\n`,
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (): Promise<void> => {
      if (stopping) return;
      stopping = true;
      process.off('SIGHUP', reload);
      try {
        await app.close();
        await service.close();
        resolve(EXIT.ok);
      } catch (e) {
        log(`leadscore: internal error while stopping: ${(e as Error).message}`);
        resolve(EXIT.internal);
      }
    };
    const reload = (): void => {
      void (async () => {
        // The tokens first: a token rotated together with the rules is in force once the rules are.
        try {
          const tokens = await service.reloadTokens();
          log(`leadscore serve: tokens reloaded: ${tokens.count} in force`);
          if (tokens.created)
            log(
              `leadscore serve: no token was left, created an admin token (only its SHA-256 is stored; this is the only time it is shown):\n${tokens.created}`,
            );
        } catch (e) {
          log(`leadscore serve: cannot reload the tokens, the ones in force are unchanged: ${(e as Error).message}`);
        }
        try {
          const outcome = await service.replaceRules(new Uint8Array(readFileSync(rulesPath)));
          if (outcome.ok)
            log(
              `leadscore serve: ${rulesPath} reloaded: rules_version ${outcome.rules.version}, ${outcome.impact.tierChanged} leads change tier`,
            );
          else {
            for (const d of outcome.diagnostics)
              log(
                `${d.file ?? rulesPath}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${d.message} [${d.code}]`,
              );
            log(`leadscore serve: ${rulesPath} has errors: the running rules are unchanged`);
          }
        } catch (e) {
          log(`leadscore serve: cannot reload ${rulesPath}: ${(e as Error).message}`);
        }
      })();
    };
    process.once('SIGTERM', () => void stop());
    process.once('SIGINT', () => void stop());
    process.on('SIGHUP', reload);
  });
}
