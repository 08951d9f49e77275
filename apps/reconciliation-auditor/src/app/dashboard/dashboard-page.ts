import type { DashboardAuthMode } from './dashboard-auth';

/** What the shell page needs to know; nothing here is data, so the shell may be public. */
export interface DashboardPageOptions {
  /** Absolute path of the JSON API as the browser sees it, e.g. `/api`. */
  apiBase: string;
  authMode: DashboardAuthMode;
  pollMs: number;
  /** Shown in the title bar, e.g. the environment name. */
  title: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const option = (value: string, label = value) =>
  `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
const select = (id: string, label: string, values: readonly string[], allLabel: string) =>
  `<label>${label} <select id="${id}" name="${id.replace('filter-', '')}">${option('', allLabel)}${values
    .map((v) => option(v))
    .join('')}</select></label>`;

const OWNERS = ['OPS', 'CX', 'MERCH', 'PLATFORM'] as const;
const TYPES = [
  'SKU_MISMATCH',
  'INVENTORY_DRIFT',
  'SYNC_DELAY',
  'DISPATCH_NOT_CONFIRMED',
  'ORDER_NOT_ACCEPTED',
] as const;
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;

/**
 * The dashboard shell: static markup with empty panels that `dashboard.js` fills from the JSON API.
 * Assets are referenced relatively, so the router works under any mount path ending in `/`.
 */
export function renderDashboardPage(options: DashboardPageOptions): string {
  const title = escapeHtml(options.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="assets/dashboard.css">
<script src="assets/dashboard.js" defer></script>
</head>
<body data-api-base="${escapeHtml(options.apiBase)}" data-auth="${options.authMode}" data-poll-ms="${options.pollMs}">
<header class="topbar">
  <h1>${title}</h1>
  <span id="live" class="live" aria-live="polite">not connected</span>
  <button id="logout" type="button" hidden>Log out</button>
</header>

<section id="login" class="panel login" hidden>
  <h2>Log in</h2>
  <p>Enter the auditor's API token (<code>API_TOKEN</code>). It is kept in this tab only and sent with every API call.</p>
  <form id="login-form" autocomplete="off">
    <label>API token <input id="login-token" type="password" required></label>
    <button type="submit">Log in</button>
  </form>
  <p id="login-error" class="error" role="alert"></p>
</section>

<main id="app" hidden>
  <section id="flows" class="panel">
    <h2>Flow health</h2>
    <p class="meta"><span id="tables-state"></span> <span id="flows-generated"></span></p>
    <div id="flow-cards" class="cards"></div>
    <h3>Audits</h3>
    <table id="audits-table"><thead><tr><th>Audit</th><th>Every</th><th>Last run</th><th>Findings</th><th>Next run</th><th>Last error</th></tr></thead><tbody></tbody></table>
    <p id="flows-error" class="error" role="alert"></p>
  </section>

  <section id="lag" class="panel">
    <h2>Consumer lag</h2>
    <table id="lag-table"><thead><tr><th>Consumer group</th><th>Topic</th><th class="num">Lag (records)</th><th>Per partition</th></tr></thead><tbody></tbody></table>
    <p id="lag-empty" class="meta" hidden></p>
    <p id="lag-error" class="error" role="alert"></p>
  </section>

  <section id="exceptions" class="panel">
    <h2>Exceptions by owner</h2>
    <p id="owner-counts" class="meta"></p>
    <form id="exception-filters" class="filters">
      ${select('filter-owner', 'Owner', OWNERS, 'All owners')}
      ${select('filter-type', 'Type', TYPES, 'All types')}
      ${select('filter-severity', 'Severity', SEVERITIES, 'All severities')}
      <label>State <select id="filter-state" name="state">${option('', 'Open + acknowledged')}${option('OPEN', 'Open')}${option('ACKNOWLEDGED', 'Acknowledged')}${option('RESOLVED', 'Resolved')}${option('ALL', 'All')}</select></label>
      <a id="exceptions-csv" href="#" download>CSV</a>
    </form>
    <p id="exceptions-total" class="meta"></p>
    <div id="exception-groups"></div>
    <p id="exceptions-error" class="error" role="alert"></p>
  </section>

  <section id="sku" class="panel">
    <h2>SKU look-up</h2>
    <form id="sku-form" class="lookup"><label>SKU <input id="sku-input" required maxlength="200"></label><button type="submit">Look up</button></form>
    <div id="sku-result"></div>
  </section>

  <section id="order" class="panel">
    <h2>Order look-up</h2>
    <form id="order-form" class="lookup"><label>Order number <input id="order-input" required maxlength="200"></label><button type="submit">Look up</button></form>
    <div id="order-result"></div>
  </section>
</main>

<dialog id="ack-dialog">
  <form id="ack-form">
    <h2>Acknowledge <span id="ack-subject"></span></h2>
    <p class="meta">Use your user id, not your name: acknowledgements are published on Kafka.</p>
    <label>Who (user id) <input id="ack-by" required maxlength="100" autocomplete="off"></label>
    <label>Why <textarea id="ack-reason" required maxlength="500" rows="3"></textarea></label>
    <p id="ack-error" class="error" role="alert"></p>
    <div class="actions"><button id="ack-cancel" type="button">Cancel</button><button id="ack-submit" type="submit">Acknowledge</button></div>
  </form>
</dialog>
</body>
</html>
`;
}
