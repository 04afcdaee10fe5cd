import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { checkSource, type CheckedSource, type SchemaHost } from '../compiler/check-source.js';
import { whyCannotOpen } from './open-problem.js';
import { UsageError } from './exit-codes.js';

export interface LoadedRules extends CheckedSource {
  /** The rule file's path as the user gave it. */
  readonly path: string;
  readonly source: string;
  /** The schema file the rule file names, resolved, when it could be read (an input of the command). */
  readonly schemaPath?: string;
}

/** Reads a rule file and checks it, reading the schema it names relative to it. */
export function loadRules(path: string): LoadedRules {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot open rule file ${path}: ${whyCannotOpen(path, e)}`);
  }
  let schemaPath: string | undefined;
  const checked = checkSource(
    source,
    schemaBeside(path, (absolute) => (schemaPath = absolute)),
  );
  return { ...checked, path, source, ...(schemaPath !== undefined && { schemaPath }) };
}

/** Reads the schema a rule file names from disk, relative to the rule file. */
export function schemaBeside(rulePath: string, onRead?: (absolute: string) => void): SchemaHost {
  return {
    readSchema(schemaPath) {
      const absolute = resolve(dirname(rulePath), schemaPath);
      try {
        const text = readFileSync(absolute, 'utf8');
        onRead?.(absolute);
        return { file: displayPath(absolute), text };
      } catch {
        return undefined;
      }
    },
  };
}

/** Paths in messages are relative to the working directory when that is shorter. */
export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel.length > 0 && !rel.startsWith('..') ? rel : absolute;
}
