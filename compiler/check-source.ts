import type { RuleFile, SchemaStatement } from '../grammar/ast.js';
import { error, hasErrors, sortDiagnostics, type Diagnostic } from '../grammar/diagnostic.js';
import { parse } from '../grammar/parse.js';
import { checkRules } from './check.js';
import { buildProgram, type Program } from './program.js';
import type { SchemaModel } from './schema/model.js';
import { loadSchema } from './schema/load-schema.js';

/**
 * How the compiler reaches the schema a rule file names. The CLI reads it
 * from disk relative to the rule file; the playground hands over the text of
 * its schema tab. Returns undefined when the file cannot be read.
 */
export interface SchemaHost {
  readSchema(path: string): { readonly file: string; readonly text: string } | undefined;
}

export interface CheckedSource {
  readonly file: RuleFile;
  readonly schema?: SchemaModel;
  /** Every diagnostic, in file order; those of the schema file carry its `file`. */
  readonly diagnostics: Diagnostic[];
  /** Present when the rule file has no errors: ready for the code generators. */
  readonly program?: Program;
}

/** Source → AST → schema → checked program: the front half of the pipeline. */
export function checkSource(source: string, host: SchemaHost): CheckedSource {
  const parsed = parse(source);
  const diagnostics = [...parsed.diagnostics];
  const schemaStatement = parsed.file.statements.find((s): s is SchemaStatement => s.kind === 'schema');
  let schema: SchemaModel | undefined;
  if (schemaStatement) {
    const read = host.readSchema(schemaStatement.path);
    if (!read) {
      diagnostics.push(
        error(
          'schema-not-found',
          `cannot read the schema file "${schemaStatement.path}": check the path (it is relative to the rule file)`,
          schemaStatement.pathRange,
          { params: { path: schemaStatement.path } },
        ),
      );
    } else {
      const loaded = loadSchema(read.text, read.file);
      diagnostics.push(...loaded.diagnostics);
      schema = loaded.model;
    }
  }
  // A line where the lexer dropped characters (`＞＝ １００`) parses as something else: what the checks say about it follows from that one error.
  const dropped = new Set(
    parsed.diagnostics.filter((d) => d.code === 'unexpected-character').map((d) => d.range.start.line),
  );
  diagnostics.push(...checkRules(parsed.file, schema).filter((d) => !dropped.has(d.range.start.line)));
  const sorted = sortDiagnostics(diagnostics);
  return {
    file: parsed.file,
    ...(schema && { schema }),
    diagnostics: sorted,
    ...(!hasErrors(sorted) && { program: buildProgram(parsed.file, source, schema) }),
  };
}
