/** The dashboard's stylesheet, served as `assets/dashboard.css` (kept in code so the app bundle carries it). */
export const DASHBOARD_CSS = `
:root { --ok: #1b7f3b; --warn: #b26a00; --bad: #b3261e; --muted: #5f6368; --line: #dadce0; --bg: #f6f7f9; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: #202124; }
.topbar { display: flex; align-items: center; gap: 1rem; padding: .6rem 1rem; background: #202124; color: #fff; }
.topbar h1 { font-size: 1.1rem; margin: 0; flex: 1; }
.live { font-size: .85rem; color: #c8e6c9; }
.live.stale { color: #ffcc80; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 1rem; padding: 1rem; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; min-width: 0; }
#flows, #exceptions { grid-column: 1 / -1; }
.login { max-width: 420px; margin: 3rem auto; }
h2 { font-size: 1.05rem; margin: 0 0 .6rem; }
h3 { font-size: .95rem; margin: .8rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: .85rem; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: var(--muted); font-size: .85rem; margin: .2rem 0; }
.error { color: var(--bad); margin: .3rem 0; }
.error:empty { display: none; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: .8rem; }
.flow { border: 1px solid var(--line); border-left: 6px solid var(--ok); border-radius: 4px; padding: .5rem .7rem; }
.flow h3 { margin: 0 0 .3rem; }
.flow.status-degraded { border-left-color: var(--warn); }
.flow.status-failing { border-left-color: var(--bad); }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .75rem; font-weight: 600; color: #fff; background: var(--muted); }
.badge.ok { background: var(--ok); } .badge.degraded, .badge.MEDIUM { background: var(--warn); }
.badge.failing, .badge.HIGH, .badge.CRITICAL { background: var(--bad); } .badge.LOW { background: var(--muted); }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; }
dl.kv dt { color: var(--muted); } dl.kv dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.filters, .lookup { display: flex; flex-wrap: wrap; gap: .6rem; align-items: end; margin: .4rem 0; }
label { display: inline-flex; flex-direction: column; font-size: .8rem; color: var(--muted); gap: .15rem; }
input, select, textarea, button { font: inherit; }
button { cursor: pointer; padding: .25rem .7rem; border: 1px solid #9aa0a6; border-radius: 4px; background: #fff; }
button.link { border: 0; padding: 0; background: none; color: #1a5fb4; text-decoration: underline; }
.owner-group h3 { border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
.timeline { list-style: none; padding: 0; margin: .4rem 0; border-left: 3px solid var(--line); }
.timeline li { padding: .2rem .8rem; position: relative; }
.timeline li::before { content: ""; position: absolute; left: -7px; top: .55rem; width: 11px; height: 11px; border-radius: 50%; background: #1a5fb4; }
.timeline li.problem::before { background: var(--bad); }
.timeline .kind { font-weight: 600; margin-right: .5rem; }
dialog { border: 1px solid var(--line); border-radius: 6px; min-width: 360px; }
dialog form { display: flex; flex-direction: column; gap: .6rem; }
dialog .actions { display: flex; justify-content: end; gap: .5rem; }
`;
