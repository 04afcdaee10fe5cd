import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { databaseTokens, readTokenFile, type TokenEntry } from './auth/tokens.js';
import { BackgroundRescore } from './rules/background-rescore.js';
import { replaceRules, type ReplaceOutcome } from './rules/replace-rules.js';
import { schemaBesideRules } from './rule-versions/rule-file.js';
import { compileRuleSet } from './rule-versions/rule-set.js';
import { RulesRegistry } from './rule-versions/rules-registry.js';
import { countStale } from './rules/rescore-all.js';
import type { ServiceCore } from './scoring/core.js';
import type { Database } from './store/database.js';
import { instant } from './store/database.js';
import { migrate } from './store/migrations.js';
import { openPglite } from './store/pglite-database.js';
import { DataDirBusyError } from './store/data-dir-lock.js';
import { openPostgres } from './store/postgres-database.js';
import { ManualClock, systemClock } from './store/clock.js';
import { LeadEventsCache } from './store/lead-events-cache.js';
import { processDueChanges } from './time/due-changes.js';
import { DueScheduler } from './time/scheduler.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';
import type { WebhookOptions } from './webhooks/webhook-config.js';
import type { SegmentMap } from './segment/segment-map.js';
import type { Diagnostic } from '../grammar/diagnostic.js';

export interface ServiceOptions {
  readonly rulesPath: string;
  /** PGlite's directory (default ./.leadscore); ignored with databaseUrl. */
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  /** An open database to use instead (tests, embedding); the caller closes it. */
  readonly database?: Database;
  readonly tokensFile?: string;
  readonly clock: 'system' | 'manual';
  readonly timeZone?: string;
  /** Where background failures are reported (stderr in `serve`). */
  readonly log?: (line: string) => void;
  /** --webhook …: where tier changes go (none: the outbox is only marked as seen). */
  readonly webhooks?: WebhookOptions;
  /** --outcome FIELD: the lead field that says the lead became an opportunity (dashboard and /v1/metrics). */
  readonly outcomeField?: string;
  /** --segment-map FILE: Segment event names → event types for POST /v1/segment. */
  readonly segmentMap?: SegmentMap;
}

/** A problem the user can fix before starting (exit 1 for rules, 2 for the rest). */
export class StartError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
  }
}

/**
 * The live scoring service without HTTP: storage, rules, clock, and the
 * background work (due changes, re-scoring after a rules change). The HTTP
 * layer (http/app.ts) and the tests drive it.
 */
export class LiveService {
  readonly core: ServiceCore;
  private readonly scheduler: DueScheduler | undefined;
  readonly background: BackgroundRescore;
  readonly dispatcher: WebhookDispatcher;

  private constructor(
    readonly options: ServiceOptions,
    db: Database,
    registry: RulesRegistry,
    private currentTokens: readonly TokenEntry[],
    /** The admin token made on a first start without --tokens; shown once. */
    readonly createdToken: string | undefined,
  ) {
    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    const onError = (e: unknown): void =>
      log(`leadscore serve: background work failed, will retry: ${(e as Error)?.message ?? String(e)}`);
    this.core = {
      db,
      registry,
      clock: options.clock === 'manual' ? new ManualClock() : systemClock,
      timeZone: options.timeZone,
      ...(db.serial && { leadEvents: new LeadEventsCache() }),
      onCommitted: (scores) => {
        for (const s of scores) this.scheduler?.notify(s.nextChange);
        this.dispatcher.committed();
      },
    };
    this.scheduler = options.clock === 'system' ? new DueScheduler(this.core, onError) : undefined;
    this.background = new BackgroundRescore(this.core, onError);
    this.dispatcher = new WebhookDispatcher(db, options.webhooks ?? { webhooks: [] }, options.timeZone, (e) =>
      log(`leadscore serve: webhook delivery failed, will retry: ${(e as Error)?.message ?? String(e)}`),
    );
  }

  /** The bearer tokens in force: read at start, again on reloadTokens() (SIGHUP). */
  get tokens(): readonly TokenEntry[] {
    return this.currentTokens;
  }

