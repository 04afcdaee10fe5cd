import { EVENT_ENVELOPE, type ListRef, type OnRule, type Path } from '../../grammar/ast.js';
import type { Program, ProgramRule } from '../program.js';
import { jsCondition, jsSetLiteral, type ConditionScope } from './js-conditions.js';
import { jsKey, jsNumber, jsOwnRead, jsString } from './js-literals.js';

/**
 * Generates the scorer as straight-line JavaScript: lead fields read once,
 * one pass over the events counting what each `on` rule matches, then each
 * rule's contribution, the group clamps, the score and the tier. Nothing of
 * the AST is interpreted at scoring time.
 *
 * The source declares `score` and `explain` (and the constants they use); it
 * expects `toMillis(value)` from its wrapper, to read event times that are not
 * already epoch milliseconds. Generated names start with `$`; names from the
 * rule file appear only inside quoted string literals.
 */
export function generateScorerSource(program: Program): string {
  const generator = new ScorerGenerator(program);
  return generator.source();
}

class PathReads {
  private readonly vars = new Map<string, string>();
  readonly lines: string[] = [];
  constructor(
    private readonly root: string,
    private readonly prefix: string,
  ) {}

  read(segments: readonly string[]): string {
    const key = segments.join('\u0000');
    const known = this.vars.get(key);
    if (known) return known;
    // Read the parent first: it takes its own variable number.
    const parent = segments.length > 1 ? this.read(segments.slice(0, -1)) : undefined;
    const name = `${this.prefix}${this.vars.size}`;
    if (parent === undefined) {
      this.lines.push(`const ${name} = ${jsOwnRead(this.root, segments[0]!)};`);
    } else {
      const child = jsOwnRead(parent, segments[segments.length - 1]!);
      this.lines.push(
        `const ${name} = ${parent} != null && typeof ${parent} === "object" && !Array.isArray(${parent}) ? ${child} : undefined;`,
      );
    }
    this.vars.set(key, name);
    return name;
  }
}

class ScorerGenerator {
  private readonly constants: string[] = [];
  private readonly setNames = new Map<ListRef, string>();
  private readonly listSets = new Map<string, string>();
  private readonly leadReads = new PathReads('$lead', '$f');

  constructor(private readonly program: Program) {}

  source(): string {
    const body = this.body();
    const scoreFn = `function score($lead, $events, $now) {\n${indent(body.core)}\n  return { score: $score, tier: $tier, groups: ${body.groups} };\n}`;
    const explainFn = `function explain($lead, $events, $now) {\n${indent(body.core)}\n  const $reasons = [];\n${indent(body.reasons)}\n  return { score: $score, tier: $tier, groups: ${body.groups}, reasons: $reasons };\n}`;
    return ['const hasOwn = Object.prototype.hasOwnProperty;', ...this.constants, scoreFn, explainFn].join('\n');
  }

  private body(): { core: string; groups: string; reasons: string } {
    const { rules, groups } = this.program;
    // Generating conditions collects the lead fields they read; those reads go first.
    const eventLoop = this.eventLoop();
    const contributions = rules.map((r, i) => this.contribution(r, i));
    const tierLines = this.tierLines();
    const lines: string[] = [
      'if ($lead == null || typeof $lead !== "object") $lead = {};',
      'if (typeof $now !== "number") $now = toMillis($now);',
      ...this.leadReads.lines,
      ...eventLoop,
      ...contributions,
    ];
    const groupNames: string[] = [];
    groups.forEach((group, g) => {
      const members = rules
        .map((r, i) => (r.group === group ? `$r${i}` : undefined))
        .filter((x): x is string => x !== undefined);
      lines.push(`let $g${g} = ${members.length > 0 ? members.join(' + ') : '0'};`);
      for (const limit of group.limits) {
        lines.push(
          limit.kind === 'max'
            ? `if ($g${g} > ${jsNumber(limit.value)}) $g${g} = ${jsNumber(limit.value)};`
            : `if ($g${g} < ${jsNumber(limit.value)}) $g${g} = ${jsNumber(limit.value)};`,
        );
      }
      groupNames.push(`${jsKey(group.name.name)}: $g${g}`);
    });
    const ungrouped = rules.map((r, i) => (r.group ? undefined : `$r${i}`)).filter((x): x is string => x !== undefined);
    const parts = [...groups.map((_, g) => `$g${g}`), ...ungrouped];
    lines.push(`const $score = ${parts.length > 0 ? parts.join(' + ') : '0'};`);
    lines.push(...tierLines);
    const core = lines.join('\n');
    const reasons = rules
      .map(
        (r, i) =>
          `if ($r${i} !== 0) $reasons.push({ rule: ${jsString(r.reasonText)}, line: ${r.line}, points: $r${i} });`,
      )
      .join('\n');
    return { core, groups: `{ ${groupNames.join(', ')} }`, reasons };
  }

  private contribution(r: ProgramRule, i: number): string {
    const { rule } = r;
    const points = jsNumber(rule.points.value);
    switch (rule.kind) {
      case 'when':
        return `const $r${i} = ${jsCondition(rule.condition, this.leadScope())} ? ${points} : 0;`;
      case 'inactive':
        return `const $r${i} = $recent${i} ? 0 : ${points};`;
      case 'on': {
        const each = rule.modifiers.some((m) => m.kind === 'each');
        if (!each) return `const $r${i} = $n${i} > 0 ? ${points} : 0;`;
        const max = rule.modifiers.find((m) => m.kind === 'max');
        // `+ 0` turns the -0 of `0 * -5` into 0.
        if (!max || rule.points.value === 0) return `const $r${i} = $n${i} * ${points} + 0;`;
        const magnitude = jsNumber(Math.abs(rule.points.value));
        const sign = rule.points.value < 0 ? '-' : '';
        return `const $r${i} = ${sign}Math.min($n${i} * ${magnitude}, ${jsNumber(max.limit)}) + 0;`;
      }
    }
  }

