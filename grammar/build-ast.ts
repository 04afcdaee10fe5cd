import type { CstNode, IToken } from 'chevrotain';
import type * as ast from './ast.js';
import { TimeRuleBuilder } from './build-time-rules.js';
import { firstToken, nodes, token, tokens, type Children } from './cst-access.js';
import { error } from './diagnostic.js';
import { spanning, type Range } from './range.js';

/**
 * Turns Chevrotain's CST into the typed AST. Recovered CST nodes may miss
 * children, so every builder returns `undefined` for an incomplete node and
 * its parent drops it: the AST holds only complete nodes, and the syntax
 * error that made a node incomplete has already been reported.
 */
export class AstBuilder extends TimeRuleBuilder {
  file(statementNodes: CstNode[], comments: IToken[]): ast.RuleFile {
    const statements: ast.Statement[] = [];
    for (const node of statementNodes.filter((n) => !n.recoveredNode)) {
      const statement = this.statement(node);
      if (statement) statements.push(statement);
    }
    return {
      kind: 'file',
      statements,
      comments: comments.map((c) => ({ kind: 'comment', text: c.image.slice(1), range: this.tokenRange(c) })),
      range: this.lines.range(0, this.lines.text.length),
    };
  }

  private statement(cst: CstNode): ast.Statement | undefined {
    const c = cst.children as Children;
    const [inner] = [
      ...nodes(c, 'schemaStatement'),
      ...nodes(c, 'letStatement'),
      ...nodes(c, 'groupStatement'),
      ...nodes(c, 'rule'),
      ...nodes(c, 'tierStatement'),
    ];
    if (!inner) return undefined;
    switch (inner.name) {
      case 'schemaStatement':
        return this.schema(inner);
      case 'letStatement':
        return this.let(inner);
      case 'groupStatement':
        return this.group(inner);
      case 'rule':
        return this.rule(inner);
      case 'tierStatement':
        return this.tier(inner);
      default:
        return undefined;
    }
  }

  private schema(cst: CstNode): ast.SchemaStatement | undefined {
    const c = cst.children as Children;
    const keyword = token(c, 'Kw_schema');
    const path = token(c, 'StringLiteral');
    if (!keyword || !path) return undefined;
    const text = this.stringValue(path);
    return { kind: 'schema', path: text, pathRange: this.tokenRange(path), range: this.between(keyword, path) };
  }

  private let(cst: CstNode): ast.LetStatement | undefined {
    const c = cst.children as Children;
    const keyword = token(c, 'Kw_let');
    const name = token(c, 'Identifier');
    const listNode = nodes(c, 'listLiteral')[0];
    const list = listNode && this.listLiteral(listNode);
    if (!keyword || !name || !list) return undefined;
    return { kind: 'let', name: this.identifier(name), list, range: spanning(this.tokenRange(keyword), list.range) };
  }

  private group(cst: CstNode): ast.GroupStatement | undefined {
    const c = cst.children as Children;
    const keyword = token(c, 'Kw_group');
    const name = token(c, 'Identifier');
    const close = token(c, 'RBrace');
    if (!keyword || !name || !close || !token(c, 'LBrace')) return undefined;
    const limits: ast.GroupLimit[] = [];
    const resets: ast.SinceLast[] = [];
    for (const node of nodes(c, 'groupLimit')) {
      const since = this.sinceLast(node);
      if (since) {
        resets.push(since);
        continue;
      }
      const limit = this.groupLimit(node);
      if (limit) limits.push(limit);
    }
    const rules: ast.Rule[] = [];
    for (const node of nodes(c, 'rule')) {
      const rule = this.rule(node);
      if (rule) rules.push(rule);
    }
    return { kind: 'group', name: this.identifier(name), limits, resets, rules, range: this.between(keyword, close) };
  }

