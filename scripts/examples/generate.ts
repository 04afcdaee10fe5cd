/**
 * Deterministic generator of realistic example data for rules/b2b-saas.score:
 * Japanese B2B leads and their marketing events (page views, e-mail opens and
 * clicks, white-paper downloads, webinars, inquiry forms) over the six months
 * before a fixed as-of instant.
 *
 * Everything is derived from a seeded PRNG (mulberry32): the same options
 * always give the same data, byte for byte. No Math.random, no clock.
 *
 * `generateExampleData` builds any number of leads in memory, for benchmarks
 * and tests; scripts/generate-examples.ts (`npm run examples`) writes the
 * files of examples/ (serialise.ts).
 */
import { AS_OF_MS, DEFAULT_SEED, type ExampleData, type ExampleEvent, type ExampleLead, type GenerateOptions, type Industry, type LeadSource, type Prefecture, type Role } from './model.js';
import { Rng } from './rng.js';
import { campaignsFor, COMPANY_STEMS, COMPANY_SUFFIXES, FAMILY_NAMES, FORMS, GIVEN_NAMES, INDUSTRY_WEIGHTS, PAGES, PREFECTURE_WEIGHTS, PRICING_PAGES, ROLE_WEIGHTS, SOURCE_WEIGHTS, TAGS, WEBINARS, WHITEPAPERS, type Word } from './vocabulary.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const JST = 9 * HOUR;

/** Formats epoch ms as ISO 8601 in JST, to the second: `2026-08-12T14:23:05+09:00`. */
export function toJstIso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000 + JST).toISOString().slice(0, 19) + '+09:00';
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

interface Company {
  name: string;
  domain: string;
  industry: Industry;
  employees: number;
  prefecture: Prefecture;
}

function makeCompany(rng: Rng): Company {
  const industry = rng.weighted(INDUSTRY_WEIGHTS);
  const [stemJa, stemEn] = rng.pick(COMPANY_STEMS);
  const [sufJa, sufEn] = rng.pick(COMPANY_SUFFIXES[industry]);
  const base = stemJa + sufJa;
  const form = rng.weighted([['株式会社前', 60], ['株式会社後', 32], ['有限会社', 5], ['合同会社', 3]] as const);
  const name = form === '株式会社前' ? `株式会社${base}` : form === '株式会社後' ? `${base}株式会社` : form === '有限会社' ? `有限会社${base}` : `${base}合同会社`;
  const tld = rng.weighted([['.co.jp', 80], ['.jp', 8], ['.com', 12]] as const);
  const domain = `${stemEn}-${sufEn}${tld}`;
  // Log-normal: median ~60 employees, a long tail of large enterprises.
  const employees = Math.max(1, Math.min(150_000, Math.round(Math.exp(Math.log(60) + 1.5 * rng.normal()))));
  return { name, domain, industry, employees, prefecture: rng.weighted(PREFECTURE_WEIGHTS) };
}

/** What a lead "reports" as its company size: web forms often take ranges, so values are often rounded. */
function reportedEmployees(rng: Rng, actual: number): number {
  if (!rng.chance(0.35)) return actual;
  const bands = [10, 30, 50, 100, 300, 500, 1000, 3000, 5000, 10000];
  let best = bands[0] ?? 10;
  for (const b of bands) if (Math.abs(b - actual) < Math.abs(best - actual)) best = b;
  return best;
}

function emailFor(rng: Rng, family: Word, given: Word, company: Company, role: Role): string {
  const freeMailChance = role === '学生' ? 0.75 : company.employees < 20 ? 0.3 : 0.1;
  if (rng.chance(freeMailChance)) {
    const domain = rng.weighted([['gmail.com', 75], ['yahoo.co.jp', 20], ['icloud.com', 5]] as const);
    const local = rng.weighted([
      [`${given[1]}.${family[1]}`, 3],
      [`${family[1]}${given[1]}${rng.int(70, 99)}`, 2],
      [`${given[1]}_${family[1]}${rng.int(1, 999)}`, 2],
    ] as const);
    return `${local}@${domain}`;
  }
  const local = rng.weighted([
    [`${family[1]}`, 2],
    [`${given[1][0] ?? ''}.${family[1]}`, 3],
    [`${family[1]}.${given[1]}`, 3],
    [`${given[1]}.${family[1]}`, 2],
  ] as const);
  return `${local}@${company.domain}`;
}

