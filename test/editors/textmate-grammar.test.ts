import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/run-cli.js';

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, { name: string }>;
}
const grammar = JSON.parse(readFileSync(join(REPO, 'editors/vscode/syntaxes/leadscore.tmLanguage.json'), 'utf8')) as {
  patterns: Rule[];
  repository: Record<string, Rule>;
};

/** The grammar's match rules in order, includes expanded (begin/end rules as a single-line match). */
function flatten(rules: Rule[]): Rule[] {
  return rules.flatMap((rule) => {
    if (rule.include) return flatten([grammar.repository[rule.include.slice(1)]!]);
    if (rule.patterns && !rule.begin) return flatten(rule.patterns);
    if (rule.begin) return [{ ...rule, match: `${rule.begin}(?:[^"\\\\]|\\\\.)*(?:${rule.end})` }];
    return [rule];
  });
}

/**
 * Scopes of the words of one line, scanned like a TextMate tokenizer: at each
 * position the first rule that matches there wins. JavaScript regexes with the
 * `u` flag stand in for Oniguruma (the patterns use the syntax both share).
 */
function scopes(line: string): [string, string][] {
  const rules = flatten(grammar.patterns).map((rule) => ({ rule, regex: new RegExp(rule.match!, 'uy') }));
  const out: [string, string][] = [];
  for (let at = 0; at < line.length;) {
    const hit = rules
      .map(({ rule, regex }) => ((regex.lastIndex = at), { rule, m: regex.exec(line) }))
      .find(({ m }) => m && m[0].length > 0);
    if (!hit) {
      at++;
      continue;
    }
    const { rule, m } = hit;
    if (rule.captures) {
      for (const [group, capture] of Object.entries(rule.captures))
        if (m![Number(group)]) out.push([m![Number(group)]!, capture.name]);
    } else out.push([m![0], rule.name!]);
    at += m![0].length;
  }
  return out;
}

describe('the TextMate grammar of the VS Code extension', () => {
  it('colours comments, strings, points, durations, numbers, keywords and names', () => {
    expect(scopes('  on email_click where 種類 = 事例集 +10 each within 90d "メール" # 注')).toEqual([
      ['on', 'keyword.control.leadscore'],
      ['email_click', 'entity.name.function.event.leadscore'],
      ['where', 'keyword.control.leadscore'],
      ['種類', 'variable.other.leadscore'],
      ['=', 'keyword.operator.comparison.leadscore'],
      ['事例集', 'variable.other.leadscore'],
      ['+10', 'constant.numeric.points.leadscore'],
      ['each', 'keyword.control.leadscore'],
      ['within', 'keyword.control.leadscore'],
      ['90d', 'constant.numeric.duration.leadscore'],
      ['"メール"', 'string.quoted.double.leadscore'],
      ['# 注', 'comment.line.number-sign.leadscore'],
    ]);
    expect(scopes('when employees >= -3 and not 𠮷田 in 決裁者 -5')).toContainEqual([
      '-3',
      'constant.numeric.points.leadscore',
    ]);
    expect(scopes('let 決裁者 = [役員, 部長]').slice(0, 2)).toEqual([
      ['let', 'keyword.control.leadscore'],
      ['決裁者', 'variable.other.constant.leadscore'],
    ]);
  });

  it('colours the words of language version 2 only where they are keywords', () => {
    expect(scopes('on page_view +30 decay 50% every 30d')).toEqual(
      expect.arrayContaining([
        ['decay', 'keyword.control.v2.leadscore'],
        ['50%', 'constant.numeric.percent.leadscore'],
        ['every', 'keyword.control.v2.leadscore'],
      ]),
    );
    expect(scopes('on email_open +5 each max 10 per day')).toEqual(
      expect.arrayContaining([
        ['per', 'keyword.control.v2.leadscore'],
        ['day', 'keyword.control.v2.leadscore'],
      ]),
    );
    expect(scopes('group 行動 since last 失注 {')).toEqual(
      expect.arrayContaining([
        ['since', 'keyword.control.v2.leadscore'],
        ['last', 'keyword.control.v2.leadscore'],
      ]),
    );
    expect(scopes('when month = 4 +5')).toContainEqual(['month', 'variable.other.leadscore']);
  });
});
