import type { Database } from './database.js';

/**
 * The service's tables, as numbered migrations: the same SQL on PGlite and
 * on PostgreSQL. A database records what it has in `schema_migrations`; a
 * start applies the missing ones in order, in one transaction, holding an
 * advisory lock so that processes starting together on one server do not
 * race. Never edit a migration once released: add the next one.
 *
 * Times are timestamptz; lead and event records, groups and reasons are JSON
 * kept as text (jsonb would reorder keys and refuses "\u0000").
 */
export const MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  {
    version: 1,
    name: 'leads, events, scores, history, rule versions, clock, tokens, outbox',
    sql: `
CREATE TABLE rule_versions (
  version      text PRIMARY KEY,           -- hex SHA-256 of the rule file's bytes
  source       text NOT NULL,
  schema_file  text,                       -- the schema the rules named, as read when the version was stored
  schema_text  text,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE service_state (
  singleton     boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  rules_version text REFERENCES rule_versions (version),
  manual_now    timestamptz                -- the manual clock; null until first set (reads as 1970-01-01)
);
INSERT INTO service_state (singleton) VALUES (true);
CREATE TABLE tokens (
  sha256     text PRIMARY KEY,             -- hex SHA-256 of the token; the token itself is never stored
  name       text NOT NULL,
  scopes     text NOT NULL,                -- JSON list: read, write, admin
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE leads (
  id         text COLLATE "C" PRIMARY KEY, -- ids 7 and "7" are one lead
  record     text NOT NULL,                -- the lead as sent, JSON
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE events (
  lead_id     text COLLATE "C" NOT NULL REFERENCES leads (id),
  event_id    text COLLATE "C" NOT NULL,
  seq         bigserial NOT NULL,          -- arrival order
  type        text NOT NULL,
  at          timestamptz NOT NULL,
  record      text NOT NULL,               -- the event as sent, JSON
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lead_id, event_id)
);
CREATE INDEX events_by_lead_time ON events (lead_id, at, seq);
CREATE TABLE scores (
  lead_id       text COLLATE "C" PRIMARY KEY REFERENCES leads (id),
  score         integer NOT NULL,
  tier          text,
  groups        text NOT NULL,             -- JSON object, in the rule file's group order
  reasons       text NOT NULL,             -- JSON list
  rules_version text NOT NULL,
  scored_at     timestamptz NOT NULL,      -- the instant the score was computed as of
  changed_at    timestamptz NOT NULL,      -- the last time score, tier or groups changed
  next_change   timestamptz                -- when it may change with no new input; null: never
);
CREATE INDEX scores_next_change ON scores (next_change) WHERE next_change IS NOT NULL;
CREATE INDEX scores_tier ON scores (tier, lead_id);
CREATE INDEX scores_changed_at ON scores (changed_at);
CREATE INDEX scores_rules_version ON scores (rules_version);
CREATE TABLE history (
  seq            bigserial PRIMARY KEY,
  lead_id        text COLLATE "C" NOT NULL REFERENCES leads (id),
  at             timestamptz NOT NULL,     -- when the change took effect
  score          integer NOT NULL,
  tier           text,
  groups         text NOT NULL,
  reasons        text NOT NULL,
  previous_score integer,                  -- null for a lead's first row
  previous_tier  text,
  cause          text NOT NULL,            -- JSON {kind, event_ids?, rules_version}
  rules_version  text NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX history_by_lead ON history (lead_id, seq);
CREATE INDEX history_by_time ON history (at);
CREATE TABLE outbox (
  id          text PRIMARY KEY,            -- the delivery id, the same on every retry
  kind        text NOT NULL,               -- lead.tier_changed
  lead_id     text COLLATE "C" NOT NULL,
  payload     text NOT NULL,               -- the JSON body exactly as it is signed and sent
  occurred_at timestamptz NOT NULL,
  history_seq bigint NOT NULL REFERENCES history (seq),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_by_time ON outbox (occurred_at, id);
`,
  },
  {
    // h13: webhook delivery state and dashboard sessions (renumber freely when merging).
    version: 2,
    name: 'webhook deliveries (one row per outbox row and webhook), dashboard sessions',
    sql: `
ALTER TABLE outbox ADD COLUMN fanned_out boolean NOT NULL DEFAULT false;
CREATE INDEX outbox_to_fan_out ON outbox (occurred_at, id) WHERE NOT fanned_out;
CREATE TABLE webhook_deliveries (
  outbox_id       text NOT NULL REFERENCES outbox (id),
  webhook         text NOT NULL,           -- the webhook's key: hex SHA-256 of its URL, first 16 digits
  target          text NOT NULL,           -- the URL without path or query (Slack's URL is a secret), for people
  attempts        integer NOT NULL DEFAULT 0,
  queued_at       timestamptz NOT NULL,    -- start of the dead-letter window (reset by a redelivery)
  next_attempt_at timestamptz NOT NULL,    -- due time, or the end of a try's lease while one is under way
  delivered_at    timestamptz,
  dead_at         timestamptz,
  last_status     integer,
  last_error      text,
  PRIMARY KEY (outbox_id, webhook)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL AND dead_at IS NULL;
CREATE INDEX webhook_deliveries_dead ON webhook_deliveries (dead_at) WHERE dead_at IS NOT NULL;
CREATE TABLE dashboard_sessions (
  sha256       text PRIMARY KEY,           -- hex SHA-256 of the session cookie; the cookie itself is never stored
  token_sha256 text NOT NULL,              -- the read token it was opened with: removing the token ends the session
  expires_at   timestamptz NOT NULL
);
`,
  },
  {
    // h12s (renumber freely when merging). Every query on scores.rules_version
    // asks for `<>` the running version, which a btree cannot answer; the index
    // only cost one more index entry written with every re-scored lead.
    version: 3,
    name: 'drop the unused scores_rules_version index',
    sql: `
DROP INDEX IF EXISTS scores_rules_version;
`,
  },
  {
    // The append-only tables are written only in the transaction that
    // creates or locks their lead (events, history) or writes their history
    // row (outbox), in the same statement for history and outbox; checking
    // each row's key again cost an index probe per row, about 7 µs on PGlite,
    // a tenth of re-scoring a lead. The scores table keeps its key to leads.
    version: 4,
    name: 'no foreign keys on the append-only tables (events, history, outbox)',
    sql: `
ALTER TABLE events DROP CONSTRAINT IF EXISTS events_lead_id_fkey;
ALTER TABLE history DROP CONSTRAINT IF EXISTS history_lead_id_fkey;
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_history_seq_fkey;
`,
  },
  {
    // Every read of events names one lead and sorts its few rows: the primary
    // key (lead_id, event_id) finds them. Every read of the outbox asks for the
    // rows not fanned out, which outbox_to_fan_out holds. Each of these two
    // indexes only cost an entry written with every event or tier change.
    version: 5,
    name: 'drop the indexes no query uses: events by lead and time, outbox by time',
    sql: `
DROP INDEX IF EXISTS events_by_lead_time;
DROP INDEX IF EXISTS outbox_by_time;
`,
  },
  {
    // The queries that read history across leads ask only for tier changes
    // (MQL inflow per day, the dashboard's latest changes). Indexes on just
    // those rows serve both, and the score changes that leave the tier alone,
    // most of the history, are no longer each written into a time index.
    version: 6,
    name: 'history indexed by time and by sequence for tier changes only',
    sql: `
DROP INDEX IF EXISTS history_by_time;
CREATE INDEX history_tier_changes_by_time ON history (at) WHERE tier IS DISTINCT FROM previous_tier;
CREATE INDEX history_tier_changes_by_seq ON history (seq) WHERE tier IS DISTINCT FROM previous_tier;
`,
  },
];

export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(727274001)`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await tx.query<{ version: number }>(`SELECT version FROM schema_migrations`)).map((r) => Number(r.version)),
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
    }
  });
}

/** Migrations hold no semicolons inside literals, so a split at `;` + newline is exact. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.replace(/--[^\n]*/g, '').trim())
    .filter((s) => s.length > 0);
}
