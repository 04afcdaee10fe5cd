/**
 * The oracle: a plain, obviously correct reading of docs/language.md (sections 5 to 12) that walks
 * the AST for every lead. Slow on purpose: no caching, no cleverness. The
 * generated scorer must agree with it on every program and every data set.
 */
import type { Condition, ListRef, Path, Rule, Test, Value } from '../../grammar/ast.js';
import type { Program } from '../../compiler/program.js';
import type { ExplainedScore, Reason } from '../../core/score-result.js';

type Record_ = Record<string, unknown>;
export interface RefEvent {
  type: unknown;
  at: number;
  [property: string]: unknown;
}

function own(object: unknown, key: string): unknown {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return undefined;
  return Object.prototype.hasOwnProperty.call(object, key) ? (object as Record_)[key] : undefined;
}

function readPath(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path.segments) value = own(value, segment.name);
  return value;
}

const missing = (v: unknown): boolean => v === undefined || v === null;

function equal(a: unknown, b: string | number | boolean): boolean {
  return a === b;
}

function listValues(list: ListRef, program: Program): Value[] {
  if (list.kind === 'list') return [...list.items];
  return [...(program.lists.get(list.name)?.items ?? [])];
}

function evalTest(test: Test, read: (p: Path) => unknown, program: Program): boolean {
  const v = read(test.path);
  switch (test.kind) {
    case 'truthy':
      return v === true;
    case 'isSet':
      return test.negated ? missing(v) : !missing(v);
    case 'in': {
      if (missing(v)) return false;
      const found = listValues(test.list, program).some((item) => equal(v, item.value));
      return test.negated ? !found : found;
    }
    case 'contains':
      if (missing(v)) return false;
      if (typeof v === 'string') return typeof test.value.value === 'string' && v.includes(test.value.value);
      if (Array.isArray(v)) return v.some((item) => equal(item, test.value.value));
      return false;
    case 'compare': {
      if (missing(v)) return false;
      const w = test.value.value;
      switch (test.op) {
        case '=':
          return equal(v, w);
        case '!=':
          return !equal(v, w);
        default:
          if (typeof v !== 'number' || typeof w !== 'number') return false;
          if (test.op === '<') return v < w;
          if (test.op === '<=') return v <= w;
          if (test.op === '>') return v > w;
          return v >= w;
      }
    }
  }
}

function evalCondition(c: Condition, read: (p: Path) => unknown, program: Program): boolean {
  switch (c.kind) {
    case 'not':
      return !evalCondition(c.operand, read, program);
    case 'and':
      return c.operands.every((o) => evalCondition(o, read, program));
    case 'or':
      return c.operands.some((o) => evalCondition(o, read, program));
    default:
      return evalTest(c, read, program);
  }
}

function contribution(rule: Rule, lead: Record_, events: RefEvent[], now: number, program: Program): number {
  const existing = events.filter((e) => e.at <= now);
  switch (rule.kind) {
    case 'when':
      return evalCondition(rule.condition, (p) => readPath(lead, p), program) ? rule.points.value : 0;
    case 'inactive':
      return existing.some((e) => now - e.at < rule.duration.milliseconds) ? 0 : rule.points.value;
    case 'on': {
      const within = rule.modifiers.find((m) => m.kind === 'within');
      const max = rule.modifiers.find((m) => m.kind === 'max');
      const each = rule.modifiers.some((m) => m.kind === 'each');
      const readProperty = (p: Path): unknown =>
        ['type', 'at', 'lead_id'].includes(p.segments[0]!.name) ? undefined : readPath(e0, p);
      let e0: RefEvent | undefined;
      let n = 0;
      for (const e of existing) {
        e0 = e;
        if (e.type !== rule.eventType.name) continue;
        if (rule.where && !evalCondition(rule.where, readProperty, program)) continue;
        if (within && !(now - e.at < within.duration.milliseconds)) continue;
        n++;
      }
      if (!each) return n > 0 ? rule.points.value : 0;
      let total = n * Math.abs(rule.points.value);
      if (max) total = Math.min(total, max.limit);
      return rule.points.value < 0 ? -total : total;
    }
  }
}

export function referenceScore(program: Program, lead: Record_, events: RefEvent[], now: number): ExplainedScore {
  const groups: Record<string, number> = {};
  const reasons: Reason[] = [];
  const contributions = program.rules.map((r) => contribution(r.rule, lead, events, now, program));
  program.rules.forEach((r, i) => {
    const points = contributions[i]!;
    if (points !== 0) reasons.push({ rule: r.reasonText, line: r.line, points });
  });
  let score = 0;
  for (const group of program.groups) {
    let subtotal = 0;
    program.rules.forEach((r, i) => {
      if (r.group === group) subtotal += contributions[i]!;
    });
    for (const limit of group.limits) {
      if (limit.kind === 'max') subtotal = Math.min(subtotal, limit.value);
      else subtotal = Math.max(subtotal, limit.value);
    }
    Object.defineProperty(groups, group.name.name, {
      value: subtotal,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    score += subtotal;
  }
  program.rules.forEach((r, i) => {
    if (!r.group) score += contributions[i]!;
  });
  let tier: string | null = null;
  for (const t of program.tiers) {
    const test = t.test;
    const readTier = (p: Path): unknown => {
      const first = p.segments[0]!.name;
      if (first === 'score') return p.segments.length === 1 ? score : undefined;
      if (program.groups.some((g) => g.name.name === first))
        return p.segments.length === 1 ? own(groups, first) : undefined;
      return readPath(lead, p);
    };
    const matches =
      test.kind === 'otherwise'
        ? true
        : test.kind === 'threshold'
          ? score >= test.threshold.value
          : evalCondition(test.condition, readTier, program);
    if (matches) {
      tier = t.name.name;
      break;
    }
  }
  return { score, tier, groups, reasons };
}
