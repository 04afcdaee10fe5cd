/**
 * Numbers as the page shows them: with thousands separators (1,250) in both
 * languages, whatever the browser's own locale would do.
 */
const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function num(n: number): string {
  return grouping.format(n);
}

/** `+1,250`, `−20` (a minus sign), `+0`: points and changes always carry their sign. */
export function signed(n: number): string {
  return n >= 0 ? `+${num(n)}` : `−${num(-n)}`;
}
