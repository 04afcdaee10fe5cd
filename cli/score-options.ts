import { UsageError } from './exit-codes.js';
import type { OutputFormat, SinkOptions } from './result-sink.js';

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
  /** Text encoding of the data files: auto, utf-8 or shift_jis. */
  readonly encoding?: string;
  /** CSV: `escape` (default) neutralises text cells a spreadsheet would run as formulas; `keep` writes them as they are. */
  readonly csvFormulas?: string;
}

/** How the result sink writes, from the flags of either engine. */
export function sinkOptions(options: ScoreOptions): SinkOptions {
  if (options.csvFormulas !== undefined && options.csvFormulas !== 'escape' && options.csvFormulas !== 'keep') {
    throw new UsageError(`--csv-formulas "${options.csvFormulas}": use escape (the default) or keep`);
  }
  return { bom: options.bom === true, keepFormulas: options.csvFormulas === 'keep' };
}
