/**
 * The names a file declares, read from its text with a forgiving pattern, so
 * they are known while the file does not parse (the user is typing).
 */
const NAME = String.raw`([\p{L}_][\p{L}\p{N}\p{M}_]*)`;
const LET = new RegExp(String.raw`(?:^|\s)let\s+` + NAME, 'gu');
const GROUP = new RegExp(String.raw`(?:^|\s)group\s+` + NAME, 'gu');

export function letNames(text: string): string[] {
  return unique([...text.matchAll(LET)].map((m) => m[1]!));
}

export function groupNames(text: string): string[] {
  return unique([...text.matchAll(GROUP)].map((m) => m[1]!));
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
