/**
 * Peers: rules/b2b-saas.score written for json-logic-js and json-rules-engine,
 * as idiomatically and as fairly as each allows, timed on the same generated
 * data against the compiled scorer. Neither library knows time, so each event
 * carries a precomputed `age` (ms before the as-of instant) for both peers;
 * computing it is not timed (an advantage to the peers). Group clamp and
 * tiers are a few lines of JavaScript around each engine, the same for both.
 */
import jsonLogic from 'json-logic-js';
import { Engine } from 'json-rules-engine';
import type { Scorer } from '../core/score-result.js';
import type { BenchEvent } from './handwritten-b2b-saas.js';
import { fmt } from './measure.js';

const DAY = 86_400_000;
type Lead = Record<string, unknown>;
type AgedEvent = BenchEvent & { age: number };

function finish(fit: number, behaviour: number) {
  const fitClamped = Math.min(fit, 60);
  const score = fitClamped + behaviour;
  const tier = score >= 60 ? 'MQL' : score >= 30 ? '中関心' : '低関心';
  return { score, tier, groups: { 属性: fitClamped, 行動: behaviour } };
}

// --- json-logic-js: one expression per rule, over { lead, events } ---------------------------
const count = (type: string, extra?: object) => ({
  reduce: [
    { filter: [{ var: 'events' }, { and: [{ '==': [{ var: 'type' }, type] }, ...(extra ? [extra] : [])] }] },
    { '+': [1, { var: 'accumulator' }] },
    0,
  ],
});
const LOGIC_FIT: [object, number][] = [
  [{ '>=': [{ var: 'lead.employees' }, 100] }, 20],
  [{ in: [{ var: 'lead.industry' }, ['製造業', '情報通信業']] }, 15],
  [{ in: [{ var: 'lead.role' }, ['役員', '部長']] }, 25],
  [{ in: [{ var: 'lead.role' }, ['課長', '主任']] }, 10],
  [{ in: ['@gmail.com', { var: 'lead.email' }] }, -15],
];
const LOGIC_BEHAVIOUR: object[] = [
  { if: [{ '>': [count('whitepaper_download'), 0] }, 20, 0] },
  { min: [{ '*': [count('email_open'), 5] }, 20] },
  { '*': [count('email_click', { '<': [{ var: 'age' }, 90 * DAY] }), 10] },
  { if: [{ '>': [count('page_view', { in: ['/pricing', { var: 'url' }] }), 0] }, 30, 0] },
  { if: [{ '>': [count('form_reach'), 0] }, 40, 0] },
  { if: [{ '>': [count('webinar_attend'), 0] }, 25, 0] },
  { if: [{ some: [{ var: 'events' }, { '<': [{ var: 'age' }, 30 * DAY] }] }, 0, -10] },
];

export function jsonLogicScore(lead: Lead, events: readonly AgedEvent[]) {
  const data = { lead, events };
  let fit = 0;
  // `employees >= 100` must be false for a missing value; json-logic would compare null as 0, so guard it as the language does.
  for (const [rule, points] of LOGIC_FIT) {
    const value = jsonLogic.apply(rule as never, data) as unknown;
    if (
      value === true &&
      !(points === 20 && typeof lead.employees !== 'number') &&
      !(points === -15 && typeof lead.email !== 'string')
    )
      fit += points;
  }
  let behaviour = 0;
  for (const rule of LOGIC_BEHAVIOUR) behaviour += jsonLogic.apply(rule as never, data) as number;
  return finish(fit, behaviour);
}

