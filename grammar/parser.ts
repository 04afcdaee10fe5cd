import { CstParser } from 'chevrotain';
import { syntaxMessages } from './syntax-messages.js';
import * as t from './tokens.js';

/**
 * The grammar of docs/language.md#appendix-grammar as a Chevrotain CST parser. Error recovery
 * is on, so a broken file still yields a tree and every syntax error of the
 * file is reported in one run (`recovery.ts` drives it over a whole file).
 * The CST is turned into the typed AST by `build-ast.ts`.
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
      {
        ALT: () => {
          this.CONSUME(t.Max);
          this.CONSUME(t.NumberLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Min);
          this.OR2([{ ALT: () => this.CONSUME2(t.NumberLiteral) }, { ALT: () => this.CONSUME(t.SignedNumber) }]);
        },
      },
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
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Within);
          this.CONSUME(t.DurationLiteral);
        },
      },
    ]);
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
      {
        ALT: () => {
          this.CONSUME(t.GreaterEqual);
          this.SUBRULE(this.numberValue);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.When);
          this.SUBRULE(this.condition);
        },
      },
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
      {
        ALT: () => {
          this.CONSUME(t.Not);
          this.SUBRULE(this.unary);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          this.SUBRULE(this.condition);
          this.CONSUME(t.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.test) },
    ]);
  });

  test = this.RULE('test', () => {
    this.SUBRULE(this.path);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.SUBRULE(this.comparator);
            this.SUBRULE(this.value);
          },
        },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(t.Not));
            this.CONSUME(t.In);
            this.SUBRULE(this.listRef);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Contains);
            this.SUBRULE2(this.value);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Is);
            this.OPTION3(() => this.CONSUME2(t.Not));
            this.CONSUME(t.Set);
          },
        },
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
export const parser = new RuleParser();
