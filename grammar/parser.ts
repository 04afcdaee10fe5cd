import { CstParser, EOF, tokenMatcher, type CstNode, type IToken } from 'chevrotain';
import { describeToken, isBoundary, isStatementStart, STATEMENT_START, syntaxMessages } from './syntax-messages.js';
import * as t from './tokens.js';

/**
 * The grammar of LANGUAGE.md §3 as a Chevrotain CST parser. Error recovery
 * is on, so a broken file still yields a tree and every syntax error of the
 * file is reported in one run. The CST is turned into the typed AST by
 * `build-ast.ts`.
 */
class RuleParser extends CstParser {
  constructor() {
    super(t.allTokens, {
      recoveryEnabled: true,
      errorMessageProvider: syntaxMessages,
      maxLookahead: 3,
      nodeLocationTracking: 'onlyOffset',
    });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.statement));
  });

  statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.schemaStatement) },
      { ALT: () => this.SUBRULE(this.letStatement) },
      { ALT: () => this.SUBRULE(this.groupStatement) },
      { ALT: () => this.SUBRULE(this.rule) },
      { ALT: () => this.SUBRULE(this.tierStatement) },
    ]);
  });

  schemaStatement = this.RULE('schemaStatement', () => {
    this.CONSUME(t.Schema);
    this.CONSUME(t.StringLiteral);
  });

  letStatement = this.RULE('letStatement', () => {
    this.CONSUME(t.Let);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.listLiteral);
  });

  groupStatement = this.RULE('groupStatement', () => {
    this.CONSUME(t.Group);
    this.CONSUME(t.Identifier);
    this.MANY(() => this.SUBRULE(this.groupLimit));
    this.CONSUME(t.LBrace);
    this.MANY2(() => this.SUBRULE(this.rule));
    this.CONSUME(t.RBrace);
  });

  groupLimit = this.RULE('groupLimit', () => {
    this.OR([
      { ALT: () => { this.CONSUME(t.Max); this.CONSUME(t.NumberLiteral); } },
      {
        ALT: () => {
          this.CONSUME(t.Min);
          this.OR2([{ ALT: () => this.CONSUME2(t.NumberLiteral) }, { ALT: () => this.CONSUME(t.SignedNumber) }]);
        },
      },
      // `since last 失注`: the event type is a name, so `since last last` names the type `last`.
      { ALT: () => { this.CONSUME(t.Since); this.CONSUME(t.Last); this.CONSUME(t.Identifier); } },
    ]);
  });

  rule = this.RULE('rule', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.whenRule) },
      { ALT: () => this.SUBRULE(this.onRule) },
      { ALT: () => this.SUBRULE(this.inactiveRule) },
    ]);
  });

  whenRule = this.RULE('whenRule', () => {
    this.CONSUME(t.When);
    this.SUBRULE(this.condition);
    this.CONSUME(t.SignedNumber);
    this.OPTION(() => this.CONSUME(t.StringLiteral));
  });

  onRule = this.RULE('onRule', () => {
    this.CONSUME(t.On);
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.Where);
      this.SUBRULE(this.condition);
    });
    this.CONSUME(t.SignedNumber);
    this.MANY(() => this.SUBRULE(this.modifier));
    this.OPTION2(() => this.CONSUME(t.StringLiteral));
  });

  modifier = this.RULE('modifier', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Each) },
      {
        ALT: () => {
          this.CONSUME(t.Max);
          this.CONSUME(t.NumberLiteral);
          this.OPTION(() => {
            this.CONSUME(t.Per);
            this.SUBRULE(this.period);
          });
        },
      },
      { ALT: () => { this.CONSUME(t.Within); this.CONSUME(t.DurationLiteral); } },
      {
        ALT: () => {
          this.CONSUME(t.Decay);
          this.CONSUME2(t.NumberLiteral);
          this.CONSUME(t.Percent);
          this.CONSUME(t.Every);
          this.CONSUME2(t.DurationLiteral);
        },
      },
    ]);
  });

  period = this.RULE('period', () => {
    this.OR([{ ALT: () => this.CONSUME(t.Day) }, { ALT: () => this.CONSUME(t.Week) }, { ALT: () => this.CONSUME(t.Month) }]);
  });

  inactiveRule = this.RULE('inactiveRule', () => {
    this.CONSUME(t.After);
    this.CONSUME(t.DurationLiteral);
    this.CONSUME(t.Inactive);
    this.CONSUME(t.SignedNumber);
    this.OPTION(() => this.CONSUME(t.StringLiteral));
  });

  tierStatement = this.RULE('tierStatement', () => {
    this.CONSUME(t.Tier);
    this.OR([{ ALT: () => this.CONSUME(t.Identifier) }, { ALT: () => this.CONSUME(t.StringLiteral) }]);
    this.OR2([
      { ALT: () => { this.CONSUME(t.GreaterEqual); this.SUBRULE(this.numberValue); } },
      { ALT: () => { this.CONSUME(t.When); this.SUBRULE(this.condition); } },
      { ALT: () => this.CONSUME(t.Otherwise) },
    ]);
  });

  condition = this.RULE('condition', () => {
    this.SUBRULE(this.conjunction);
    this.MANY(() => {
      this.CONSUME(t.Or);
      this.SUBRULE2(this.conjunction);
    });
  });

  conjunction = this.RULE('conjunction', () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.CONSUME(t.And);
      this.SUBRULE2(this.unary);
    });
  });

  unary = this.RULE('unary', () => {
    this.OR([
      { ALT: () => { this.CONSUME(t.Not); this.SUBRULE(this.unary); } },
      { ALT: () => { this.CONSUME(t.LParen); this.SUBRULE(this.condition); this.CONSUME(t.RParen); } },
      { ALT: () => this.SUBRULE(this.test) },
    ]);
  });

  test = this.RULE('test', () => {
    this.SUBRULE(this.path);
    this.OPTION(() => {
      this.OR([
        { ALT: () => { this.SUBRULE(this.comparator); this.SUBRULE(this.value); } },
        { ALT: () => { this.OPTION2(() => this.CONSUME(t.Not)); this.CONSUME(t.In); this.SUBRULE(this.listRef); } },
        { ALT: () => { this.CONSUME(t.Contains); this.SUBRULE2(this.value); } },
        { ALT: () => { this.CONSUME(t.Is); this.OPTION3(() => this.CONSUME2(t.Not)); this.CONSUME(t.Set); } },
      ]);
    });
  });

  comparator = this.RULE('comparator', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Equals) },
      { ALT: () => this.CONSUME(t.NotEqual) },
      { ALT: () => this.CONSUME(t.LessEqual) },
      { ALT: () => this.CONSUME(t.GreaterEqual) },
      { ALT: () => this.CONSUME(t.Less) },
      { ALT: () => this.CONSUME(t.Greater) },
    ]);
  });

  value = this.RULE('value', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.numberValue) },
      { ALT: () => this.CONSUME(t.StringLiteral) },
      { ALT: () => this.CONSUME(t.True) },
      { ALT: () => this.CONSUME(t.False) },
      { ALT: () => this.CONSUME(t.Identifier) },
    ]);
  });

  numberValue = this.RULE('numberValue', () => {
    this.OR([{ ALT: () => this.CONSUME(t.NumberLiteral) }, { ALT: () => this.CONSUME(t.SignedNumber) }]);
  });

  listRef = this.RULE('listRef', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.listLiteral) }, { ALT: () => this.CONSUME(t.Identifier) }]);
  });

  listLiteral = this.RULE('listLiteral', () => {
    this.CONSUME(t.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.value);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE2(this.value);
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.CONSUME(t.RBracket);
  });

  path = this.RULE('path', () => {
    this.CONSUME(t.Identifier);
    this.MANY(() => {
      this.CONSUME(t.Dot);
      this.CONSUME2(t.Identifier);
    });
  });
}

