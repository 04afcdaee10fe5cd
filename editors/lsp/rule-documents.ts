import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type LanguageDocument } from '../../compiler/language-service/document.js';
import type { SchemaModel } from '../../compiler/schema/model.js';
import { recordingSchemaHost } from './schema-files.js';

interface Analysis {
  readonly version: number;
  readonly doc: LanguageDocument;
  /** Absolute paths of the schema files the check read (or tried to). */
  readonly schemaPaths: ReadonlySet<string>;
}

/**
 * The analyses of the open rule files, one per document version, made on
 * demand: a request always sees the text the editor has now, while
 * diagnostics are published after typing pauses.
 */
export class RuleDocuments {
  private readonly analyses = new Map<string, Analysis>();
  /** The last schema that loaded, per document: completion keeps working while the schema file is broken. */
  private readonly lastSchemas = new Map<string, SchemaModel>();

  analysis(document: TextDocument): LanguageDocument {
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached.doc;
    const schemaPaths = new Set<string>();
    const doc = analyzeDocument(
      document.getText(),
      recordingSchemaHost(filePath(document.uri), schemaPaths),
      this.lastSchemas.get(document.uri),
    );
    if (doc.checked.schema) this.lastSchemas.set(document.uri, doc.checked.schema);
    this.analyses.set(document.uri, { version: document.version, doc, schemaPaths });
    return doc;
  }

  isCurrent(document: TextDocument): boolean {
    return this.analyses.get(document.uri)?.version === document.version;
  }

  /** Forgets the analyses that read `schemaPath`, returning their documents' URIs (to check again). */
  invalidateSchema(schemaPath: string): string[] {
    const uris: string[] = [];
    for (const [uri, analysis] of this.analyses) {
      if (!analysis.schemaPaths.has(schemaPath)) continue;
      this.analyses.delete(uri);
      uris.push(uri);
    }
    return uris;
  }

  schemaPaths(): Set<string> {
    const paths = new Set<string>();
    for (const analysis of this.analyses.values()) for (const path of analysis.schemaPaths) paths.add(path);
    return paths;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.lastSchemas.delete(uri);
  }
}

/** The path of a file: URI; undefined for an unsaved (untitled) document, which has no folder to read a schema from. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