  private groupLimit(cst: CstNode): ast.GroupLimit | undefined {
    const c = cst.children as Children;
    const keyword = token(c, 'Kw_max') ?? token(c, 'Kw_min');
    const number = token(c, 'NumberLiteral') ?? token(c, 'SignedNumber');
    if (!keyword || !number) return undefined;
    const value = this.integer(number, `${keyword.image} needs a whole number, such as ${keyword.image} 60`, {
      kind: 'group-limit',
      keyword: keyword.image,
    });
    if (value === undefined) return undefined;
    return { kind: keyword.image === 'max' ? 'max' : 'min', value, range: this.between(keyword, number) };
  }

  private rule(cst: CstNode): ast.Rule | undefined {
    const c = cst.children as Children;
    const when = nodes(c, 'whenRule')[0];
    if (when) return this.whenRule(when);
    const on = nodes(c, 'onRule')[0];
    if (on) return this.onRule(on);
    const inactive = nodes(c, 'inactiveRule')[0];
    if (inactive) return this.inactiveRule(inactive);
    return undefined;
  }

  private whenRule(cst: CstNode): ast.WhenRule | undefined {
    const c = cst.children as Children;
    const keyword = token(c, 'Kw_when');
    const condNode = nodes(c, 'condition')[0];
    const condition = condNode && this.condition(condNode);
    const points = this.points(token(c, 'SignedNumber'));
    if (!keyword || !condition || !points) return undefined;
    const label = this.label(token(c, 'StringLiteral'));
    return {
      kind: 'when',
      condition,
      points,
      ...(label && { label }),
      range: spanning(this.tokenRange(keyword), (label ?? points).range),
    };
  }

  private onRule(cst: CstNode): ast.OnRule | undefined {
    const c = cst.children as Children;
    const keyword = token(c, 'Kw_on');
    const eventType = token(c, 'Identifier');
    const points = this.points(token(c, 'SignedNumber'));
    const whereNode = nodes(c, 'condition')[0];
    const where = whereNode && this.condition(whereNode);
    if (!keyword || !eventType || !points || (token(c, 'Kw_where') && !where)) return undefined;
    const modifiers: ast.Modifier[] = [];
    for (const node of nodes(c, 'modifier')) {
      const modifier = this.modifier(node);
      if (!modifier) return undefined;
      modifiers.push(modifier);
    }
    const label = this.label(token(c, 'StringLiteral'));
    const last = label?.range ?? modifiers[modifiers.length - 1]?.range ?? points.range;
    return {
      kind: 'on',
      eventType: this.identifier(eventType),
      ...(where && { where }),
      points,
      modifiers,
      ...(label && { label }),
      range: spanning(this.tokenRange(keyword), last),
    };
  }

  private modifier(cst: CstNode): ast.Modifier | undefined {
    const c = cst.children as Children;
    const each = token(c, 'Kw_each');
    if (each) return { kind: 'each', range: this.tokenRange(each) };
    const max = token(c, 'Kw_max');
    const number = token(c, 'NumberLiteral');
    if (max && number) {
      const limit = this.integer(number, 'max needs a whole number, as in each max 20', { kind: 'max' });
      if (limit === undefined) return undefined;
      if (!token(c, 'Kw_per')) return { kind: 'max', limit, range: this.between(max, number) };
      return this.maxPer(c, max, limit);
    }
    const decay = token(c, 'Kw_decay');
    if (decay) return this.decay(c, decay, number);
    const within = token(c, 'Kw_within');
    const duration = this.duration(token(c, 'DurationLiteral'));
    if (within && duration)
      return { kind: 'within', duration, range: spanning(this.tokenRange(within), duration.range) };
    return undefined;
  }

  private inactiveRule(cst: CstNode): ast.InactiveRule | undefined {
    const c = cst.children as Children;
    const keyword = token(c, 'Kw_after');
    const duration = this.duration(token(c, 'DurationLiteral'));
    const points = this.points(token(c, 'SignedNumber'));
    if (!keyword || !duration || !points || !token(c, 'Kw_inactive')) return undefined;
    const label = this.label(token(c, 'StringLiteral'));
    return {
      kind: 'inactive',
      duration,
      points,
      ...(label && { label }),
      range: spanning(this.tokenRange(keyword), (label ?? points).range),
    };
  }

