import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
  type Position,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { SEMANTIC_TOKEN_TYPES } from '../../compiler/language-service/semantic-tokens.js';
import { runCli } from '../helpers/run-cli.js';
import { RULES, SCHEMA, positionOf } from './fixtures.js';
import { startServer, type LspSession } from './lsp-client.js';

/** Applies LSP edits to a text (from the last to the first, so earlier positions stay valid). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('leadscore lsp --stdio, driven by an LSP client', () => {
  let lsp: LspSession;
  let version = 1;
  const labels = async (name: string, text: string, at: Position) => {
    await lsp.change(name, ++version, [{ text }]);
    const result = (await lsp.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: lsp.uriOf(name) },
      position: at,
    })) as CompletionList;
    return result.items.map((i: CompletionItem) => i.label);
  };

  beforeAll(async () => {
    lsp = await startServer({ watchFiles: true });
    writeFileSync(join(lsp.dir, 'lead.schema.json'), JSON.stringify(SCHEMA, null, 2));
  });
  afterAll(async () => lsp.close());

  it('publishes diagnostics on open, at UTF-16 positions after a character beyond the BMP, with a did-you-mean quick fix', async () => {
    const text = RULES.replace('and 役職 in', 'and 役書 in');
    const published = lsp.diagnostics('typo.score');
    await lsp.open('typo.score', text);
    const diagnostics = await published;
    expect(diagnostics.map((d) => d.code)).toEqual(['unknown-field']);
    // "  when 𠮷田フラグ and " is 18 UTF-16 units: 𠮷 counts 2.
    expect(diagnostics[0]!.range).toEqual({ start: { line: 5, character: 18 }, end: { line: 5, character: 20 } });
    expect(diagnostics[0]!.message).toContain('役職');
    const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: lsp.uriOf('typo.score') },
      range: diagnostics[0]!.range,
      context: { diagnostics },
    })) as { title: string; isPreferred?: boolean; edit: WorkspaceEdit }[];
    expect(actions[0]!.isPreferred).toBe(true);
    const fixed = applyEdits(text, actions[0]!.edit.changes![lsp.uriOf('typo.score')]!);
    expect(fixed).toBe(RULES);
  });

  it('re-publishes after a change (debounced), for the version the editor has', async () => {
    await lsp.open('edit.score', RULES);
    expect(await lsp.diagnostics('edit.score')).toEqual([]);
    const broken = lsp.diagnostics('edit.score', (p) => p.version === 3);
    await lsp.change('edit.score', 2, [
      { range: { start: positionOf(RULES, '従業員数'), end: positionOf(RULES, '従業員数', 0, 4) }, text: '従業員' },
    ]);
    await lsp.change('edit.score', 3, [
      { range: { start: positionOf(RULES, '従業員数'), end: positionOf(RULES, '従業員数', 0, 3) }, text: '従業人数' },
    ]);
    expect((await broken).map((d) => d.code)).toEqual(['unknown-field']);
    // Typing pauses once: only the last version is checked and published.
    expect(lsp.latest('edit.score')!.version).toBe(3);
    const healed = lsp.diagnostics('edit.score', (p) => p.version === 4);
    await lsp.change('edit.score', 4, [{ text: RULES }]);
    expect(await healed).toEqual([]);
  });

  it('completes fields, enum values, event types, where properties, let names and keywords, also while the file does not parse', async () => {
    await lsp.open('complete.score', RULES);
    const head = 'schema "./lead.schema.json"\nlet 決裁者 = [役員]\n';
    const at = (text: string) => positionOf(text, '‸');
    const cases: [string, string[], string[]][] = [
      ['when ‸', ['役職', '従業員数', '𠮷田フラグ', 'not'], ['資料請求']],
      ['when 役職 = ‸', ['役員', '部長', '課長'], ['製造業']],
      ['when 役職 in [部長, ‸', ['課長', '担当者'], []],
      ['when 役職 in ‸', ['決裁者'], ['役職']],
      ['on ‸', ['資料請求', 'ウェビナー参加'], ['役職']],
      ['on 資料請求 where ‸', ['種類'], ['役職']],
      ['on 資料請求 where 種類 = ‸', ['ホワイトペーパー', '事例集'], []],
      ['tier A when ‸', ['score', '従業員数'], []],
      ['‸', ['when', 'group', 'tier', 'let'], []],
      // Half-written rules above and below the cursor: the file has syntax errors.
      ['when 役職 = \nwhen 従業員数 >= ‸\ngroup {', [], ['when']],
      ['when (役職 = 部長 and ‸\ntier', ['従業員数'], []],
    ];
    for (const [body, present, absent] of cases) {
      const text = head + body;
      const got = await labels('complete.score', text.replace('‸', ''), at(text));
      for (const label of present) expect(got, body).toContain(label);
      for (const label of absent) expect(got, body).not.toContain(label);
    }
  });

  it('replaces the word being typed, counted in UTF-16 units', async () => {
    const text = 'schema "./lead.schema.json"\nwhen 𠮷田 +5\n';
    await lsp.change('complete.score', ++version, [{ text }]);
    const result = (await lsp.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: lsp.uriOf('complete.score') },
      position: { line: 1, character: 8 },
    })) as CompletionList;
    const item = result.items.find((i) => i.label === '𠮷田フラグ')!;
    expect(item.textEdit).toEqual({
      range: { start: { line: 1, character: 5 }, end: { line: 1, character: 8 } },
      newText: '𠮷田フラグ',
    });
  });

  it('hovers a field with its type, description and values; a let list and a group with their uses', async () => {
    await lsp.open('hover.score', RULES);
    const hover = async (needle: string, nth = 0, delta = 1) => {
      const result = await lsp.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: lsp.uriOf('hover.score') },
        position: positionOf(RULES, needle, nth, delta),
      });
      return result && { text: (result.contents as MarkupContent).value, range: result.range };
    };
    const employees = await hover('従業員数');
    expect(employees!.text).toContain('integer');
    expect(employees!.text).toContain('従業員数 \\(不明なら未設定\\)');
    // The second unit of 𠮷 is still inside the field.
    const flag = await hover('𠮷田フラグ', 0, 1);
    expect(flag!.text).toContain('boolean');
    expect(flag!.range).toEqual({ start: { line: 5, character: 7 }, end: { line: 5, character: 13 } });
    expect((await hover('役職', 0))!.text).toContain('`課長`');
    expect((await hover('種類'))!.text).toContain('`事例集`');
    expect((await hover('決裁者', 1))!.text).toContain('let list **決裁者**, used 1 time');
    expect((await hover('属性', 1))!.text).toContain('group **属性**');
  });

  it('hovers decay R% every D with what the points are worth by age (read from the text)', async () => {
    const text = RULES.replace('on ウェビナー参加 +10 each max 30', 'on ウェビナー参加 +10 decay 50% every 7d');
    await lsp.open('decay.score', text);
    const result = await lsp.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: lsp.uriOf('decay.score') },
      position: positionOf(text, 'every'),
    });
    expect((result!.contents as MarkupContent).value).toContain('| 7d – 14d | +5 |');
    expect(result!.range).toEqual({ start: positionOf(text, 'decay'), end: positionOf(text, '7d', 0, 2) });
  });

  it('goes to the definition of let lists and of groups named in tiers, and finds their references', async () => {
    await lsp.open('nav.score', RULES);
    const uri = lsp.uriOf('nav.score');
    const definition = (await lsp.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: positionOf(RULES, '決裁者', 1, 1),
    })) as Location;
    expect(definition).toEqual({
      uri,
      range: { start: positionOf(RULES, '決裁者'), end: positionOf(RULES, '決裁者', 0, 3) },
    });
    const group = (await lsp.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: positionOf(RULES, '行動', 1),
    })) as Location;
    expect(group.range.start).toEqual(positionOf(RULES, '行動'));
    const refs = (await lsp.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: positionOf(RULES, '属性'),
      context: { includeDeclaration: true },
    })) as Location[];
    expect(refs.map((r) => r.range.start)).toEqual([positionOf(RULES, '属性'), positionOf(RULES, '属性', 1)]);
  });

  it('renames a let list and a group everywhere, and refuses a name that is not one', async () => {
    await lsp.open('rename.score', RULES);
    const uri = lsp.uriOf('rename.score');
    const prepared = await lsp.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri },
      position: positionOf(RULES, '決裁者', 1),
    });
    expect(prepared).toEqual({
      range: { start: positionOf(RULES, '決裁者', 1), end: positionOf(RULES, '決裁者', 1, 3) },
      placeholder: '決裁者',
    });
    const edit = (await lsp.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position: positionOf(RULES, '決裁者'),
      newName: '意思決定者',
    })) as WorkspaceEdit;
    const renamed = applyEdits(RULES, edit.changes![uri]!);
    expect(renamed).toBe(RULES.replace(/決裁者(?!層)/g, '意思決定者'));
    const groupEdit = (await lsp.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position: positionOf(RULES, '属性', 1),
      newName: 'フィット',
    })) as WorkspaceEdit;
    expect(applyEdits(RULES, groupEdit.changes![uri]!)).toBe(RULES.replaceAll('属性', 'フィット'));
    await expect(
      lsp.connection.sendRequest(RenameRequest.type, {
        textDocument: { uri },
        position: positionOf(RULES, '属性'),
        newName: 'when',
      }),
    ).rejects.toThrow(/not a valid name/);
    expect(
      await lsp.connection.sendRequest(PrepareRenameRequest.type, {
        textDocument: { uri },
        position: positionOf(RULES, '従業員数'),
      }),
    ).toBeNull();
  });

  it('outlines groups with their rules, lets and tiers', async () => {
    await lsp.open('outline.score', RULES);
    const symbols = (await lsp.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: lsp.uriOf('outline.score') },
    })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toEqual(['./lead.schema.json', '決裁者', '属性', '行動', 'MQL', '低関心']);
    expect(symbols[2]!.children!.map((c) => c.name)).toEqual(['決裁者層', '規模']);
    expect(symbols[3]!.children!.map((c) => c.name)).toEqual(['資料', 'on ウェビナー参加']);
  });

  it('formats exactly as `leadscore fmt`, and leaves a file with syntax errors alone', async () => {
    const messy = RULES.replace('when 従業員数 >= 100 +20', 'when    従業員数>=100   +20').replace(
      'tier 低関心 otherwise',
      'tier   低関心    otherwise',
    );
    await lsp.open('fmt.score', messy);
    const uri = lsp.uriOf('fmt.score');
    const edits = (await lsp.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    const cli = runCli(['fmt', '-'], { input: messy });
    expect(cli.status).toBe(0);
    expect(applyEdits(messy, edits)).toBe(cli.stdout);
    await lsp.change('fmt.score', 2, [{ text: 'when +' }]);
    expect(
      await lsp.connection.sendRequest(DocumentFormattingRequest.type, {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      }),
    ).toEqual([]);
  });

  it('colours names by what they are (semantic tokens), in UTF-16 lengths', async () => {
    await lsp.open('tokens.score', RULES);
    const { data } = (await lsp.connection.sendRequest(SemanticTokensRequest.type, {
      textDocument: { uri: lsp.uriOf('tokens.score') },
    }))!;
    const tokens: { line: number; character: number; length: number; type: string }[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
      tokens.push({ line, character, length: data[i + 2]!, type: SEMANTIC_TOKEN_TYPES[data[i + 3]!]! });
    }
    const at = (needle: string, nth = 0) =>
      tokens.find(
        (t) =>
          t.line === positionOf(RULES, needle, nth).line && t.character === positionOf(RULES, needle, nth).character,
      );
    expect(at('𠮷田フラグ')).toMatchObject({ type: 'property', length: 6 });
    expect(at('決裁者', 1)).toMatchObject({ type: 'variable', length: 3 });
    expect(at('資料請求')).toMatchObject({ type: 'event' });
    expect(at('属性', 1)).toMatchObject({ type: 'namespace' });
    expect(at('ホワイトペーパー')).toMatchObject({ type: 'enumMember' });
    expect(at('group')).toMatchObject({ type: 'keyword' });
    expect(at('+25')).toMatchObject({ type: 'number' });
    expect(at('"決裁者層"')).toMatchObject({ type: 'string' });
  });

  it('shows a broken or missing schema file on the schema line, pointing into the schema file', async () => {
    writeFileSync(join(lsp.dir, 'broken.schema.json'), '{ "lead": { "type": "object" }, "event": {} }');
    const text = RULES.replace('./lead.schema.json', './broken.schema.json');
    const published = lsp.diagnostics('broken-schema.score');
    await lsp.open('broken-schema.score', text);
    const schemaDiagnostic = (await published).find((d) => d.relatedInformation);
    expect(schemaDiagnostic!.range).toEqual({
      start: positionOf(text, '"./broken'),
      end: positionOf(text, '"./broken', 0, '"./broken.schema.json"'.length),
    });
    expect(schemaDiagnostic!.relatedInformation![0]!.location.uri).toBe(lsp.uriOf('broken.schema.json'));
    const missing = lsp.diagnostics('missing-schema.score');
    await lsp.open('missing-schema.score', RULES.replace('./lead.schema.json', './nowhere.json'));
    expect((await missing).map((d) => d.code)).toContain('schema-not-found');
  });

  it('registers a schema watcher and checks open files again when the editor reports the schema changed', async () => {
    expect(lsp.registrations.map((r) => r.method)).toContain('workspace/didChangeWatchedFiles');
    const text = RULES.replace('when 従業員数 >= 100', 'when 売上 >= 100');
    const first = lsp.diagnostics('watched.score');
    await lsp.open('watched.score', text);
    expect((await first).map((d) => d.code)).toEqual(['unknown-field']);
    const schemaPath = join(lsp.dir, 'lead.schema.json');
    const withSales = structuredClone(SCHEMA) as { lead: { properties: Record<string, unknown> } };
    withSales.lead.properties['売上'] = { type: 'number' };
    writeFileSync(schemaPath, JSON.stringify(withSales));
    const again = lsp.diagnostics('watched.score');
    await lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: lsp.uriOf('lead.schema.json'), type: FileChangeType.Changed }],
    });
    expect(await again).toEqual([]);
    writeFileSync(schemaPath, JSON.stringify(SCHEMA, null, 2));
  });
});

describe('leadscore lsp --stdio with a client that does not watch files', () => {
  it('watches the schema file itself and checks open files again when it changes', async () => {
    const lsp = await startServer({ watchFiles: false });
    try {
      writeFileSync(join(lsp.dir, 'lead.schema.json'), JSON.stringify(SCHEMA));
      const text = RULES.replace('when 従業員数 >= 100', 'when 売上 >= 100');
      const first = lsp.diagnostics('rules.score');
      await lsp.open('rules.score', text);
      expect((await first).map((d) => d.code)).toEqual(['unknown-field']);
      expect(lsp.registrations).toEqual([]);
      const withSales = structuredClone(SCHEMA) as { lead: { properties: Record<string, unknown> } };
      withSales.lead.properties['売上'] = { type: 'number' };
      const again = lsp.diagnostics('rules.score', (p) => p.diagnostics.length === 0);
      writeFileSync(join(lsp.dir, 'lead.schema.json'), JSON.stringify(withSales));
      expect(await again).toEqual([]);
    } finally {
      await lsp.close();
    }
  });
});
