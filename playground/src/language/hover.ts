import type * as Monaco from 'monaco-editor';
import { pathText, rulesOf, type Path, type Rule } from '../../../grammar/ast.js';
import type { Range } from '../../../grammar/range.js';
import { conditionOfRule, forEachTest } from '../../../grammar/visit.js';
import { t } from '../i18n.js';
import { monaco } from '../monaco-env.js';
import type { Scope } from './context.js';
import { describeType, descriptionOf, fieldAt, scopeRoot, valueSource, valuesOf } from './schema-info.js';
import { isWorkingCopy, session } from './session.js';

/**
 * Hover: on a field, its type, allowed values and description; anywhere in a
 * rule, what the rule did to the sample (how many leads it fired for, the
 * points it gave in total). Read from the last successful check and scoring.
 */
export const hoverProvider: Monaco.languages.HoverProvider = {
  provideHover(model, position) {
    const file = session.checked?.file;
    if (!isWorkingCopy(model)) return null;
    if (!file) return null;
    const offset = model.getOffsetAt(position);
    const contents: Monaco.IMarkdownString[] = [];
    let range: Range | undefined;
    for (const { rule } of rulesOf(file)) {
      if (!contains(rule.range, offset)) continue;
      const hit = pathAt(rule, offset);
      if (hit && session.schema) {
        contents.push(...fieldHover(hit.scope, hit.path));
        range = hit.path.range;
      }
      contents.push(...ruleHover(rule));
      range ??= rule.range;
    }
    if (contents.length === 0 || !range) return null;
    return { contents, range: toMonacoRange(range) };
  },
};

function fieldHover(scope: Scope, path: Path): Monaco.IMarkdownString[] {
  const schema = session.schema!;
  const names = path.segments.map((s) => s.name);
  const type = fieldAt(scopeRoot(schema, scope), names);
  if (!type) return [];
  const lines = [`**${escapeMd(pathText(path))}** — ${t().hoverType}: \`${describeType(type)}\``];
  const description = descriptionOf(schema, scope, names);
  if (description) lines.push(escapeMd(description));
  const values = valuesOf(type);
  if (values.length > 0) lines.push(`${t().hoverValues}: ${values.map((v) => `\`${valueSource(v).replace(/`/g, "'")}\``).join(', ')}`);
  return [{ value: lines.join('\n\n') }];
}

function ruleHover(rule: Rule): Monaco.IMarkdownString[] {
  const run = session.run;
  if (!run) return [];
  const stat = run.ruleStats.get(rule.range.start.line) ?? { fires: 0, points: 0 };
  const label = rule.label ? `**${escapeMd(rule.label.text)}** — ` : '';
  return [{ value: label + t().hoverFires(stat.fires, run.results.length, stat.points) }];
}

/** The path under the cursor in a rule's condition, with the scope it is read in. */
function pathAt(rule: Rule, offset: number): { scope: Scope; path: Path } | undefined {
  const site = conditionOfRule(rule);
  if (!site || !contains(site.condition.range, offset)) return undefined;
  const path = forEachTest(site.condition, (test) => (contains(test.path.range, offset) ? test.path : undefined));
  return path && { scope: site.scope, path };
}

function contains(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

function toMonacoRange(range: Range): Monaco.IRange {
  return new monaco.Range(range.start.line, range.start.column, range.end.line, range.end.column);
}

/** Names and labels come from the rule file: shown as text, never as markup or links. */
function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (c) => `\\${c}`);
}