  private tier(cst: CstNode): ast.TierStatement | undefined {
    const c = cst.children as Children;
    const keyword = token(c, 'Kw_tier');
    const nameToken = token(c, 'Identifier') ?? token(c, 'StringLiteral');
    if (!keyword || !nameToken) return undefined;
    const quoted = nameToken.tokenType !== undefined && nameToken.image.startsWith('"');
    const name: ast.TierName = {
      name: quoted ? this.stringValue(nameToken) : nameToken.image,
      quoted,
      range: this.tokenRange(nameToken),
    };
    let test: ast.TierTest | undefined;
    const numberNode = nodes(c, 'numberValue')[0];
    const condNode = nodes(c, 'condition')[0];
    const otherwise = token(c, 'Kw_otherwise');
    let end: Range | undefined;
    if (numberNode && token(c, 'GreaterEqual')) {
      const threshold = this.numberValue(numberNode);
      if (threshold) [test, end] = [{ kind: 'threshold', threshold }, threshold.range];
    } else if (condNode && token(c, 'Kw_when')) {
      const condition = this.condition(condNode);
      if (condition) [test, end] = [{ kind: 'when', condition }, condition.range];
    } else if (otherwise) {
      end = this.tokenRange(otherwise);
      test = { kind: 'otherwise', range: end };
    }
    if (!test || !end) return undefined;
    return { kind: 'tier', name, test, range: spanning(this.tokenRange(keyword), end) };
  }

  condition(cst: CstNode): ast.Condition | undefined {
    const operands: ast.Condition[] = [];
    for (const node of nodes(cst.children as Children, 'conjunction')) {
      const operand = this.conjunction(node);
      if (!operand) return undefined;
      operands.push(operand);
    }
    if (operands.length === 0) return undefined;
    if (operands.length === 1) return operands[0];
    return {
      kind: 'or',
      operands,
      parenthesized: false,
      range: spanning(operands[0]!.range, operands[operands.length - 1]!.range),
    };
  }

  private conjunction(cst: CstNode): ast.Condition | undefined {
    const operands: ast.Condition[] = [];
    for (const node of nodes(cst.children as Children, 'unary')) {
      const operand = this.unary(node);
      if (!operand) return undefined;
      operands.push(operand);
    }
    if (operands.length === 0) return undefined;
    if (operands.length === 1) return operands[0];
    return {
      kind: 'and',
      operands,
      parenthesized: false,
      range: spanning(operands[0]!.range, operands[operands.length - 1]!.range),
    };
  }

  private unary(cst: CstNode): ast.Condition | undefined {
    const c = cst.children as Children;
    const not = token(c, 'Kw_not');
    if (not) {
      const operandNode = nodes(c, 'unary')[0];
      const operand = operandNode && this.unary(operandNode);
      return (
        operand && { kind: 'not', operand, parenthesized: false, range: spanning(this.tokenRange(not), operand.range) }
      );
    }
    const open = token(c, 'LParen');
    if (open) {
      const close = token(c, 'RParen');
      const innerNode = nodes(c, 'condition')[0];
      const inner = innerNode && this.condition(innerNode);
      if (!close || !inner) return undefined;
      return { ...inner, parenthesized: true, range: this.between(open, close) };
    }
    const testNode = nodes(c, 'test')[0];
    return testNode && this.test(testNode);
  }

