import type { OutputFormat } from './result-sink.js';

/** The options of `leadscore score`, for either engine. */
export interface ScoreOptions {
  readonly leads: string;
  readonly events?: string;
  readonly asOf?: string;
  readonly tz?: string;
  readonly format: OutputFormat;
  readonly out?: string;
  readonly rejects?: string;
  /** js (default) or duckdb (runScoreDuckDB). */
  readonly engine?: string;
  /** CSV output starts with a UTF-8 byte-order mark, for Excel. */
  readonly bom?: boolean;
}
