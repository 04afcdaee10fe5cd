/**
 * Writes the new rule file by replacing only the text of points tokens (and,
 * with --tiers, tier threshold numbers) at their source offsets: comments,
 * layout, labels and everything else stay byte for byte. Pure, browser-safe.
 */

export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A points token: the sign is always written (`+25`, `-10`). */
export function pointsText(value: number): string {
  return value < 0 ? `-${Math.abs(value)}` : `+${value}`;
}

/** Applies non-overlapping replacements (any order) to `source`. */
export function applyReplacements(source: string, replacements: readonly Replacement[]): string {
  const sorted = [...replacements].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const r of sorted) {
    if (r.start < cursor) throw new Error('overlapping replacements');
    out += source.slice(cursor, r.start) + r.text;
    cursor = r.end;
  }
  return out + source.slice(cursor);
}
