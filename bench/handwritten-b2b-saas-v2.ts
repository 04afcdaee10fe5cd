/**
 * rules/b2b-saas.score (language version 2: a daily cap on e-mail opens, a
 * decaying pricing-page visit, engagement from zero after a lost deal)
 * written by hand as the tightest plain JavaScript loop we could write, in
 * UTC. It must compute exactly what the rule file means (the bench checks).
 */
import type { BenchEvent } from './handwritten-b2b-saas.js';

const DAY = 86_400_000;
const PRICING_WORTH = [30, 15, 7, 3, 1]; // +30 decay 50% every 30d, then 0

export function handwrittenScoreV2(lead: Record<string, unknown>, events: readonly BenchEvent[], now: number) {
  let fit = 0;
  const employees = lead.employees;
  if (typeof employees === 'number' && employees >= 100) fit += 20;
  const industry = lead.industry;
  if (industry === '製造業' || industry === '情報通信業') fit += 15;
  const role = lead.role;
  if (role === '役員' || role === '部長') fit += 25;
  if (role === '課長' || role === '主任') fit += 10;
  const email = lead.email;
  if (typeof email === 'string' && email.includes('@gmail.com')) fit -= 15;
  if (fit > 60) fit = 60;

  // since last 失注: the last lost deal at or before now.
  let cut = -Infinity;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === '失注' && e.at <= now && e.at > cut) cut = e.at;
  }
  let whitepaper = false;
  let opensPerDay: Map<number, number> | null = null;
  let clicks = 0;
  let pricingAt = -Infinity;
  let form = false;
  let webinar = false;
  let recent = false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const at = e.at;
    if (at > now || at <= cut) continue;
    const age = now - at;
    if (age < 30 * DAY) recent = true;
    switch (e.type) {
      case 'whitepaper_download':
        whitepaper = true;
        break;
      case 'email_open': {
        const day = Math.floor(at / DAY);
        if (opensPerDay === null) opensPerDay = new Map();
        opensPerDay.set(day, (opensPerDay.get(day) || 0) + 5);
        break;
      }
      case 'email_click':
        if (age < 90 * DAY) clicks++;
        break;
      case 'page_view':
        if (at > pricingAt && typeof e.url === 'string' && e.url.includes('/pricing')) pricingAt = at;
        break;
      case 'form_reach':
        form = true;
        break;
      case 'webinar_attend':
        webinar = true;
        break;
    }
  }
  let opens = 0;
  if (opensPerDay !== null) for (const sum of opensPerDay.values()) opens += sum < 10 ? sum : 10;
  if (opens > 20) opens = 20;
  const steps = pricingAt === -Infinity ? PRICING_WORTH.length : Math.floor((now - pricingAt) / (30 * DAY));
  const pricing = steps < PRICING_WORTH.length ? PRICING_WORTH[steps]! : 0;
  const engagement =
    (whitepaper ? 20 : 0) + opens + clicks * 10 + pricing + (form ? 40 : 0) + (webinar ? 25 : 0) + (recent ? 0 : -10);
  const score = fit + engagement;
  const tier = score >= 60 ? 'MQL' : score >= 30 ? '中関心' : '低関心';
  return { score, tier, groups: { 属性: fit, 行動: engagement } };
}
