#!/usr/bin/env node
// The CLI entry: TypeScript is compiled to dist/ by `npm install` (the prepare script).
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'leadscore: not built yet: run `npm install` (or `npm run build`) in the leadscore folder first\n',
  );
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv);