  /**
   * Reads the tokens again (SIGHUP): the --tokens file, or the database's
   * tokens without one. Tokens added work at once, removed ones stop working
   * (and end their dashboard sessions). A file that cannot be read or is not
   * valid throws (TokenFileError) and leaves the tokens in force unchanged.
   * Returns how many tokens are now in force, and the admin token created
   * when the database had none left (shown once, as at a first start).
   */
  async reloadTokens(): Promise<{ count: number; created?: string }> {
    if (this.options.tokensFile !== undefined) {
      this.currentTokens = readTokenFile(this.options.tokensFile);
      return { count: this.currentTokens.length };
    }
    const stored = await databaseTokens(this.core.db);
    this.currentTokens = stored.entries;
    return stored.created === undefined
      ? { count: stored.entries.length }
      : { count: stored.entries.length, created: stored.created };
  }

  static async open(options: ServiceOptions): Promise<LiveService> {
    const rules = loadRulesFile(options.rulesPath, options.timeZone);
    const tokenFile = options.tokensFile === undefined ? undefined : readTokens(options.tokensFile);
    const db = options.database ?? (await openStore(options));
    try {
      await migrate(db);
      const registry = new RulesRegistry(rules, options.timeZone);
      await registry.activate(db, rules);
      const stored = tokenFile ? undefined : await databaseTokens(db);
      const service = new LiveService(options, db, registry, tokenFile ?? stored!.entries, stored?.created);
      // Changes that fell due while the service was down, then the background work.
      const now = await service.core.clock.now(db);
      await processDueChanges(service.core, now);
      service.scheduler?.start();
      service.background.kick();
      service.dispatcher.start();
      return service;
    } catch (e) {
      if (!options.database) await db.close().catch(() => undefined);
      throw e;
    }
  }

  /** `{status, rules_version, now, pending}`: pending counts leads with a change due or a re-score queued. */
  async health(): Promise<{ status: 'ok'; rules_version: string; now: string; pending: number }> {
    const { db } = this.core;
    const rules = await this.core.registry.inTransaction(db);
    const now = await this.core.clock.now(db);
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM scores WHERE next_change <= $1 OR rules_version <> $2`,
      [instant(now), rules.version],
    );
    return {
      status: 'ok',
      rules_version: rules.version,
      now: new Date(now).toISOString(),
      pending: Number(rows[0]?.n ?? 0),
    };
  }

  /** POST /v1/clock: moves the manual clock forward and makes every change due by then; throws ClockBackwardsError. */
  async setClock(to: number): Promise<{ now: string; rescored: number }> {
    const clock = this.core.clock;
    if (!(clock instanceof ManualClock)) throw new Error('the clock is not manual');
    await this.core.db.transaction((tx) => clock.set(tx, to));
    const rescored = await processDueChanges(this.core, to);
    return { now: new Date(to).toISOString(), rescored };
  }

  /** POST /v1/rules and SIGHUP. */
  async replaceRules(bytes: Uint8Array): Promise<ReplaceOutcome> {
    const outcome = await replaceRules(this.core, bytes, schemaBesideRules(this.options.rulesPath));
    if (outcome.ok) this.background.kick();
    return outcome;
  }

  async staleCount(): Promise<number> {
    return countStale(this.core, this.core.registry.current.version);
  }

  /** Stops the background work (letting a batch in progress commit) and closes the database. */
  async close(): Promise<void> {
    await this.scheduler?.stop();
    await this.background.stop();
    await this.dispatcher.stop();
    if (!this.options.database) await this.core.db.close();
  }
}

async function openStore(options: ServiceOptions): Promise<Database> {
  try {
    return options.databaseUrl
      ? await openPostgres(options.databaseUrl)
      : await openPglite(pgliteDirectory(options.dataDir));
  } catch (e) {
    if (e instanceof DataDirBusyError) throw new StartError(e.message, 2);
    if (options.databaseUrl)
      throw new StartError(`cannot use the database ${redact(options.databaseUrl)}: ${(e as Error).message}`, 2);
    throw e;
  }
}

/** A database URL in a message, without its password. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'given with --database';
  }
}

/** `memory://` keeps nothing (demos, tests); anything else is a directory. */
function pgliteDirectory(dataDir: string | undefined): string | undefined {
  if (dataDir === 'memory://') return undefined;
  return resolve(dataDir ?? '.leadscore');
}

function loadRulesFile(path: string, timeZone: string | undefined) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new StartError(
      `cannot open rule file ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      2,
    );
  }
  const result = compileRuleSet(bytes, schemaBesideRules(path), timeZone);
  if (!result.ok) throw new StartError(`${path} has errors: fix them, then start again`, 1, result.diagnostics);
  return result.rules;
}

function readTokens(path: string): TokenEntry[] {
  try {
    return readTokenFile(path);
  } catch (e) {
    throw new StartError((e as Error).message, 2);
  }
}