  private test(cst: CstNode): ast.Test | undefined {
    const c = cst.children as Children;
    const pathNode = nodes(c, 'path')[0];
    const path = pathNode && this.path(pathNode);
    if (!path) return undefined;
    const base = { path, parenthesized: false } as const;
    const comparatorNode = nodes(c, 'comparator')[0];
    if (comparatorNode) {
      const opToken = firstToken(comparatorNode);
      const valueNode = nodes(c, 'value')[0];
      const value = valueNode && this.value(valueNode);
      if (!opToken || !value) return undefined;
      return {
        kind: 'compare',
        ...base,
        op: opToken.image as ast.ComparisonOperator,
        value,
        range: spanning(path.range, value.range),
      };
    }
    if (token(c, 'Kw_in')) {
      const listNode = nodes(c, 'listRef')[0];
      const list = listNode && this.listRef(listNode);
      if (!list) return undefined;
      return {
        kind: 'in',
        ...base,
        negated: token(c, 'Kw_not') !== undefined,
        list,
        range: spanning(path.range, list.range),
      };
    }
    if (token(c, 'Kw_contains')) {
      const valueNode = nodes(c, 'value')[0];
      const value = valueNode && this.value(valueNode);
      if (!value) return undefined;
      return { kind: 'contains', ...base, value, range: spanning(path.range, value.range) };
    }
    if (token(c, 'Kw_is')) {
      const set = token(c, 'Kw_set');
      if (!set) return undefined;
      return {
        kind: 'isSet',
        ...base,
        negated: token(c, 'Kw_not') !== undefined,
        range: spanning(path.range, this.tokenRange(set)),
      };
    }
    return { kind: 'truthy', ...base, range: path.range };
  }

  private path(cst: CstNode): ast.Path | undefined {
    const identifiers = tokens(cst.children as Children, 'Identifier');
    if (identifiers.length === 0 || identifiers.some((i) => i.isInsertedInRecovery)) return undefined;
    const segments = identifiers.map((i) => this.identifier(i));
    return { kind: 'path', segments, range: spanning(segments[0]!.range, segments[segments.length - 1]!.range) };
  }

  private listRef(cst: CstNode): ast.ListRef | undefined {
    const c = cst.children as Children;
    const literal = nodes(c, 'listLiteral')[0];
    if (literal) return this.listLiteral(literal);
    const name = token(c, 'Identifier');
    return name && this.identifier(name);
  }

  private listLiteral(cst: CstNode): ast.ListLiteral | undefined {
    const c = cst.children as Children;
    const open = token(c, 'LBracket');
    const close = token(c, 'RBracket');
    if (!open || !close) return undefined;
    const items: ast.Value[] = [];
    for (const node of nodes(c, 'value')) {
      const value = this.value(node);
      if (!value) return undefined;
      items.push(value);
    }
    const range = this.between(open, close);
    if (items.length === 0) {
      this.diagnostics.push(
        error('syntax', 'a list needs at least one value, such as [役員, 部長]', range, {
          params: { kind: 'empty-list' },
        }),
      );
      return undefined;
    }
    return { kind: 'list', items, range };
  }

  private value(cst: CstNode): ast.Value | undefined {
    const c = cst.children as Children;
    const numberNode = nodes(c, 'numberValue')[0];
    if (numberNode) return this.numberValue(numberNode);
    const str = token(c, 'StringLiteral');
    if (str) return { kind: 'string', value: this.stringValue(str), quoted: true, range: this.tokenRange(str) };
    const bool = token(c, 'Kw_true') ?? token(c, 'Kw_false');
    if (bool) return { kind: 'boolean', value: bool.image === 'true', range: this.tokenRange(bool) };
    const word = token(c, 'Identifier');
    if (word) return { kind: 'string', value: word.image, quoted: false, range: this.tokenRange(word) };
    return undefined;
  }

  private numberValue(cst: CstNode): ast.NumberValue | undefined {
    const number = token(cst.children as Children, 'NumberLiteral') ?? token(cst.children as Children, 'SignedNumber');
    if (!number) return undefined;
    const range = this.tokenRange(number);
    if (number.image.startsWith('+')) {
      this.diagnostics.push(
        error(
          'syntax',
          `write the number without "+": ${number.image.slice(1)} (a sign-first number here reads as points)`,
          range,
          { params: { kind: 'plus-number', number: number.image.slice(1) } },
        ),
      );
      return undefined;
    }
    return { kind: 'number', value: Number(number.image), raw: number.image, range };
  }
}
