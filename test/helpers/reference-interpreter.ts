/**
 * The oracle: a plain, obviously correct reading of the language's meaning
 * (docs/language.md) that walks the AST for every lead. Slow on purpose: no
 * caching, no cleverness: decay is recomputed step by step with BigInt, and
 * calendar periods come from Intl's reading of each event's local date. The
 * generated scorer must agree with it on every program and every data set.
 */
import type { Condition, GroupStatement, ListRef, Path, Period, Rule, Test, Value } from '../../grammar/ast.js';
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

/** v(k) of `decay R%`: k times v ← trunc(v × (100 − R) / 100), exactly. */
function decayed(points: number, percent: number, steps: number): number {
  let v = BigInt(points);
  for (let k = 0; k < steps && v !== 0n; k++) v = (v * BigInt(100 - percent)) / 100n;
  return Number(v);
}

/** The calendar period of an instant in `timeZone`, as a readable key (`2026-11-02`, `week of 2026-11-02`, `2026-11`). */
function periodOf(at: number, period: Period, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timeZone ?? 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)!.value);
  const [y, m, d] = [part('year'), part('month'), part('day')];
  if (period === 'day') return `${y}-${m}-${d}`;
  if (period === 'month') return `${y}-${m}`;
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(y, m - 1, d);
  const mondayBased = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - mondayBased);
  return `week of ${date.toISOString().slice(0, 10)}`;
}

/** The events a rule of `group` sees: with `since last T`, only those strictly after the last T event (at or before now). */
function visibleEvents(group: GroupStatement | undefined, existing: RefEvent[]): RefEvent[] {
  const reset = group?.resets[0];
  if (!reset) return existing;
  const resets = existing.filter((e) => e.type === reset.eventType.name).map((e) => e.at);
  if (resets.length === 0) return existing;
  const cut = Math.max(...resets);
  return existing.filter((e) => e.at > cut);
}

function contribution(
  rule: Rule,
  group: GroupStatement | undefined,
  lead: Record_,
  events: RefEvent[],
  now: number,
  program: Program,
  timeZone: string | undefined,
): number {
  const existing = visibleEvents(
    group,
    events.filter((e) => e.at <= now),
  );
  switch (rule.kind) {
    case 'when':
      return evalCondition(rule.condition, (p) => readPath(lead, p), program) ? rule.points.value : 0;
    case 'inactive':
      return existing.some((e) => now - e.at < rule.duration.milliseconds) ? 0 : rule.points.value;
    case 'on': {
      const within = rule.modifiers.find((m) => m.kind === 'within');
      const max = rule.modifiers.find((m) => m.kind === 'max');
      const each = rule.modifiers.some((m) => m.kind === 'each');
      const decay = rule.modifiers.find((m) => m.kind === 'decay');
      const perCap = rule.modifiers.find((m) => m.kind === 'maxPer');
      const readProperty = (p: Path): unknown =>
        ['type', 'at', 'lead_id'].includes(p.segments[0]!.name) ? undefined : readPath(e0, p);
      let e0: RefEvent | undefined;
      const matching: RefEvent[] = [];
      for (const e of existing) {
        e0 = e;
        if (e.type !== rule.eventType.name) continue;
        if (rule.where && !evalCondition(rule.where, readProperty, program)) continue;
        if (within && !(now - e.at < within.duration.milliseconds)) continue;
        matching.push(e);
      }
      const worth = (e: RefEvent): number =>
        decay?.kind === 'decay'
          ? decayed(rule.points.value, decay.percent, Math.floor((now - e.at) / decay.every.milliseconds))
          : rule.points.value;
      if (!each) {
        if (matching.length === 0) return 0;
        const latest = matching.reduce((a, b) => (b.at > a.at ? b : a));
        return worth(latest) + 0;
      }
      const capMagnitude = (value: number, limit: number): number =>
        Math.sign(value) * Math.min(Math.abs(value), limit);
      let total = 0;
      if (perCap?.kind === 'maxPer') {
        const sums = new Map<string, number>();
        for (const e of matching) {
          const key = periodOf(e.at, perCap.period, timeZone);
          sums.set(key, (sums.get(key) ?? 0) + worth(e));
        }
        for (const sum of sums.values()) total += capMagnitude(sum, perCap.limit);
      } else {
        for (const e of matching) total += worth(e);
      }
      if (max?.kind === 'max') total = capMagnitude(total, max.limit);
      return total + 0;
    }
  }
}

export function referenceScore(
  program: Program,
  lead: Record_,
  events: RefEvent[],
  now: number,
  timeZone?: string,
): ExplainedScore {
  const groups: Record<string, number> = {};
  const reasons: Reason[] = [];
  const contributions = program.rules.map((r) => contribution(r.rule, r.group, lead, events, now, program, timeZone));
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
