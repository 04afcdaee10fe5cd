import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { checkSource, type CheckedSource } from '../compiler/check-source.js';
import { UsageError } from './exit-codes.js';
import { schemaBeside } from './load-rules.js';
import { describeFsError } from '../runtime/readers/fs-errors.js';

/**
 * A version of a rule file: a path on disk, or a git revision spec such as
 * `main:rules/b2b-saas.score` read with `git show`. The schema it names is
 * read from the same place (the same revision), so each version is checked
 * against the schema it was written for.
 */
export interface RuleVersion extends CheckedSource {
  readonly name: string;
  readonly source: string;
}

export function loadRuleVersion(spec: string): RuleVersion {
  if (existsSync(spec)) {
    let source: string;
    try {
      source = readFileSync(spec, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot open rule file ${spec}: ${describeFsError(e)}`);
    }
    return { ...checkSource(source, schemaBeside(spec)), name: spec, source };
  }
  const colon = spec.indexOf(':');
  if (colon <= 0) throw new UsageError(`${spec}: no such file (nor a git revision such as main:rules/b2b-saas.score)`);
  const revision = spec.slice(0, colon);
  const path = spec.slice(colon + 1).replace(/^\.\//, '');
  const source = gitShow(revision, path, spec);
  const checked = checkSource(source, {
    readSchema(schemaPath) {
      const inRepo = posix.normalize(posix.join(posix.dirname(path), schemaPath));
      try {
        return { file: `${revision}:${inRepo}`, text: gitShow(revision, inRepo, `${revision}:${inRepo}`) };
      } catch {
        return undefined;
      }
    },
  });
  return { ...checked, name: spec, source };
}

function gitShow(revision: string, path: string, spec: string): string {
  try {
    // `git show REV:./path` resolves the path from the working directory, like the user typed it.
    return execFileSync('git', ['show', `${revision}:./${path}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '')
      .trim()
      .split('\n')[0];
    if ((e as { code?: string }).code === 'ENOENT')
      throw new UsageError(`${spec}: reading a git revision needs git, which is not installed`);
    throw new UsageError(`${spec}: not a file, and git cannot show it${stderr ? ` (git: ${stderr})` : ''}`);
  }
}
