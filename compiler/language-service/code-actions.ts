import type { Diagnostic } from '../../grammar/diagnostic.js';

/** A "did you mean …?" fix: put `newText` in place of the diagnostic's range. */
export interface QuickFix {
  readonly diagnostic: Diagnostic;
  readonly newText: string;
  /** The first suggestion is the likeliest. */
  readonly preferred: boolean;
}

/**
 * The quick fixes for the rule file's diagnostics that touch [start, end]
 * (offsets): one per suggestion a diagnostic carries. Diagnostics of the
 * schema file (which carry `file`) have none here.
 */
export function quickFixes(diagnostics: readonly Diagnostic[], start: number, end: number): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.file !== undefined || !diagnostic.suggestions?.length) continue;
    if (diagnostic.range.end.offset < start || diagnostic.range.start.offset > end) continue;
    diagnostic.suggestions.forEach((newText, i) => fixes.push({ diagnostic, newText, preferred: i === 0 }));
  }
  return fixes;
}

export function quickFixTitle(fix: QuickFix): string {
  return `Change to "${fix.newText}"`;
}