  /** One pass over the events: counts per `on` rule, recency per `inactive` rule. */
  private eventLoop(): string[] {
    const { rules } = this.program;
    const onRules = rules
      .map((r, i) => ({ rule: r.rule, i }))
      .filter((x): x is { rule: OnRule; i: number } => x.rule.kind === 'on');
    const inactive = rules.map((r, i) => ({ rule: r.rule, i })).filter((x) => x.rule.kind === 'inactive');
    if (onRules.length === 0 && inactive.length === 0) return [];
    const lines = [
      ...onRules.map(({ i }) => `let $n${i} = 0;`),
      ...inactive.map(({ i }) => `let $recent${i} = false;`),
      'if (!Array.isArray($events)) $events = Array.isArray($lead.events) ? $lead.events : [];',
      'for (let $i = 0, $len = $events.length; $i < $len; $i++) {',
      '  const $e = $events[$i];',
      '  if ($e == null || typeof $e !== "object") continue;',
      '  let $at = $e.at;',
      '  if (typeof $at !== "number") $at = toMillis($at);',
      '  // An event after the as-of instant does not exist for this run (nor one whose time is unreadable).',
      '  if (!($at <= $now)) continue;',
      '  const $age = $now - $at;',
    ];
    for (const { rule, i } of inactive) {
      if (rule.kind === 'inactive')
        lines.push(`  if ($age < ${jsNumber(rule.duration.milliseconds)}) $recent${i} = true;`);
    }
    const byType = new Map<string, { rule: OnRule; i: number }[]>();
    for (const entry of onRules) {
      const list = byType.get(entry.rule.eventType.name) ?? [];
      list.push(entry);
      byType.set(entry.rule.eventType.name, list);
    }
    if (byType.size > 0) {
      lines.push('  switch ($e.type) {');
      for (const [type, entries] of byType) {
        lines.push(`    case ${jsString(type)}: {`);
        const reads = new PathReads('$e', '$p');
        const tests: string[] = [];
        for (const { rule, i } of entries) {
          const parts: string[] = [];
          if (rule.where) parts.push(jsCondition(rule.where, this.eventScope(reads)));
          const within = rule.modifiers.find((m) => m.kind === 'within');
          if (within) parts.push(`$age < ${jsNumber(within.duration.milliseconds)}`);
          tests.push(parts.length > 0 ? `if (${parts.join(' && ')}) $n${i}++;` : `$n${i}++;`);
        }
        lines.push(...reads.lines.map((l) => `      ${l}`), ...tests.map((t) => `      ${t}`), '      break;', '    }');
      }
      lines.push('  }');
    }
    lines.push('}');
    return lines;
  }

  private tierLines(): string[] {
    const lines = ['let $tier = null;'];
    const scope = this.tierScope();
    this.program.tiers.forEach((tier, t) => {
      const name = jsString(tier.name.name);
      const keyword = t === 0 ? 'if' : 'else if';
      switch (tier.test.kind) {
        case 'threshold':
          lines.push(`${keyword} ($score >= ${jsNumber(tier.test.threshold.value)}) $tier = ${name};`);
          break;
        case 'when':
          lines.push(`${keyword} (${jsCondition(tier.test.condition, scope)}) $tier = ${name};`);
          break;
        case 'otherwise':
          lines.push(t === 0 ? `$tier = ${name};` : `else $tier = ${name};`);
          break;
      }
    });
    return lines;
  }

  private leadScope(): ConditionScope {
    return { valueOf: (path) => this.leadReads.read(names(path)), setOf: (list) => this.setOf(list) };
  }

  private eventScope(reads: PathReads): ConditionScope {
    return {
      valueOf: (path) => (EVENT_ENVELOPE.has(path.segments[0]!.name) ? 'undefined' : reads.read(names(path))),
      setOf: (list) => this.setOf(list),
    };
  }

  /** In a tier condition, `score` and group names come before lead fields. */
  private tierScope(): ConditionScope {
    const groupIndex = new Map(this.program.groups.map((g, i) => [g.name.name, i] as const));
    return {
      valueOf: (path) => {
        const first = path.segments[0]!.name;
        const group = groupIndex.get(first);
        if (first === 'score' || group !== undefined) {
          if (path.segments.length > 1) return 'undefined';
          return first === 'score' ? '$score' : `$g${group}`;
        }
        return this.leadReads.read(names(path));
      },
      setOf: (list) => this.setOf(list),
    };
  }

  /** Lists become module-level Sets, built once; a `let` list is shared by its uses. */
  private setOf(list: ListRef): string {
    if (list.kind === 'identifier') {
      const known = this.listSets.get(list.name);
      if (known) return known;
      const literal = this.program.lists.get(list.name);
      const name = this.declareSet(literal ? literal.items : []);
      this.listSets.set(list.name, name);
      return name;
    }
    const known = this.setNames.get(list);
    if (known) return known;
    const name = this.declareSet(list.items);
    this.setNames.set(list, name);
    return name;
  }

  private declareSet(items: Parameters<typeof jsSetLiteral>[0]): string {
    const name = `$list${this.constants.length}`;
    this.constants.push(`const ${name} = ${jsSetLiteral(items)};`);
    return name;
  }
}

function names(path: Path): string[] {
  return path.segments.map((s) => s.name);
}

function indent(code: string): string {
  return code
    .split('\n')
    .map((line) => (line.length > 0 ? `  ${line}` : line))
    .join('\n');
}
