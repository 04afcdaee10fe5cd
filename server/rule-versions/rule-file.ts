import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { SchemaHost } from '../../compiler/check-source.js';

/** The schema a rule file names, read from disk relative to the rule file (as `leadscore score` does). */
export function schemaBesideRules(rulesPath: string): SchemaHost {
  return {
    readSchema(schemaPath) {
      const absolute = resolve(dirname(rulesPath), schemaPath);
      try {
        const rel = relative(process.cwd(), absolute);
        return { file: rel.length > 0 && !rel.startsWith('..') ? rel : absolute, text: readFileSync(absolute, 'utf8') };
      } catch {
        return undefined;
      }
    },
  };
}

/** A stored version's schema, for a process that did not load that version from disk itself. */
export function storedSchema(schema: { file: string; text: string } | undefined): SchemaHost {
  return { readSchema: () => schema };
}
