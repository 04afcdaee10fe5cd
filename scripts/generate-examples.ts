/**
 * `npm run examples` (`node dist/scripts/generate-examples.js [OUT_DIR]`, OUT_DIR
 * defaulting to ./examples) writes the example data:
 *   leads.jsonl              one lead per line, no nested events
 *   events.jsonl             one event per line: {"lead_id","type","at",...props}, in time order
 *   leads.csv                the same leads as CSV (arrays as `a;b`, missing as an empty cell)
 *   leads-with-events.json   a JSON array of 50 leads with nested `events`
 */
import { resolve } from 'node:path';
import { DEFAULT_LEAD_COUNT, DEFAULT_SEED } from './examples/model.js';
import { writeExamples } from './examples/serialise.js';

const dir = resolve(process.argv[2] ?? 'examples');
for (const { file, bytes } of writeExamples(dir, { leads: DEFAULT_LEAD_COUNT, seed: DEFAULT_SEED })) {
  console.log(`${file}\t${(bytes / 1024).toFixed(0)} KiB`);
}
