import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  DIAGNOSTIC_CATALOGUE,
  docsAnchor,
  isDiagnosticCode,
  type DiagnosticCode,
} from '../../grammar/diagnostic-catalogue.js';

const SECTIONS: Record<string, string> = {
  'Syntax (errors)': 'syntax',
  'The schema file (errors)': 'schema',
  'Rules (errors)': 'rules',
  Warnings: 'warnings',
  'The SQL target (errors)': 'sql',
};

/** code → section, from the tables of docs/language.md's "Diagnostics" chapter. */
function documentedCodes(): Map<string, string> {
  const text = readFileSync('docs/language.md', 'utf8');
  const chapter = text.slice(
    text.indexOf('## 15. Diagnostics'),
    text.indexOf('\n## ', text.indexOf('## 15. Diagnostics') + 1),
  );
  const codes = new Map<string, string>();
  let section: string | undefined;
  for (const line of chapter.split('\n')) {
    const heading = /^### (.+)$/.exec(line);
    if (heading) section = SECTIONS[heading[1]!];
    const row = /^\| `([a-z-]+)` \|/.exec(line);
    if (row && section) codes.set(row[1]!, section);
  }
  return codes;
}

describe('the diagnostic catalogue', () => {
  test('lists exactly the codes of docs/language.md, each in its table', () => {
    const fromCatalogue = new Map(Object.entries(DIAGNOSTIC_CATALOGUE).map(([code, entry]) => [code, entry.section]));
    expect(Object.fromEntries(fromCatalogue)).toEqual(Object.fromEntries(documentedCodes()));
  });

  test('errors are in the error tables and warnings in the warnings table', () => {
    for (const entry of Object.values(DIAGNOSTIC_CATALOGUE)) {
      expect(entry.severity).toBe(entry.section === 'warnings' ? 'warning' : 'error');
    }
  });

  test('points every code at a heading that exists', () => {
    const text = readFileSync('docs/language.md', 'utf8');
    const anchors = new Set(
      [...text.matchAll(/^#{2,3} (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\p{L}\p{N} -]/gu, '')
          .replace(/ /g, '-'),
      ),
    );
    for (const code of Object.keys(DIAGNOSTIC_CATALOGUE) as DiagnosticCode[]) {
      expect(anchors).toContain(docsAnchor(code).split('#')[1]);
    }
  });

  test('knows its own codes and no others', () => {
    expect(isDiagnosticCode('unknown-field')).toBe(true);
    expect(isDiagnosticCode('toString')).toBe(false);
    expect(isDiagnosticCode('__proto__')).toBe(false);
  });
});
