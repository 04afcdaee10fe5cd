/** An input file of the DuckDB engine and the format its name tells. */
export type InputFormat = 'jsonl' | 'json' | 'csv' | 'parquet';

export interface InputFile {
  readonly path: string;
  readonly format: InputFormat;
}

export function inputFormatOf(path: string): InputFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.parquet') || lower.endsWith('.pq')) return 'parquet';
  return undefined;
}
