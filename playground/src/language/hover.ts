import type * as Monaco from 'monaco-editor';
import { escapeMarkdown, hoverAt, hoverMarkdown } from '../../../compiler/language-service/hover.js';
import type { Rule } from '../../../grammar/ast.js';
import type { Range } from '../../../grammar/range.js';
import { t } from '../i18n.js';
import { monaco } from '../monaco-env.js';
import { isWorkingCopy, session } from './session.js';

/**
 * Hover: what the language service says (a field's type, allowed values and
 * description; a let list or group), and, playground only, what the rule
 * under the cursor did to the sample (how many leads it fired for, the
 * points it gave in total). Read from the last successful check and scoring.
 */
export const hoverProvider: Monaco.languages.HoverProvider = {
  provideHover(model, position) {
    const file = session.checked?.file;
    if (!isWorkingCopy(model)) return null;
    if (!file) return null;
    const info = hoverAt({ file, schema: session.schema, text: model.getValue() }, model.getOffsetAt(position));
    if (!info) return null;
    const labels = {
      type: t().hoverType,
      values: t().hoverValues,
      letList: (name: string) => `let **${name}**`,
      group: (name: string) => `group **${name}**`,
    };
    const contents: Monaco.IMarkdownString[] = hoverMarkdown(info, labels).map((value) => ({ value }));
    if (info.rule) contents.push(...ruleHover(info.rule));
    if (contents.length === 0) return null;
    if (info.offsets) {
      const [start, end] = [model.getPositionAt(info.offsets.start), model.getPositionAt(info.offsets.end)];
      return { contents, range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column) };
    }
    return { contents, range: toMonacoRange(info.range) };
  },
};

function ruleHover(rule: Rule): Monaco.IMarkdownString[] {
  const run = session.run;
  if (!run) return [];
  const stat = run.ruleStats.get(rule.range.start.line) ?? { fires: 0, points: 0 };
  const label = rule.label ? `**${escapeMarkdown(rule.label.text)}** — ` : '';
  return [{ value: label + t().hoverFires(stat.fires, run.results.length, stat.points) }];
}

function toMonacoRange(range: Range): Monaco.IRange {
  return new monaco.Range(range.start.line, range.start.column, range.end.line, range.end.column);
}
