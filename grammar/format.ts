import stringWidth from 'string-width';
import type { Comment, GroupStatement, Rule, RuleFile, Statement } from './ast.js';
import { hasErrors, type Diagnostic } from './diagnostic.js';
import { parse } from './parse.js';
import { printList, printRuleParts, printTier } from './print.js';
import { quoteString } from './strings.js';
import type { Range } from './range.js';

/**
 * `leadscore fmt`: one canonical layout for every rule file, so everyone's
 * edits diff the same way. Rules inside groups are indented two spaces; the
 * points of a block of consecutive rules line up (by display width, so
 * Japanese text aligns too); comments stay where they were (a comment inside
 * a rule that spans lines moves to just above it); one blank line is kept
 * where the source had blank lines. A file with syntax errors is not
 * formatted: its diagnostics are returned instead.
 */
export type FormatResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** Points are aligned only while the longest rule head of a block is at most this wide. */
const ALIGN_LIMIT = 56;
const INDENT = '  ';

export function format(source: string): FormatResult {
  const parsed = parse(source);
  if (hasErrors(parsed.diagnostics)) return { ok: false, diagnostics: parsed.diagnostics };
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const lines = new Printer(parsed.file).print();
  return { ok: true, text: lines.length === 0 ? '' : lines.join(eol) + eol };
}

/** One printed line, with the source lines it came from (for blank-line keeping). */
interface Item {
  readonly startLine: number;
  readonly endLine: number;
  readonly text: string;
}

class Printer {
  private readonly out: string[] = [];
  private lastEndLine = 0;
  private nextComment = 0;

  constructor(private readonly file: RuleFile) {}

  print(): string[] {
    const statements = this.file.statements;
    for (let i = 0; i < statements.length;) {
      const statement = statements[i]!;
      if (isRule(statement)) {
        // A block of top-level rules aligns like the rules of a group.
        let j = i;
        while (j < statements.length && isRule(statements[j]!)) j++;
        this.rules(statements.slice(i, j) as Rule[], '');
        i = j;
        continue;
      }
      if (statement.kind === 'group') this.group(statement);
      else this.leaf(statement.range, this.statementText(statement), '');
      i++;
    }
    this.commentsBefore(Infinity, '');
    return this.out;
  }

  private statementText(statement: Exclude<Statement, GroupStatement | Rule>): string {
    switch (statement.kind) {
      case 'schema':
        return `schema ${quoteString(statement.path)}`;
      case 'let':
        return `let ${statement.name.name} = ${printList(statement.list)}`;
      case 'tier':
        return printTier(statement);
    }
  }

  private group(group: GroupStatement): void {
    const firstRule = group.rules[0];
    this.commentsBefore(group.range.start.offset, '');
    const limits = group.limits.map((l) => ` ${l.kind} ${l.value}`).join('');
    const header = `group ${group.name.name}${limits} {`;
    // Comments in the header (before the first rule, on the group's first line) stay on that line.
    const headerEnd = firstRule?.range.start.offset ?? group.range.end.offset;
    const trailing = this.trailingComment(group.range.start.line, headerEnd);
    this.emit({ startLine: group.range.start.line, endLine: group.range.start.line, text: header + trailing });
    this.rules(group.rules, INDENT);
    this.commentsBefore(group.range.end.offset - 1, INDENT);
    const closing = this.trailingComment(group.range.end.line, Infinity);
    this.emit({ startLine: group.range.end.line, endLine: group.range.end.line, text: `}${closing}` });
  }

  /**
   * Rules in blocks separated by blank lines; within a block the points line
   * up, comments between the rules included. A rule whose head is wider than
   * ALIGN_LIMIT keeps a single space and does not push the others out.
   */
  private rules(rules: readonly Rule[], indent: string): void {
    type Line = { rule: Rule; head: string; tail: string; comment: string } | { comment: Comment };
    let block: Line[] = [];
    let lastRule: Rule | undefined;
    const flush = (): void => {
      const widths = block.flatMap((l) => ('rule' in l ? [stringWidth(l.head)] : [])).filter((w) => w <= ALIGN_LIMIT);
      const widest = Math.max(0, ...widths);
      for (const line of block) {
        if (!('rule' in line)) {
          this.emitComment(line.comment, indent);
          continue;
        }
        const width = stringWidth(line.head);
        const pad = width <= ALIGN_LIMIT ? ' '.repeat(widest - width + 1) : ' ';
        this.emit({
          startLine: line.rule.range.start.line,
          endLine: line.rule.range.end.line,
          text: `${indent}${line.head}${pad}${line.tail}${line.comment}`,
        });
      }
      block = [];
    };
    for (const rule of rules) {
      const leading = this.pendingComments(rule.range.end.offset);
      const firstLine = leading[0]?.range.start.line ?? rule.range.start.line;
      if (lastRule && firstLine > lastRule.range.end.line + 1) flush();
      for (const comment of leading) {
        block.push({ comment });
        this.nextComment++;
      }
      const { head, tail } = printRuleParts(rule);
      block.push({
        rule,
        head,
        tail,
        comment: this.trailingComment(rule.range.end.line, Infinity, rule.range.end.offset),
      });
      lastRule = rule;
    }
    flush();
  }

  private leaf(range: Range, text: string, indent: string): void {
    this.commentsBefore(range.end.offset, indent);
    const comment = this.trailingComment(range.end.line, Infinity, range.end.offset);
    this.emit({ startLine: range.start.line, endLine: range.end.line, text: `${indent}${text}${comment}` });
  }

  private pendingComments(beforeOffset: number): Comment[] {
    const comments = this.file.comments;
    const pending: Comment[] = [];
    for (let i = this.nextComment; i < comments.length && comments[i]!.range.start.offset < beforeOffset; i++)
      pending.push(comments[i]!);
    return pending;
  }

  /** Emits, each on its own line, the comments that start before `offset`. */
  private commentsBefore(offset: number, indent: string): void {
    for (const comment of this.pendingComments(offset)) {
      this.emitComment(comment, indent);
      this.nextComment++;
    }
  }

  private emitComment(comment: Comment, indent: string): void {
    this.emit({
      startLine: comment.range.start.line,
      endLine: comment.range.start.line,
      text: `${indent}#${comment.text.trimEnd()}`,
    });
  }

  /** The comment that ends line `line` (after `fromOffset`), as ` # …`, consumed; or ''. */
  private trailingComment(line: number, beforeOffset: number, fromOffset = -1): string {
    const comment = this.file.comments[this.nextComment];
    if (
      !comment ||
      comment.range.start.line !== line ||
      comment.range.start.offset < fromOffset ||
      comment.range.start.offset >= beforeOffset
    )
      return '';
    this.nextComment++;
    return ` #${comment.text.trimEnd()}`;
  }

  private emit(item: Item): void {
    if (this.out.length > 0 && item.startLine > this.lastEndLine + 1) this.out.push('');
    this.out.push(item.text);
    this.lastEndLine = Math.max(this.lastEndLine, item.endLine);
  }
}

function isRule(statement: Statement): statement is Rule {
  return statement.kind === 'when' || statement.kind === 'on' || statement.kind === 'inactive';
}
