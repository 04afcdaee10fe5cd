/**
 * "Did you mean …?" for any kind of name (fields, event types, let lists,
 * enum values). Browser-safe, no dependencies.
 */

/**
 * Up to 3 candidates close to `name`, best first. A candidate equal to `name`
 * ignoring case wins outright (a casing slip is the likeliest mistake);
 * otherwise candidates within a Damerau-Levenshtein distance of
 * max(1, floor(length / 3)) are returned, nearest first, ties in the
 * candidates' order. Lengths count code points, so kanji count as one each.
 */
export function suggest(name: string, candidates: Iterable<string>): string[] {
  const list = [...new Set(candidates)];
  const lower = name.toLowerCase();
  const caseOnly = list.find((c) => c !== name && c.toLowerCase() === lower);
  if (caseOnly !== undefined) return [caseOnly];
  const chars = Array.from(name);
  const limit = Math.max(1, Math.floor(chars.length / 3));
  const scored: { candidate: string; distance: number; index: number }[] = [];
  list.forEach((candidate, index) => {
    if (candidate === name) return;
    const distance = editDistance(chars, Array.from(candidate), limit);
    if (distance <= limit) scored.push({ candidate, distance, index });
  });
  scored.sort((a, b) => a.distance - b.distance || a.index - b.index);
  return scored.slice(0, 3).map((s) => s.candidate);
}

/**
 * Optimal-string-alignment Damerau-Levenshtein distance (an adjacent swap
 * costs 1). Returns limit + 1 early when the lengths alone rule a match out.
 */
export function editDistance(a: readonly string[], b: readonly string[], limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let prevPrev: number[] = new Array<number>(width).fill(0);
  let prev: number[] = Array.from({ length: width }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = new Array<number>(width).fill(0);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, prevPrev[j - 2]! + 1);
      row[j] = best;
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * "Did you mean …?" to append to a message, or empty when there is nothing to
 * suggest. An `aside` (messages about data, options and files) reads
 * ` (did you mean "a" or "b"?)`; a `clause` (the checker's diagnostics, whose
 * message has no closing parenthesis to wait for) reads ` — did you mean "a" or "b"?`.
 */
export function didYouMean(suggestions: readonly string[], form: 'aside' | 'clause' = 'aside'): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => JSON.stringify(s));
  const last = quoted.pop()!;
  const question = `did you mean ${quoted.length > 0 ? `${quoted.join(', ')} or ${last}` : last}?`;
  return form === 'aside' ? ` (${question})` : ` — ${question}`;
}
