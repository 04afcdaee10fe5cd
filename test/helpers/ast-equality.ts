/** An AST with every source range removed, for comparing trees parsed from different text. */
export function withoutRanges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRanges);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'range' || key.endsWith('Range')) continue;
    out[key] = withoutRanges(value);
  }
  return out;
}
