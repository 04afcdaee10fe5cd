#!/usr/bin/env node
// `npm run fuzz [-- RUNS [SEED]]`: the CLI fuzz test (test/fuzz/) for many
// runs, from a fresh seed unless one is given. A failure prints the seed that
// reproduces it. The normal test run does a few runs with a fixed seed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [runs = '2000', seed = String(Date.now() % 1_000_000_000)] = process.argv.slice(2);
process.stderr.write(`fuzzing the CLI: ${runs} runs from seed ${seed}\n`);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const result = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
  env: { ...process.env, LEADSCORE_FUZZ_RUNS: runs, LEADSCORE_FUZZ_SEED: seed },
});
process.exit(result.status ?? 1);
