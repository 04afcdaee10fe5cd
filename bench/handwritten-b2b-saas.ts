/**
 * The limit the compiled scorer is measured against: rules/b2b-saas.score
 * written by hand as the tightest plain JavaScript loop we could write. It
 * must compute exactly what the rule file means (the bench checks that).
 */
const DAY = 86_400_000;

export type BenchEvent = {
  readonly type: string;
  readonly at: number;
  readonly url?: string;
  readonly [property: string]: unknown;
};

export function handwrittenScore(lead: Record<string, unknown>, events: readonly BenchEvent[], now: number) {
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

  let whitepaper = false;
  let opens = 0;
  let clicks = 0;
  let pricing = false;
  let form = false;
  let webinar = false;
  let recent = false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const at = e.at;
    if (at > now) continue;
    const age = now - at;
    if (age < 30 * DAY) recent = true;
    switch (e.type) {
      case 'whitepaper_download':
        whitepaper = true;
        break;
      case 'email_open':
        opens++;
        break;
      case 'email_click':
        if (age < 90 * DAY) clicks++;
        break;
      case 'page_view':
        if (!pricing && typeof e.url === 'string' && e.url.includes('/pricing')) pricing = true;
        break;
      case 'form_reach':
        form = true;
        break;
      case 'webinar_attend':
        webinar = true;
        break;
    }
  }
  const engagement =
    (whitepaper ? 20 : 0) +
    Math.min(opens * 5, 20) +
    clicks * 10 +
    (pricing ? 30 : 0) +
    (form ? 40 : 0) +
    (webinar ? 25 : 0) +
    (recent ? 0 : -10);
  const score = fit + engagement;
  const tier = score >= 60 ? 'MQL' : score >= 30 ? '中関心' : '低関心';
  return { score, tier, groups: { 属性: fit, 行動: engagement } };
}