/**
 * The hidden model the example `opportunity` is drawn from: log-odds terms of
 * what really drives conversion in the example company. Compared with the
 * points of rules/b2b-saas.score, webinar attendance is under-weighted there
 * (+25 for the second-strongest signal), the white-paper download is
 * over-weighted (+20 for no effect at all) and Gmail is over-weighted (−15
 * for a small effect). Pricing page, inquiry form, recent activity and fit
 * are about right.
 */
export const HIDDEN_OUTCOME_MODEL = {
  intercept: -5.3,
  pricingPage: 1.2,
  formReach: 2.0,
  webinar: 1.9,
  whitepaper: 0,
  fourOpens: 0.2,
  recentActivity: 0.7,
  decisionMaker: 0.9,
  sectionManager: 0.3,
  bigCompany: 0.5,
  targetIndustry: 0.3,
  student: -2.0,
  freeMail: -0.1,
  noise: 0.6,
} as const;

const DECISION_MAKERS: readonly Role[] = ['役員', '部長'];
const TARGET_INDUSTRIES: readonly Industry[] = ['製造業', '情報通信業'];

/**
 * Generates `options.leads` leads and their events, deterministically from
 * `options.seed`. Leads are `L00001`, `L00002`, … (at least five digits).
 * Behaviour depends on fit (role, size, industry) and a latent interest, and
 * `opportunity` is drawn from a hidden logistic model of behaviour and fit
 * (HIDDEN_OUTCOME_MODEL), so that scores predict it — imperfectly, and with
 * some rules of rules/b2b-saas.score deliberately mis-weighted against it:
 * webinar attendance matters far more than its +25, a white-paper download
 * hardly at all despite its +20 (and downloads do not follow interest), a
 * Gmail address much less than its −15. `leadscore report` should flag
 * those rules and `leadscore tune` should move their points (docs/kpi.md).
 */
