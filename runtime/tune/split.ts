/**
 * The deterministic holdout split of `tune`: a seeded shuffle (mulberry32)
 * within each outcome class, so both parts keep the conversion rate and the
 * holdout always has converted and non-converted leads when the data has
 * at least two of each. The same seed and data always give the same split.
 */

import { mulberry32 } from '../random.js';

export interface Split {
  /** Indices of the training leads, ascending. */
  readonly train: number[];
  /** Indices of the held-out leads, ascending. */
  readonly holdout: number[];
}

/** Holds out round(share × class size) of each class (at least 1 when the class has 2 or more). */
export function stratifiedSplit(labels: readonly boolean[], share: number, seed: number): Split {
  const random = mulberry32(seed);
  const train: number[] = [];
  const holdout: number[] = [];
  for (const cls of [true, false]) {
    const members = labels.flatMap((l, i) => (l === cls ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    let k = Math.round(share * members.length);
    if (members.length >= 2) k = Math.min(members.length - 1, Math.max(1, k));
    holdout.push(...members.slice(0, k));
    train.push(...members.slice(k));
  }
  return { train: train.sort((a, b) => a - b), holdout: holdout.sort((a, b) => a - b) };
}