/** One parser per process (Chevrotain's self-analysis is the costly part); reset per call. */
const parser = new RuleParser();

export interface SyntaxError {
  readonly message: string;
  readonly token: IToken;
  /**
   * The token itself is the mistake (a stray word between statements or
   * inside a group), so the error points at it rather than at the end of the
   * line before it, where something would be missing.
   */
  readonly atToken?: boolean;
}

/**
 * Parses the whole token list. At a token that cannot start a statement (a
 * stray "}" or a word between rules) Chevrotain either skips ahead to the
 * next statement keyword itself or stops; either way we report the token and
 * parse on from the next statement, so one run lists every error. In the
 * stretch skipped, a line that starts with a word or "}" is reported too (a
 * line of notes, a statement written with a Japanese keyword). A stray token
 * that is only the rest of a statement already reported (`on e each +5`:
 * "+5" after the error at "each") is not reported again.
 */
export function parseTokens(tokens: IToken[]): { statements: CstNode[]; errors: SyntaxError[]; gaveUp?: boolean } {
  const statements: CstNode[] = [];
  const errors: SyntaxError[] = [];
  const indexOf = new Map(tokens.map((token, i) => [token, i]));
  const startsLine = (i: number) => i === 0 || tokens[i]!.startLine! > tokens[i - 1]!.endLine!;
  const startsStrayLine = (i: number) => startsLine(i) && (tokenMatcher(tokens[i]!, t.Identifier) || tokens[i]!.tokenType === t.RBrace);
  const stray = (i: number) => {
    const token = tokens[i]!;
    errors.push({ message: `expected ${STATEMENT_START}, but found ${describeToken(token)}`, token, atToken: true });
  };
  let lastError = -1;
  const reportStray = (token: IToken) => {
    const index = indexOf.get(token);
    if (index === undefined) return;
    const restOfReported = lastError !== -1 && lastError <= index && !tokens.slice(lastError, index).some(isStatementStart);
    if (!restOfReported || startsStrayLine(index)) stray(index);
    let i = index + 1;
    for (; i < tokens.length && !isStatementStart(tokens[i]!); i++) if (startsStrayLine(i)) stray(i);
    lastError = i - 1;
  };
  let start = 0;
  while (start < tokens.length) {
    parser.input = tokens.slice(start);
    let cst: CstNode | undefined;
    try {
      cst = parser.file();
    } catch (e) {
      // Chevrotain re-enters a repetition once per recovery, so a few thousand stray lines
      // (a CSV file checked as rules) exhaust the stack: report what was found so far.
      if (!(e instanceof RangeError)) throw e;
    }
    statements.push(...((cst?.children['statement'] ?? []) as CstNode[]));
    let stoppedAt: IToken | undefined;
    for (const e of parser.errors) {
      const rules = e.context.ruleStack;
      if (e.name === 'NotAllInputParsedException') {
        stoppedAt = e.token;
      } else if (rules.length <= 1 && e.token.tokenType !== EOF) {
        reportStray(e.token);
      } else {
        const inGroup = rules[rules.length - 1] === 'groupStatement' && !isBoundary(e.token);
        errors.push({ message: e.message, token: e.token, atToken: inGroup });
        lastError = indexOf.get(e.token) ?? lastError;
      }
    }
    if (!cst) return { statements, errors, gaveUp: true };
    if (!stoppedAt) break;
    reportStray(stoppedAt);
    let next = (indexOf.get(stoppedAt) ?? start) + 1;
    while (next < tokens.length && !isStatementStart(tokens[next]!)) next++;
    start = next;
  }
  return { statements, errors };
}