// --- json-rules-engine: rules with conditions on facts, event counts as a parameterised fact --
export function buildRulesEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  // Its built-in `contains` is for arrays only; the language's `contains` on text is a substring test.
  engine.addOperator(
    'substring',
    (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.includes(b),
  );
  engine.addFact('count', ((
    params: { type: string; within?: number; pricing?: boolean },
    almanac: { factValue(name: string): Promise<unknown> },
  ) =>
    (almanac.factValue('events') as Promise<AgedEvent[]>).then(
      (events) =>
        events.filter(
          (e) =>
            e.type === params.type &&
            (params.within === undefined || e.age < params.within) &&
            (!params.pricing || (typeof e.url === 'string' && e.url.includes('/pricing'))),
        ).length,
    )) as never);
  engine.addFact('recent', ((params: { within: number }, almanac: { factValue(name: string): Promise<unknown> }) =>
    (almanac.factValue('events') as Promise<AgedEvent[]>).then((events) =>
      events.some((e) => e.age < params.within),
    )) as never);
  const rule = (
    name: string,
    group: 'fit' | 'behaviour',
    points: number,
    all: object[],
    each?: { type: string; max?: number; within?: number },
  ) => engine.addRule({ name, conditions: { all } as never, event: { type: group, params: { points, each } } });
  rule('size', 'fit', 20, [{ fact: 'lead', path: '$.employees', operator: 'greaterThanInclusive', value: 100 }]);
  rule('industry', 'fit', 15, [{ fact: 'lead', path: '$.industry', operator: 'in', value: ['製造業', '情報通信業'] }]);
  rule('dm', 'fit', 25, [{ fact: 'lead', path: '$.role', operator: 'in', value: ['役員', '部長'] }]);
  rule('staff', 'fit', 10, [{ fact: 'lead', path: '$.role', operator: 'in', value: ['課長', '主任'] }]);
  rule('gmail', 'fit', -15, [{ fact: 'lead', path: '$.email', operator: 'substring', value: '@gmail.com' }]);
  rule('wp', 'behaviour', 20, [
    { fact: 'count', params: { type: 'whitepaper_download' }, operator: 'greaterThan', value: 0 },
  ]);
  rule('open', 'behaviour', 5, [{ fact: 'count', params: { type: 'email_open' }, operator: 'greaterThan', value: 0 }], {
    type: 'email_open',
    max: 20,
  });
  rule(
    'click',
    'behaviour',
    10,
    [{ fact: 'count', params: { type: 'email_click', within: 90 * DAY }, operator: 'greaterThan', value: 0 }],
    { type: 'email_click', within: 90 * DAY },
  );
  rule('pricing', 'behaviour', 30, [
    { fact: 'count', params: { type: 'page_view', pricing: true }, operator: 'greaterThan', value: 0 },
  ]);
  rule('form', 'behaviour', 40, [{ fact: 'count', params: { type: 'form_reach' }, operator: 'greaterThan', value: 0 }]);
  rule('webinar', 'behaviour', 25, [
    { fact: 'count', params: { type: 'webinar_attend' }, operator: 'greaterThan', value: 0 },
  ]);
  rule('inactive', 'behaviour', -10, [
    { fact: 'recent', params: { within: 30 * DAY }, operator: 'equal', value: false },
  ]);
  return engine;
}

export async function rulesEngineScore(engine: Engine, lead: Lead, events: readonly AgedEvent[]) {
  const { events: fired, almanac } = await engine.run({ lead, events });
  let fit = 0;
  let behaviour = 0;
  for (const e of fired) {
    const { points, each } = e.params as { points: number; each?: { type: string; max?: number; within?: number } };
    let value = points;
    if (each) {
      const n = (await almanac.factValue('count', {
        type: each.type,
        ...(each.within !== undefined && { within: each.within }),
      })) as number;
      value = each.max === undefined ? n * points : Math.min(n * points, each.max);
    }
    if (e.type === 'fit') fit += value;
    else behaviour += value;
  }
  return finish(fit, behaviour);
}

/** Times both peers and the compiled scorer on `n` leads; prints leads/s and ratios. */
export async function measurePeers(
  scorer: Scorer,
  leads: readonly Lead[],
  eventsOf: readonly BenchEvent[][],
  now: number,
  n: number,
): Promise<void> {
  const sample = leads.slice(0, n);
  const aged = eventsOf
    .slice(0, n)
    .map((events) => events.filter((e) => e.at <= now).map((e) => ({ ...e, age: now - e.at })));
  const engine = buildRulesEngine();
  // The peers must compute the same model before their speeds mean anything.
  for (let i = 0; i < sample.length; i++) {
    const want = JSON.stringify(scorer.score(sample[i]!, eventsOf[i]!, now));
    const logic = JSON.stringify(jsonLogicScore(sample[i]!, aged[i]!));
    const rules = JSON.stringify(await rulesEngineScore(engine, sample[i]!, aged[i]!));
    if (logic !== want || rules !== want)
      throw new Error(`lead ${i}: compiled ${want}, json-logic ${logic}, json-rules-engine ${rules}`);
  }
  const time = async (run: () => unknown): Promise<number> => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  let sink = 0;
  const compiled = Math.min(
    ...(await Promise.all(
      [0, 1, 2].map(() =>
        time(() => {
          for (let i = 0; i < sample.length; i++) sink += scorer.score(sample[i]!, eventsOf[i]!, now).score;
        }),
      ),
    )),
  );
  const logic = await time(() => {
    for (let i = 0; i < sample.length; i++) sink += jsonLogicScore(sample[i]!, aged[i]!).score;
  });
  const rules = await time(async () => {
    for (let i = 0; i < sample.length; i++) sink += (await rulesEngineScore(engine, sample[i]!, aged[i]!)).score;
  });
  const rate = (ms: number): string => fmt((sample.length / ms) * 1000);
  console.log(`   compiled scorer   : ${fmt(compiled, 1)} ms (${rate(compiled)} leads/s)  [baseline]`);
  console.log(
    `   json-logic-js     : ${fmt(logic, 1)} ms (${rate(logic)} leads/s), ${fmt(logic / compiled, 1)}x slower`,
  );
  console.log(
    `   json-rules-engine : ${fmt(rules, 1)} ms (${rate(rules)} leads/s), ${fmt(rules / compiled, 1)}x slower`,
  );
  if (sink === 0.5) console.log('');
}