export function generateExampleData(options: GenerateOptions): ExampleData {
  const count = Math.max(0, Math.floor(options.leads));
  const rng = new Rng(options.seed ?? DEFAULT_SEED);
  // Lost deals (失注) come from their own generator, so every other lead and event stays as it was.
  const lostRng = new Rng((options.seed ?? DEFAULT_SEED) ^ 0x5a17);
  const asOf = options.asOfMs ?? AS_OF_MS;
  const meanEvents = options.meanEvents ?? 12;
  const windowStart = asOf - 182 * DAY;
  const firstCreated = asOf - 540 * DAY;
  // Same-offset ISO strings order like the instants they name.
  const recentSince = toJstIso(asOf - 30 * DAY);

  const companies: Company[] = [];
  const companyCount = Math.max(20, Math.round(count * 0.55));
  for (let i = 0; i < companyCount; i++) companies.push(makeCompany(rng));

  const idWidth = Math.max(5, String(count).length);
  const leads: ExampleLead[] = [];
  const events: ExampleEvent[] = [];
  // Leads with events get on average meanEvents / (share with events).
  const noEventShare = 0.08;
  const activeMean = meanEvents / (1 - noEventShare);

  for (let i = 0; i < count; i++) {
    const id = `L${String(i + 1).padStart(idWidth, '0')}`;
    const company = rng.pick(companies);
    const family = rng.pick(FAMILY_NAMES);
    const given = rng.pick(GIVEN_NAMES);
    const role = rng.weighted(ROLE_WEIGHTS);
    const source = rng.weighted(SOURCE_WEIGHTS);
    const email = emailFor(rng, family, given, company, role);
    // Lead creation: skewed towards recent months (marketing spend grows).
    const createdMs = Math.floor(asOf - (asOf - firstCreated) * Math.pow(rng.float(), 1.6) - rng.int(0, 3) * HOUR);
    const optedOut = rng.chance(0.05);

    const lead: ExampleLead = { id };
    if (!rng.chance(0.01)) lead.name = `${family[0]} ${given[0]}`;
    if (role !== '学生' || rng.chance(0.3)) {
      if (!rng.chance(0.02)) lead.company = company.name;
    }
    if (!rng.chance(0.005)) lead.email = email;
    const employeesRoll = rng.float();
    if (employeesRoll >= 0.05) lead.employees = reportedEmployees(rng, company.employees);
    else if (employeesRoll >= 0.03) lead.employees = null;
    if (!rng.chance(0.03)) lead.industry = company.industry;
    if (!rng.chance(0.04)) lead.role = role;
    if (!rng.chance(0.05)) lead.prefecture = company.prefecture;
    if (!rng.chance(0.02)) lead.lead_source = source;
    if (!rng.chance(0.1)) lead.opted_out = optedOut;
    if (rng.chance(0.35)) {
      const tags = new Set<string>();
      const n = rng.int(1, 3);
      for (let t = 0; t < n; t++) tags.add(rng.pick(TAGS));
      lead.tags = [...tags];
    }
    lead.created_at = toJstIso(createdMs);

    // Latent interest: fit makes engagement more likely, but noise dominates.
    const isDecision = DECISION_MAKERS.includes(role);
    const big = company.employees >= 100;
    const target = TARGET_INDUSTRIES.includes(company.industry);
    const freeMail = email.endsWith('@gmail.com') || email.endsWith('@yahoo.co.jp') || email.endsWith('@icloud.com');
    const z =
      rng.normal() * 1.0 +
      (isDecision ? 0.4 : 0) +
      (big ? 0.25 : 0) +
      (target ? 0.2 : 0) +
      (role === '学生' ? -0.9 : 0) +
      (source === 'Web問い合わせ' ? 0.6 : source === 'ウェビナー' ? 0.3 : 0);
    const interest = sigmoid(z - 0.3);

    const leadEvents = generateEvents(rng, id, {
      interest,
      optedOut,
      source,
      start: Math.max(windowStart, createdMs),
      asOf,
      mean: activeMean,
      noEventShare,
    });
    for (const e of withLostDeal(lostRng, id, leadEvents, asOf)) events.push(e);

    // Outcome: became a sales opportunity (商談化).
    let pricing = false;
    let form = false;
    let webinar = false;
    let whitepaper = false;
    let recent = false;
    let opens = 0;
    for (const e of leadEvents) {
      if (e.type === 'page_view' && e.url !== undefined && e.url.includes('/pricing')) pricing = true;
      else if (e.type === 'form_reach') form = true;
      else if (e.type === 'webinar_attend') webinar = true;
      else if (e.type === 'whitepaper_download') whitepaper = true;
      else if (e.type === 'email_open') opens++;
      if (e.at > recentSince) recent = true;
    }
    const m = HIDDEN_OUTCOME_MODEL;
    const logit =
      m.intercept +
      (pricing ? m.pricingPage : 0) +
      (form ? m.formReach : 0) +
      (webinar ? m.webinar : 0) +
      (whitepaper ? m.whitepaper : 0) +
      (opens >= 4 ? m.fourOpens : 0) +
      (recent ? m.recentActivity : 0) +
      (isDecision ? m.decisionMaker : role === '課長' ? m.sectionManager : 0) +
      (big ? m.bigCompany : 0) +
      (target ? m.targetIndustry : 0) +
      (role === '学生' ? m.student : 0) +
      (freeMail ? m.freeMail : 0) +
      m.noise * rng.normal();
    const opportunity = rng.chance(sigmoid(logit));
    if (!rng.chance(0.01)) lead.opportunity = opportunity;

    leads.push(lead);
  }
  return { leads, events };
}

/**
 * About one engaged lead in ten had a deal that was lost (失注, recorded by
 * sales in the CRM): a day or three after one of its events, never after
 * the as-of instant. Returns the lead's events with it, in time order.
 */
function withLostDeal(rng: Rng, leadId: string, leadEvents: readonly ExampleEvent[], asOf: number): ExampleEvent[] {
  if (leadEvents.length < 3 || !rng.chance(0.1)) return [...leadEvents];
  const after = rng.pick(leadEvents.slice(1));
  const at = Date.parse(after.at) + rng.int(1, 3) * DAY + rng.int(9, 18) * HOUR;
  if (at >= asOf) return [...leadEvents];
  const lost: ExampleEvent = { lead_id: leadId, type: '失注', at: toJstIso(at) };
  // Same-offset ISO strings order like the instants they name.
  return [...leadEvents.filter((e) => e.at <= lost.at), lost, ...leadEvents.filter((e) => e.at > lost.at)];
}

