import { dashboardClient } from './dashboard-client.js';

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;color:#1f2328;background:#f6f8fa}
header{display:flex;gap:12px;align-items:center;padding:12px 20px;background:#fff;border-bottom:1px solid #d0d7de}
header h1{font-size:18px;margin:0;flex:1}button{font:inherit;padding:6px 12px;border:1px solid #d0d7de;border-radius:6px;background:#fff;cursor:pointer}
button.primary{background:#1f6feb;color:#fff;border-color:#1f6feb}main{padding:20px;display:grid;gap:16px;grid-template-columns:repeat(auto-fit,minmax(420px,1fr))}
section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px}section h2{font-size:15px;margin:0 0 8px}
.cards{display:flex;gap:16px;grid-column:1/-1}.card{flex:1;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px}
.card .value{font-size:28px;font-weight:600}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eaeef2}
svg{width:100%;height:auto}svg rect{fill:#1f6feb}svg text{font-size:11px;fill:#57606a}#status{color:#57606a;font-size:12px}
#sign-in{max-width:360px;margin:80px auto}#sign-in input{width:100%;padding:8px;margin:8px 0;font:inherit}.error{color:#cf222e}.wide{grid-column:1/-1}[hidden]{display:none!important}`;

/** The dashboard page: one self-contained document (inline style and script, SVG charts, no external assets). */
export function dashboardPage(): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>リードスコア KPI ダッシュボード</title><style>${STYLE}</style></head>
<body data-state="loading">
<header><h1 data-text="title"></h1><span id="status" aria-live="polite"></span><button id="lang" type="button"></button><button id="sign-out" type="button" data-text="signOut" hidden></button></header>
<form id="sign-in" hidden><section><h2 data-text="signIn"></h2>
<label for="token" data-text="token"></label><input id="token" name="token" type="password" autocomplete="current-password" required>
<p id="sign-in-error" class="error" role="alert"></p><button class="primary" type="submit" data-text="signIn"></button></section></form>
<main id="dashboard" hidden>
<div class="cards"><div class="card"><div data-text="leads"></div><div class="value" id="kpi-leads"></div></div>
<div class="card"><div id="kpi-mql-label" data-text="mql"></div><div class="value" id="kpi-mql"></div></div>
<div class="card" id="rate-card"><div data-text="rate"></div><div class="value" id="kpi-rate"></div></div></div>
<section><h2 data-text="tiers"></h2><table id="tiers"></table><div id="tier-chart"></div></section>
<section><h2 data-text="histogram"></h2><div id="histogram"></div></section>
<section><h2 data-text="daily"></h2><div id="inflow-daily"></div></section>
<section><h2 data-text="weekly"></h2><div id="inflow-weekly"></div></section>
<section class="wide"><h2 data-text="changes"></h2><table id="changes"></table></section>
<section class="wide" id="bands-section"><h2 data-text="bands"></h2><table id="bands"></table></section>
</main>
<script>
var __name = function (f) { return f; };
(${dashboardClient.toString()})();
</script>
</body></html>`;
}
