/**
 * The dashboard's script, run in the browser: it is inlined into the page
 * with Function.prototype.toString, so it must stay self-contained (no
 * imports, no outer names). Every text from the data goes in through
 * textContent, never as markup.
 */
export function dashboardClient(): void {
  type Snapshot = {
    now: string;
    rules_version: string;
    leads: number;
    tiers: {
      name: string | null;
      threshold: number | null;
      count: number;
      share: number | null;
      converted: number | null;
      rate: number | null;
    }[];
    mql: { tier: string; count: number; converted: number | null; opportunityRate: number | null } | null;
    histogram: { from: number; to: number; count: number }[];
    mql_inflow: { daily: { day: string; count: number }[]; weekly: { week: string; count: number }[] };
    outcome: {
      field: string;
      converted: number;
      conversion_rate: number | null;
      bands: {
        band: number;
        minScore: number;
        maxScore: number;
        count: number;
        converted: number;
        rate: number | null;
      }[];
    } | null;
    latest_changes: {
      lead_id: unknown;
      name: string | null;
      company: string | null;
      at: string;
      from: string | null;
      to: string | null;
      score: number;
      reasons: { rule: string; points: number }[];
    }[];
  };
  const TEXT = {
    ja: {
      title: 'リードスコア KPI ダッシュボード',
      token: '読み取りトークン',
      signIn: 'サインイン',
      signOut: 'サインアウト',
      wrong: 'トークンが正しくないか、読み取り権限がありません。',
      leads: 'リード数',
      mql: 'MQL 数',
      rate: 'MQL→商談化率',
      tiers: 'ティア別リード数',
      tier: 'ティア',
      count: '件数',
      share: '割合',
      histogram: 'スコア分布',
      daily: 'MQL 流入 (日別, 30 日)',
      weekly: 'MQL 流入 (週別, 12 週)',
      changes: '最新のティア変更',
      when: '日時',
      who: 'リード',
      change: '変更',
      score: 'スコア',
      reasons: '主な理由',
      bands: 'スコア帯別の商談化率',
      band: '帯',
      range: 'スコア',
      converted: '商談化',
      live: 'ライブ更新中',
      updated: '最終更新',
      none: 'ティアなし',
      noTier: '(ティアなし)',
      lang: 'English',
      rules: 'ルール',
    },
    en: {
      title: 'Lead score KPI dashboard',
      token: 'Read token',
      signIn: 'Sign in',
      signOut: 'Sign out',
      wrong: 'The token is not known or lacks the read scope.',
      leads: 'Leads',
      mql: 'MQLs',
      rate: 'MQL→opportunity rate',
      tiers: 'Leads per tier',
      tier: 'Tier',
      count: 'Leads',
      share: 'Share',
      histogram: 'Score distribution',
      daily: 'MQL inflow per day (30 days)',
      weekly: 'MQL inflow per week (12 weeks)',
      changes: 'Latest tier changes',
      when: 'When',
      who: 'Lead',
      change: 'Change',
      score: 'Score',
      reasons: 'Top reasons',
      bands: 'Conversion by score band',
      band: 'Band',
      range: 'Scores',
      converted: 'Converted',
      live: 'Live',
      updated: 'Updated',
      none: 'no tier',
      noTier: '(no tier)',
      lang: '日本語',
      rules: 'rules',
    },
  };
  type Lang = keyof typeof TEXT;
  let lang: Lang = localStorage.getItem('leadscore-dashboard-lang') === 'en' ? 'en' : 'ja';
  let latest: Snapshot | undefined;
  let updates = 0;
  let stream: EventSource | undefined;
  const t = (key: keyof (typeof TEXT)['ja']): string => TEXT[lang][key];
  const $ = (id: string): HTMLElement => document.getElementById(id)!;
  const SVG = 'http://www.w3.org/2000/svg';

  function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  }
  const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
  const num = (v: number): string => v.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');

  function bars(id: string, items: { label: string; value: number }[]): void {
    const host = $(id);
    host.replaceChildren();
    const w = 640;
    const h = 180;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${w} ${h + 40}`);
    svg.setAttribute('role', 'img');
    const max = Math.max(1, ...items.map((i) => i.value));
    const bw = w / Math.max(1, items.length);
    items.forEach((item, i) => {
      const bh = (item.value / max) * h;
      const rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('x', String(i * bw + 2));
      rect.setAttribute('y', String(h - bh));
      rect.setAttribute('width', String(Math.max(1, bw - 4)));
      rect.setAttribute('height', String(bh));
      rect.setAttribute('data-value', String(item.value));
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${item.label}: ${item.value}`;
      rect.append(title);
      svg.append(rect);
      if (items.length <= 31 && (items.length <= 12 || i % 5 === 0)) {
        const label = document.createElementNS(SVG, 'text');
        label.setAttribute('x', String(i * bw + bw / 2));
        label.setAttribute('y', String(h + 16));
        label.setAttribute('text-anchor', 'middle');
        label.textContent = item.label;
        svg.append(label);
      }
    });
    host.append(svg);
  }

  function table(id: string, head: string[], rows: (string | Node)[][], rowAttrs: Record<string, string>[] = []): void {
    const host = $(id);
    host.replaceChildren(
      el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))),
      el('tbody', {}, ...rows.map((r, i) => el('tr', rowAttrs[i] ?? {}, ...r.map((c) => el('td', {}, c))))),
    );
  }

  function render(): void {
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll<HTMLElement>('[data-text]').forEach((node) => {
      node.textContent = t(node.dataset.text as keyof (typeof TEXT)['ja']);
    });
    $('lang').textContent = t('lang');
    const s = latest;
    if (!s) return;
    $('kpi-leads').textContent = num(s.leads);
    $('kpi-mql').textContent = s.mql ? num(s.mql.count) : '—';
    $('kpi-rate').textContent = s.mql && s.outcome ? pct(s.mql.opportunityRate) : '—';
    $('rate-card').hidden = !s.outcome;
    $('kpi-mql-label').textContent = s.mql ? `${t('mql')} (${s.mql.tier})` : t('mql');
    table(
      'tiers',
      [t('tier'), t('count'), t('share'), ...(s.outcome ? [t('rate')] : [])],
      s.tiers.map((r) => [r.name ?? t('noTier'), num(r.count), pct(r.share), ...(s.outcome ? [pct(r.rate)] : [])]),
      s.tiers.map((r) => ({ 'data-tier': r.name ?? '', 'data-count': String(r.count) })),
    );
    bars(
      'tier-chart',
      s.tiers.map((r) => ({ label: r.name ?? t('noTier'), value: r.count })),
    );
    bars(
      'histogram',
      s.histogram.map((b) => ({ label: String(b.from), value: b.count })),
    );
    bars(
      'inflow-daily',
      s.mql_inflow.daily.map((d) => ({ label: d.day.slice(5), value: d.count })),
    );
    bars(
      'inflow-weekly',
      s.mql_inflow.weekly.map((d) => ({ label: d.week.slice(5), value: d.count })),
    );
    table(
      'changes',
      [t('when'), t('who'), t('change'), t('score'), t('reasons')],
      s.latest_changes.map((c) => [
        new Date(c.at).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US'),
        [c.name ?? String(c.lead_id), c.company].filter(Boolean).join(' / '),
        `${c.from ?? t('none')} → ${c.to ?? t('none')}`,
        String(c.score),
        c.reasons
          .filter((r) => r.points !== 0)
          .sort((a, b) => b.points - a.points)
          .slice(0, 3)
          .map((r) => `${r.rule} ${r.points > 0 ? '+' : '−'}${Math.abs(r.points)}`)
          .join(' / '),
      ]),
      s.latest_changes.map((c) => ({ 'data-lead': String(c.lead_id) })),
    );
    $('bands-section').hidden = !s.outcome;
    if (s.outcome)
      table(
        'bands',
        [t('band'), t('range'), t('count'), t('converted'), t('rate')],
        s.outcome.bands.map((b) => [
          String(b.band),
          `${b.minScore}–${b.maxScore}`,
          num(b.count),
          num(b.converted),
          pct(b.rate),
        ]),
      );
    $('status').textContent =
      `${t('live')} · ${t('updated')} ${new Date().toLocaleTimeString(lang === 'ja' ? 'ja-JP' : 'en-US')} · ${t('rules')} ${s.rules_version.slice(0, 7)}`;
  }

  function show(signedIn: boolean): void {
    $('sign-in').hidden = signedIn;
    $('dashboard').hidden = !signedIn;
    $('sign-out').hidden = !signedIn;
    document.body.dataset.state = signedIn ? 'live' : 'signed-out';
  }

  function accept(s: Snapshot): void {
    latest = s;
    updates++;
    render();
    document.body.dataset.updates = String(updates);
  }

  async function start(): Promise<void> {
    const res = await fetch('/dashboard/data', { credentials: 'same-origin' });
    if (res.status === 401) return show(false);
    show(true);
    accept((await res.json()) as Snapshot);
    stream?.close();
    stream = new EventSource('/dashboard/stream');
    stream.addEventListener('snapshot', (e) => accept(JSON.parse((e as MessageEvent<string>).data) as Snapshot));
    stream.onerror = () => {
      $('status').textContent = '…';
    };
  }

  $('sign-in').addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      const input = $('token') as HTMLInputElement;
      const res = await fetch('/dashboard/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: input.value }),
      });
      input.value = '';
      $('sign-in-error').textContent = res.ok ? '' : t('wrong');
      if (res.ok) await start();
    })();
  });
  $('sign-out').addEventListener('click', () => {
    void fetch('/dashboard/sign-out', { method: 'POST' }).then(() => {
      stream?.close();
      latest = undefined;
      show(false);
    });
  });
  $('lang').addEventListener('click', () => {
    lang = lang === 'ja' ? 'en' : 'ja';
    localStorage.setItem('leadscore-dashboard-lang', lang);
    render();
  });
  render();
  void start();
}
