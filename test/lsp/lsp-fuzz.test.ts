import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  SemanticTokensRequest,
} from 'vscode-languageserver-protocol/node';
import { checkSource } from '../../compiler/check-source.js';
import { TextIndex } from '../../compiler/language-service/positions.js';
import { RULES, SCHEMA } from './fixtures.js';
import { startServer, type LspSession } from './lsp-client.js';

/** Pieces an editor session types: keywords, Japanese names, operators, half a string, line breaks, 𠮷 (two UTF-16 units). */
const PIECES = [
  'when ',
  'on ',
  'where ',
  ' and ',
  'in ',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  '=',
  ' >= ',
  '+25',
  '-10',
  '"',
  '"ラベル"',
  '役職',
  '決裁者',
  '従業員数',
  '𠮷',
  '資料請求',
  '30d',
  '\n',
  ' ',
  '#',
  'tier ',
  'group ',
  'let ',
  ',',
  '.',
  '　',
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  removeLength: fc.nat({ max: 12 }),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join('')),
  ask: fc.constantFrom('none', 'completion', 'hover', 'tokens', 'symbols', 'actions', 'format', 'references'),
});

describe('leadscore lsp --stdio under random edits', () => {
  let lsp: LspSession;
  let run = 0;

  beforeAll(async () => {
    lsp = await startServer();
    writeFileSync(join(lsp.dir, 'lead.schema.json'), JSON.stringify(SCHEMA));
  });
  afterAll(async () => lsp.close());

  it('never fails a request, and its last diagnostics are those of the final text', async () => {
    const schemaText = readFileSync(join(lsp.dir, 'lead.schema.json'), 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 25 }), async (edits) => {
        const name = `fuzz-${run++}.score`;
        const uri = lsp.uriOf(name);
        let text = RULES;
        let version = 1;
        await lsp.open(name, text);
        for (const e of edits) {
          const index = new TextIndex(text);
          const start = Math.floor(e.at * text.length);
          const end = Math.min(text.length, start + e.removeLength);
          const range = index.range(start, end);
          text = text.slice(0, start) + e.insert + text.slice(end);
          await lsp.change(name, ++version, [{ range: { start: range.start, end: range.end }, text: e.insert }]);
          const position = new TextIndex(text).positionAt(start + e.insert.length);
          const textDocument = { uri };
          const at = { line: position.line, character: position.character };
          // Every request must be answered (a failed one rejects and fails the property).
          if (e.ask === 'completion')
            await lsp.connection.sendRequest(CompletionRequest.type, { textDocument, position: at });
          if (e.ask === 'hover') await lsp.connection.sendRequest(HoverRequest.type, { textDocument, position: at });
          if (e.ask === 'tokens') await lsp.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
          if (e.ask === 'symbols') await lsp.connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
          if (e.ask === 'actions')
            await lsp.connection.sendRequest(CodeActionRequest.type, {
              textDocument,
              range: { start: { line: 0, character: 0 }, end: at },
              context: { diagnostics: [] },
            });
          if (e.ask === 'format')
            await lsp.connection.sendRequest(DocumentFormattingRequest.type, {
              textDocument,
              options: { tabSize: 2, insertSpaces: true },
            });
          if (e.ask === 'references')
            await lsp.connection.sendRequest(ReferencesRequest.type, {
              textDocument,
              position: at,
              context: { includeDeclaration: true },
            });
        }
        const last =
          lsp.latest(name)?.version === version
            ? lsp.latest(name)!.diagnostics
            : await lsp.diagnostics(name, (p) => p.version === version);
        const expected = checkSource(text, {
          readSchema: () => ({ file: 'lead.schema.json', text: schemaText }),
        }).diagnostics;
        expect(
          last.map((d) => [
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
          ]),
        ).toEqual(
          expected.map((d) => [
            d.code,
            d.range.start.line - 1,
            d.range.start.column - 1,
            d.range.end.line - 1,
            d.range.end.column - 1,
          ]),
        );
      }),
      { numRuns: 30 },
    );
    expect(lsp.stderr()).toBe('');
  });
});