interface EventPlan {
  interest: number;
  optedOut: boolean;
  source: LeadSource;
  start: number;
  asOf: number;
  mean: number;
  noEventShare: number;
}

function generateEvents(rng: Rng, leadId: string, plan: EventPlan): ExampleEvent[] {
  const { interest, asOf } = plan;
  if (rng.chance(plan.noEventShare) || plan.start >= asOf - HOUR) return [];
  // Heavy-tailed count (exponential), mean proportional to interest.
  const lambda = plan.mean * (0.35 + 1.3 * interest);
  const target = Math.min(160, Math.max(1, Math.round(-lambda * Math.log(1 - rng.float()))));

  // Activity window; about a quarter of the leads went quiet more than 30 days ago.
  let end = asOf;
  const quietChance = 0.22 - 0.17 * interest;
  if (rng.chance(quietChance)) {
    const quietEnd = asOf - rng.int(31, 140) * DAY;
    if (quietEnd > plan.start + DAY) end = quietEnd;
  }
  const span = end - plan.start;

  const out: ExampleEvent[] = [];
  const at = (ms: number): string => toJstIso(Math.min(ms, end - 1000));
  const pricingChance = 0.02 + 0.16 * interest * interest;
  const formChance = 0.003 + 0.035 * interest * interest;

  while (out.length < target) {
    // A touch at a business-hours-ish moment in the window; recent days are a bit denser for interested leads.
    const pos = interest > 0.6 ? Math.pow(rng.float(), 0.7) : rng.float();
    const dayStart = plan.start + Math.floor((pos * span) / DAY) * DAY;
    const hour = rng.weighted([[8, 2], [9, 6], [10, 9], [11, 8], [12, 4], [13, 8], [14, 9], [15, 8], [16, 7], [17, 5], [18, 3], [20, 2], [22, 1]] as const);
    let t = dayStart - ((dayStart + JST) % DAY) + hour * HOUR + rng.int(0, 3599) * 1000;
    if (t < plan.start) t = plan.start + rng.int(0, 3599) * 1000;
    if (t >= end) continue;
    const weekday = new Date(t + JST).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.chance(0.75)) continue;

    const kind = rng.weighted([
      ['page', 48],
      ['email', plan.optedOut ? 0 : 34],
      // Downloads follow curiosity, not buying intent: the less interested download more per touch.
      ['whitepaper', 7 * (1 - interest) ** 2],
      ['webinar', plan.source === 'ウェビナー' ? 4 : 1.5],
      ['form', formChance * 100],
    ] as const);

    if (kind === 'page') {
      const views = rng.weighted([[1, 4], [2, 3], [3, 2], [4, 1]] as const);
      let vt = t;
      for (let v = 0; v < views && out.length < target; v++) {
        const path = rng.chance(pricingChance) ? rng.weighted(PRICING_PAGES) : rng.weighted(PAGES);
        out.push({ lead_id: leadId, type: 'page_view', at: at(vt), url: path });
        vt += rng.int(20, 400) * 1000;
      }
    } else if (kind === 'email') {
      const campaign = rng.pick(campaignsFor(toJstIso(t).slice(0, 7)));
      out.push({ lead_id: leadId, type: 'email_open', at: at(t), campaign });
      if (out.length < target && rng.chance(0.08 + 0.3 * interest)) {
        const path = rng.chance(0.1 + pricingChance) ? '/pricing' : rng.weighted(PAGES);
        out.push({ lead_id: leadId, type: 'email_click', at: at(t + rng.int(5, 600) * 1000), campaign, url: path });
      }
    } else if (kind === 'whitepaper') {
      out.push({ lead_id: leadId, type: 'whitepaper_download', at: at(t), title: rng.pick(WHITEPAPERS) });
    } else if (kind === 'webinar') {
      out.push({ lead_id: leadId, type: 'webinar_attend', at: at(t), title: rng.pick(WEBINARS) });
    } else {
      out.push({ lead_id: leadId, type: 'form_reach', at: at(t), form: rng.weighted([[FORMS[0], 5], [FORMS[1], 3], [FORMS[2], 2]] as const) });
    }
  }
  out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return out;
}
