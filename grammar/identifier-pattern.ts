/**
 * Identifiers are matched by a custom pattern because Chevrotain rebuilds
 * token regexes without the `u` flag, and `\p{L}` then silently fails to
 * match kanji. A sticky Unicode regex here sees the whole character set,
 * including characters beyond the BMP.
 */
const IDENTIFIER = /[\p{L}_][\p{L}\p{Nd}\p{M}_]*/uy;

export function matchIdentifier(text: string, offset: number): RegExpExecArray | null {
  IDENTIFIER.lastIndex = offset;
  return IDENTIFIER.exec(text);
}

export function isIdentifier(text: string): boolean {
  IDENTIFIER.lastIndex = 0;
  const match = IDENTIFIER.exec(text);
  return match !== null && match[0].length === text.length;
}

/**
 * Start characters for Chevrotain's first-character optimisation: ASCII and
 * Latin-1 letters, plus one representative of every bucket Chevrotain uses for
 * char codes from 256 up (it groups them 255 to a bucket), so every non-Latin
 * letter, and every surrogate pair's lead unit, reaches the custom pattern.
 */
export function identifierStartHints(): number[] {
  const hints: number[] = [0x5f /* _ */];
  for (let c = 0x41; c <= 0x5a; c++) hints.push(c, c + 0x20);
  hints.push(0xaa, 0xb5, 0xba);
  for (let c = 0xc0; c <= 0xff; c++) if (c !== 0xd7 && c !== 0xf7) hints.push(c);
  let lastBucket = -1;
  for (let c = 0x100; c <= 0xffff; c++) {
    const bucket = Math.floor(c / 255);
    if (bucket !== lastBucket) {
      hints.push(c);
      lastBucket = bucket;
    }
  }
  return hints;
}
