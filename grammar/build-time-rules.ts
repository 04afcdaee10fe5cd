import type { IToken, CstNode } from 'chevrotain';
import type * as ast from './ast.js';
import { LiteralBuilder } from './build-literals.js';
import { firstToken, nodes, token, type Children } from './cst-access.js';
import { spanning } from './range.js';

/**
 * The AST of the time rules of language version 2: `since last EVENT` resets
 * of a group, `max N per day|week|month` caps and `decay P% every D`. Like
 * every builder, each returns `undefined` for an incomplete (recovered) node.
 */
export class TimeRuleBuilder extends LiteralBuilder {
  protected sinceLast(cst: CstNode): ast.SinceLast | undefined {
    const c = cst.children as Children;
    const since = token(c, 'Kw_since');
    const eventType = token(c, 'Identifier');
    if (!since || !eventType || !token(c, 'Kw_last')) return undefined;
    return { kind: 'sinceLast', eventType: this.identifier(eventType), range: this.between(since, eventType) };
  }

  /** `max N per PERIOD`, N already read. */
  protected maxPer(c: Children, max: IToken, limit: number): ast.Modifier | undefined {
    const periodNode = nodes(c, 'period')[0];
    const periodToken = periodNode && firstToken(periodNode);
    if (!periodToken) return undefined;
    return {
      kind: 'maxPer',
      limit,
      period: periodToken.image as ast.Period,
      periodRange: this.tokenRange(periodToken),
      range: this.between(max, periodToken),
    };
  }

  /** `decay P% every D`. */
  protected decay(c: Children, decay: IToken, number: IToken | undefined): ast.Modifier | undefined {
    const every = this.duration(token(c, 'DurationLiteral'));
    const percentToken = token(c, 'Percent');
    if (!number || !percentToken || !every || !token(c, 'Kw_every')) return undefined;
    const percent = this.integer(number, 'decay needs a whole percentage, as in decay 50% every 30d', {
      kind: 'decay',
    });
    if (percent === undefined) return undefined;
    return {
      kind: 'decay',
      percent,
      percentRange: this.between(number, percentToken),
      every,
      range: spanning(this.tokenRange(decay), every.range),
    };
  }
}
