import { rowLock, type Database, type Sql } from '../store/database.js';
import { compileRuleSet, type RuleSet } from './rule-set.js';
import { storedSchema } from './rule-file.js';

/**
 * Which rules score right now. The database's `service_state.rules_version`
 * is the truth (several processes may share one PostgreSQL database and any
 * of them may take a new version); each process compiles a version once and
 * keeps it.
 */
export class RulesRegistry {
  private readonly compiled = new Map<string, RuleSet>();
  /**
   * Where transactions never overlap (PGlite: this process is the data's only
   * user), the version read last stays the truth until activate() changes it:
   * no read per transaction. Cleared inside activate's transaction, so a
   * rolled-back change leaves the next transaction to read it again.
   */
  private versionKnown = false;

  constructor(
    private latest: RuleSet,
    private readonly timeZone: string | undefined,
  ) {
    this.compiled.set(latest.version, latest);
  }

  /** The version this process used last (for /healthz). */
  get current(): RuleSet {
    return this.latest;
  }

  /**
   * The rules to score with in this transaction. Every transaction that
   * scores calls this first; the share lock on the service's one state row
   * makes a new rules version or a move of the manual clock (which lock it
   * for update) wait for transactions already scoring with the old ones, so
   * that a lead another process's re-scoring skipped (SKIP LOCKED) is never
   * left on the old version or short of the clock.
   */
  async inTransaction(tx: Sql): Promise<RuleSet> {
    if (tx.serial && this.versionKnown) return this.latest;
    const rows = await tx.query<{ rules_version: string | null }>(
      `SELECT rules_version FROM service_state${rowLock(tx, 'FOR SHARE')}`,
    );
    const version = rows[0]?.rules_version;
    if (version && version !== this.latest.version)
      this.latest = this.compiled.get(version) ?? (await this.load(tx, version));
    this.versionKnown = true;
    return this.latest;
  }

  /** Stores `rules` and makes them the version every process scores with. */
  async activate(db: Database, rules: RuleSet): Promise<void> {
    await db.transaction(async (tx) => {
      this.versionKnown = false;
      await tx.query(
        `INSERT INTO rule_versions (version, source, schema_file, schema_text) VALUES ($1, $2, $3, $4) ON CONFLICT (version) DO NOTHING`,
        [rules.version, rules.source, rules.schema?.file ?? null, rules.schema?.text ?? null],
      );
      await tx.query(`UPDATE service_state SET rules_version = $1`, [rules.version]);
    });
    this.compiled.set(rules.version, rules);
    this.latest = rules;
  }

  private async load(tx: Sql, version: string): Promise<RuleSet> {
    const rows = await tx.query<{ source: string; schema_file: string | null; schema_text: string | null }>(
      `SELECT source, schema_file, schema_text FROM rule_versions WHERE version = $1`,
      [version],
    );
    const row = rows[0];
    if (!row) throw new Error(`rules version ${version} is named current but is not stored`);
    const schema =
      row.schema_file !== null && row.schema_text !== null
        ? { file: row.schema_file, text: row.schema_text }
        : undefined;
    const result = compileRuleSet(new TextEncoder().encode(row.source), storedSchema(schema), this.timeZone);
    if (!result.ok) throw new Error(`stored rules version ${version} no longer compiles`);
    const rules = { ...result.rules, version };
    this.compiled.set(version, rules);
    return rules;
  }
}
