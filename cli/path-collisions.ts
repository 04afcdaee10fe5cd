import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './exit-codes.js';
import { displayPath } from './load-rules.js';

/** A path named by a flag (`--leads`, `--out`) or an argument (`RULES`). */
export interface NamedPath {
  readonly what: string;
  readonly path: string;
}

/**
 * The identity of a file: device and inode when it exists (so a symbolic or
 * hard link to the same file is the same file), else its real folder and
 * name. `-` is the standard stream.
 */
function identityOf(path: string): string {
  if (path === '-') return '-';
  try {
    const stat = statSync(path);
    if (stat.isFile()) return `inode:${stat.dev}:${stat.ino}`;
  } catch {
    // does not exist (yet): compare by where it would be
  }
  const absolute = resolve(path);
  try {
    return `path:${join(realpathSync(dirname(absolute)), basename(absolute))}`;
  } catch {
    return `path:${absolute}`;
  }
}

/**
 * Refuses, with a usage error (exit 2), a run that would overwrite one of its
 * own inputs, write two outputs to one file, or read stdin twice. Called
 * before anything is written.
 */
export function refuseCollisions(
  inputs: readonly (NamedPath | undefined)[],
  outputs: readonly (NamedPath | undefined)[],
): void {
  const ins = inputs.filter((p): p is NamedPath => p !== undefined);
  const outs = outputs.filter((p): p is NamedPath => p !== undefined);
  const stdin = ins.filter((p) => p.path === '-');
  if (stdin.length > 1) {
    throw new UsageError(
      `${stdin.map((p) => p.what).join(' and ')} both read stdin (-), which can be read only once: give one of them a file`,
    );
  }
  const inputIds = ins.filter((p) => p.path !== '-').map((p) => ({ ...p, id: identityOf(p.path) }));
  const seen: { what: string; path: string; id: string }[] = [];
  for (const out of outs) {
    const id = identityOf(out.path);
    if (id === '-') {
      const other = seen.find((s) => s.id === '-');
      if (other)
        throw new UsageError(`${other.what} and ${out.what} would both write to stdout: give one of them a file`);
      seen.push({ ...out, id });
      continue;
    }
    const input = inputIds.find((i) => i.id === id);
    if (input) {
      throw new UsageError(
        `${out.what} ${out.path} is the ${input.what} file${input.path === out.path ? '' : ` (${input.path})`}: writing it would destroy the input; write to another file`,
      );
    }
    const other = seen.find((s) => s.id === id);
    if (other)
      throw new UsageError(`${other.what} and ${out.what} name the same file (${out.path}): give each its own file`);
    seen.push({ ...out, id });
  }
}

/** A rule file and the schema it names: inputs of every command that reads rules. */
export function ruleInputs(rules: { readonly path: string; readonly schemaPath?: string }, what = 'rule'): NamedPath[] {
  return [
    { what, path: rules.path },
    ...(rules.schemaPath === undefined
      ? []
      : [{ what: `${what === 'rule' ? '' : `${what} `}schema`, path: displayPath(rules.schemaPath) }]),
  ];
}
