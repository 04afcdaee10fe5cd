import { EVENT_ENVELOPE, modifierOf, type ListRef, type OnRule, type Path } from '../../grammar/ast.js';
import { decayTable } from '../decay-table.js';
import type { Program } from '../program.js';
import { jsCondition, jsSetLiteral, type ConditionScope } from './js-conditions.js';
import { jsNumber, jsString } from './js-literals.js';
import { PathReads } from './js-scorer.js';

/**
 * Generates `nextChange($lead, $events, $now)`: the earliest instant after
 * `$now` (epoch ms) at which the lead's score can change with no new input,
 * or null when it never will. The live service re-scores a lead exactly then.
 *
 * It may answer early (an instant where nothing changes: the service then
 * re-scores for nothing) but never late. The instants where a score can move
 * on its own, per rule kind:
 * - any event whose `at` is after `$now` starts to exist at `at`;
 * - `on … within D`: a matching event stops matching at `at + D`;
 * - `after D inactive`: the lead turns inactive at (latest event) `+ D`;
 * - `decay R% every D`: a matching event's worth steps down at `at + k·D`
 *   (the next whole k after `$now`), while its decay table has a step left.
 * `since last T` adds none of its own: a reset in the future is a future
 * event, and one in the past only hides older events, for good. Neither does
 * `max N per day|week|month`: an event's period is its own local day, so a
 * period sum moves only through the windows and decay above. A rule kind
 * added to the language adds its own candidates here, so the answer stays an
 * upper bound on "nothing changes before".
 *
 * Like the scorer, it expects `toMillis(value)` from its wrapper; its own
 * constants are prefixed `$nc` so it can share a scope with the scorer.
 */
export function generateNextChangeSource(program: Program): string {
  const constants: string[] = [];
  const sets = new Map<ListRef | string, string>();
  const setOf = (list: ListRef): string => {
    const key = list.kind === 'identifier' ? `let:${list.name}` : list;
    const known = sets.get(key);
    if (known) return known;
    const items = list.kind === 'identifier' ? (program.lists.get(list.name)?.items ?? []) : list.items;
    const name = `$ncList${constants.length}`;
    constants.push(`const ${name} = ${jsSetLiteral(items)};`);
    sets.set(key, name);
    return name;
  };

  // `on` rules whose matching events change worth with time: a window or a decay.
  const windows = program.rules
    .map((r) => r.rule)
    .filter(
      (rule): rule is OnRule =>
        rule.kind === 'on' && rule.modifiers.some((m) => m.kind === 'within' || m.kind === 'decay'),
    );
  const inactivity = [
    ...new Set(program.rules.flatMap((r) => (r.rule.kind === 'inactive' ? [r.rule.duration.milliseconds] : []))),
  ];

  const body: string[] = [
    'if (typeof $now !== "number") $now = toMillis($now);',
    'let $next = Infinity;',
    'let $latest = -Infinity;',
    'if (!Array.isArray($events)) $events = $lead != null && typeof $lead === "object" && Array.isArray($lead.events) ? $lead.events : [];',
    'for (let $i = 0, $len = $events.length; $i < $len; $i++) {',
    '  const $e = $events[$i];',
    '  if ($e == null || typeof $e !== "object") continue;',
    '  let $at = $e.at;',
    '  if (typeof $at !== "number") $at = toMillis($at);',
    '  if ($at !== $at) continue;',
    '  // A future event starts to count at its own time.',
    '  if ($at > $now) { if ($at < $next) $next = $at; continue; }',
    '  if ($at > $latest) $latest = $at;',
  ];
  const byType = new Map<string, OnRule[]>();
  for (const rule of windows) byType.set(rule.eventType.name, [...(byType.get(rule.eventType.name) ?? []), rule]);
  if (byType.size > 0) {
    body.push('  switch ($e.type) {');
    for (const [type, rules] of byType) {
      const reads = new PathReads('$e', '$ncp');
      const scope: ConditionScope = {
        valueOf: (path: Path) =>
          EVENT_ENVELOPE.has(path.segments[0]!.name) ? 'undefined' : reads.read(path.segments.map((s) => s.name)),
        setOf,
      };
      const tests = rules.flatMap((rule) => {
        const updates: string[] = [];
        const within = modifierOf(rule, 'within');
        if (within) {
          const end = `$at + ${jsNumber(within.duration.milliseconds)}`;
          updates.push(`{ const $end = ${end}; if ($end > $now && $end < $next) $next = $end; }`);
        }
        const decay = modifierOf(rule, 'decay');
        // Steps 1 … last: past the table's last step the worth stays 0.
        const lastStep = decay ? decayTable(rule.points.value, decay.percent).length - 1 : 0;
        if (decay && lastStep > 0) {
          const every = jsNumber(decay.every.milliseconds);
          updates.push(
            `{ const $step = Math.floor(($now - $at) / ${every}) + 1; if ($step <= ${jsNumber(lastStep)}) { const $end = $at + $step * ${every}; if ($end > $now && $end < $next) $next = $end; } }`,
          );
        }
        if (updates.length === 0) return [];
        const update = updates.join(' ');
        return [rule.where ? `if (${jsCondition(rule.where, scope)}) { ${update} }` : update];
      });
      body.push(
        `    case ${jsString(type)}: {`,
        ...reads.lines.map((l) => `      ${l}`),
        ...tests.map((t) => `      ${t}`),
        '      break;',
        '    }',
      );
    }
    body.push('  }');
  }
  body.push('}');
  for (const ms of inactivity) {
    body.push(
      `if ($latest + ${jsNumber(ms)} > $now && $latest + ${jsNumber(ms)} < $next) $next = $latest + ${jsNumber(ms)};`,
    );
  }
  body.push('return $next === Infinity ? null : $next;');
  const fn = `function nextChange($lead, $events, $now) {\n${body.map((l) => `  ${l}`).join('\n')}\n}`;
  return [...constants, fn].join('\n');
}
