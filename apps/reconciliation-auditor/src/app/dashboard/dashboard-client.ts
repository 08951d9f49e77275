/**
 * The dashboard's browser script, served as `assets/dashboard.js`: vanilla JS with no build step,
 * kept as a string so the esbuild bundle of the app carries it. It only reads the JSON API, renders
 * with textContent (never innerHTML, so no exception detail can inject markup) and polls while the
 * tab is visible. The source must stay free of backticks and dollar-brace sequences.
 */
export const DASHBOARD_CLIENT_JS = String.raw`(function () {
  'use strict';
  var body = document.body;
  var API = body.getAttribute('data-api-base') || '/api';
  var AUTH = body.getAttribute('data-auth') || 'token';
  var POLL_MS = Number(body.getAttribute('data-poll-ms')) || 5000;
  var TOKEN_KEY = 'wair-auditor.api-token';
  var OWNERS = ['OPS', 'CX', 'MERCH', 'PLATFORM'];
  var FLOW_NAMES = {
    stockToStorefront: 'Stock to storefront',
    ordersToWair: 'Orders to WAIR',
    dispatchToSfcc: 'Dispatch to SFCC',
    catalog: 'SFCC catalog'
  };
  var timer = null;
  var running = false;
  // Bumped on every start/stop so a poll loop from before a log-out never continues after it.
  var generation = 0;
  // Only the latest exceptions request may render: a poll started before a filter change is dropped.
  var exceptionsSeq = 0;
  var lastRendered = {};
  var ackId = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === undefined || v === null) return;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'class') node.className = v;
      else node.setAttribute(k, String(v));
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function time(ms) {
    if (ms === null || ms === undefined) return '-';
    return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
  }
  function duration(ms) {
    if (ms === null || ms === undefined) return '-';
    if (ms < 1000) return Math.round(ms) + ' ms';
    if (ms < 120000) return Math.round(ms / 1000) + ' s';
    if (ms < 7200000) return Math.round(ms / 60000) + ' min';
    return Math.round(ms / 3600000) + ' h';
  }
  function value(key, v) {
    if (v === null || v === undefined) return '-';
    if (typeof v === 'number' && /At$|Date$|^asOf$|Seen$/.test(key)) return time(v);
    if (typeof v === 'number' && /Ms$/.test(key)) return duration(v);
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  }
  var LABELS = {
    openExceptions: 'Open exceptions',
    lastActivityAt: 'Last activity',
    lastSuccessAt: 'Last success',
    throughputPerMinute: 'Throughput / min',
    delayP50Ms: 'Delay p50',
    delayP99Ms: 'Delay p99',
    errors: 'Errors',
    windowMs: 'Window',
    delaySampled: 'Delays sampled'
  };
  function kv(obj, skip) {
    var dl = el('dl', { class: 'kv' });
    Object.keys(obj || {}).forEach(function (k) {
      if (skip && skip.indexOf(k) >= 0) return;
      dl.appendChild(el('dt', { text: LABELS[k] || k }));
      dl.appendChild(el('dd', { text: value(k, obj[k]) }));
    });
    return dl;
  }
  function table(headers, rows, attrs) {
    var head = el('tr', {}, headers.map(function (h) { return el('th', { text: h }); }));
    return el('table', attrs || {}, [el('thead', {}, [head]), el('tbody', {}, rows)]);
  }
  function td(text, cls) { return el('td', { text: text, class: cls }); }
  function badge(text, cls) { return el('span', { class: 'badge ' + (cls || text), text: text }); }

  function ApiError(status, message) { this.status = status; this.message = message; }
  function token() { return sessionStorage.getItem(TOKEN_KEY); }
  async function call(url, options) {
    options = options || {};
    var headers = { Accept: 'application/json' };
    if (AUTH === 'token' && token()) headers.Authorization = 'Bearer ' + token();
    if (options.json !== undefined) headers['Content-Type'] = 'application/json';
    var res = await fetch(url, {
      method: options.method || 'GET',
      headers: headers,
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
      credentials: 'same-origin',
      cache: 'no-store'
    });
    var type = res.headers.get('content-type') || '';
    var payload = type.indexOf('json') >= 0 ? await res.json() : await res.text();
    if (res.status === 401) unauthorized();
    if (!res.ok) throw new ApiError(res.status, (payload && payload.error) || res.statusText);
    return payload;
  }
  function unauthorized() {
    if (AUTH === 'token') {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin('Your token was refused or has expired: log in again.');
    } else {
      setLive('not authorised: reload the page to sign in', true);
    }
  }
  function setLive(text, stale) {
    var live = $('live');
    live.textContent = text;
    live.className = stale ? 'live stale' : 'live';
  }
  function fail(id, err) { $(id).textContent = err instanceof ApiError ? err.message + ' (HTTP ' + err.status + ')' : String(err); }
  function once(key, data) {
    var text = JSON.stringify(data);
    if (lastRendered[key] === text) return false;
    lastRendered[key] = text;
    return true;
  }

  function renderFlows(h) {
    var cards = clear($('flow-cards'));
    Object.keys(h.flows).forEach(function (key) {
      var f = h.flows[key];
      var extra = {};
      Object.keys(f).forEach(function (k) {
        if (['status', 'openExceptions', 'lastActivityAt', 'counts'].indexOf(k) < 0) extra[k] = f[k];
      });
      cards.appendChild(el('article', { class: 'flow status-' + f.status, 'data-flow': key }, [
        el('h3', {}, [(FLOW_NAMES[key] || key) + ' ', badge(f.status)]),
        kv(Object.assign({ openExceptions: f.openExceptions, lastActivityAt: f.lastActivityAt }, extra)),
        kv(f.counts)
      ]));
    });
    $('tables-state').textContent = h.tablesCaughtUp ? 'Tables caught up.' : 'Tables still catching up.';
    $('flows-generated').textContent = 'Computed ' + time(h.generatedAt) + '.';
    var tbody = clear($('audits-table').tBodies[0]);
    (h.audits || []).forEach(function (a) {
      var last = a.lastRun;
      tbody.appendChild(el('tr', { 'data-audit': a.type }, [
        td(a.type + (a.running ? ' (running)' : '')),
        td(duration(a.intervalMs)),
        td(last ? time(last.startedAt) + ' (' + duration(last.durationMs) + ')' : 'never'),
        td(last ? String(last.findings) : '-', 'num'),
        td(time(a.nextRunAt)),
        td(a.lastError ? time(a.lastError.at) + ': ' + a.lastError.message : '')
      ]));
    });
    var counts = h.openExceptionsByOwner || {};
    $('owner-counts').textContent = 'Open: ' + OWNERS.map(function (o) { return o + ' ' + (counts[o] || 0); }).join(', ');
  }
  async function loadFlows() {
    try {
      var h = await call(API + '/flows');
      $('flows-error').textContent = '';
      if (once('flows', h)) renderFlows(h);
    } catch (err) { fail('flows-error', err); throw err; }
  }

  async function loadLag() {
    try {
      var data = await call(API + '/lag');
      $('lag-error').textContent = '';
      if (!once('lag', data.groups)) return;
      var tbody = clear($('lag-table').tBodies[0]);
      data.groups.forEach(function (g) {
        var parts = g.partitions.map(function (p) { return p.partition + ': ' + p.lag; }).join(', ');
        tbody.appendChild(el('tr', { 'data-group': g.groupId, 'data-topic': g.topic, class: g.error ? 'problem' : '' }, [
          td(g.groupId), td(g.topic), td(g.error ? '?' : String(g.total), 'num'), td(g.error ? 'not read: ' + g.error : parts)
        ]));
      });
      var empty = $('lag-empty');
      empty.hidden = data.groups.length > 0;
      empty.textContent = 'No consumer groups watched (LAG_WATCH_GROUPS).';
    } catch (err) { fail('lag-error', err); }
  }

  function filterQuery() {
    var q = new URLSearchParams();
    ['owner', 'type', 'severity', 'state'].forEach(function (name) {
      var v = $('filter-' + name).value;
      if (v) q.set(name, v);
    });
    return q;
  }
  function subjectCell(e) {
    if (e.subjectType !== 'SKU' && e.subjectType !== 'ORDER') return td(e.subjectType + ' ' + e.subject);
    var b = el('button', { type: 'button', class: 'link', text: e.subject, title: 'Look up this ' + e.subjectType });
    b.addEventListener('click', function () { e.subjectType === 'SKU' ? lookupSku(e.subject) : lookupOrder(e.subject); });
    return el('td', {}, [b]);
  }
  function exceptionRow(e) {
    var stateText = e.state;
    if (e.state === 'ACKNOWLEDGED') stateText += ' by ' + e.acknowledgedBy + ': ' + e.acknowledgedReason;
    if (e.state === 'RESOLVED') stateText += ' ' + time(e.resolvedAt);
    var action = el('td');
    if (e.state === 'OPEN') {
      var b = el('button', { type: 'button', class: 'ack', text: 'Acknowledge' });
      b.addEventListener('click', function () { openAck(e); });
      action.appendChild(b);
    }
    return el('tr', { 'data-id': e.id, 'data-state': e.state }, [
      el('td', {}, [badge(e.severity)]), td(e.type), subjectCell(e), td(e.detail),
      td(time(e.firstSeen)), td(time(e.lastSeen)), td(String(e.occurrences), 'num'), td(stateText, 'state'), action
    ]);
  }
  function renderExceptions(page) {
    var groups = clear($('exception-groups'));
    OWNERS.forEach(function (owner) {
      var rows = page.exceptions.filter(function (e) { return e.owner === owner; });
      if (!rows.length) return;
      groups.appendChild(el('section', { class: 'owner-group', 'data-owner': owner }, [
        el('h3', { text: owner + ' (' + rows.length + ')' }),
        table(['Severity', 'Type', 'Subject', 'Detail', 'First seen', 'Last seen', 'Seen', 'State', ''], rows.map(exceptionRow))
      ]));
    });
    var shown = page.exceptions.length;
    $('exceptions-total').textContent = page.total === 0 ? 'No exceptions match.' : 'Showing ' + shown + ' of ' + page.total + '.';
  }
  async function loadExceptions() {
    var seq = ++exceptionsSeq;
    try {
      var page = await call(API + '/exceptions?' + filterQuery().toString());
      if (seq !== exceptionsSeq) return;
      $('exceptions-error').textContent = '';
      if (once('exceptions', page)) renderExceptions(page);
    } catch (err) { fail('exceptions-error', err); }
  }

  function openAck(e) {
    ackId = e.id;
    $('ack-subject').textContent = e.id;
    $('ack-reason').value = '';
    $('ack-error').textContent = '';
    $('ack-dialog').showModal();
  }
  async function submitAck(event) {
    event.preventDefault();
    try {
      await call(API + '/exceptions/' + encodeURIComponent(ackId) + '/acknowledge', {
        method: 'POST',
        json: { by: $('ack-by').value.trim(), reason: $('ack-reason').value.trim() }
      });
      $('ack-dialog').close();
      await loadExceptions();
    } catch (err) { fail('ack-error', err); }
  }

  function section(title, content) { return el('div', { class: 'sub' }, [el('h3', { text: title }), content]); }
  function none(text) { return el('p', { class: 'meta', text: text }); }
  function historyTable(exceptions) {
    if (!exceptions.length) return none('No exceptions recorded.');
    return table(['Type', 'Severity', 'State', 'First seen', 'Last seen', 'Resolved', 'Detail'], exceptions.map(function (e) {
      return el('tr', { 'data-id': e.id }, [td(e.type), td(e.severity), td(e.state), td(time(e.firstSeen)), td(time(e.lastSeen)), td(time(e.resolvedAt)), td(e.detail)]);
    }));
  }
  function changesTable(changes) {
    if (!changes.length) return none('No recent changes kept for this SKU.');
    return table(['Time', 'Change', 'Detail'], changes.map(function (c) {
      var wair = c.kind === 'WAIR_FIGURE';
      var detail = wair
        ? c.available + ' available (' + c.locations.map(function (l) { return l.locationCode + ' ' + l.available; }).join(', ') + '), sequence ' + c.sourceSequence + ', ' + c.origin
        : c.inventoryListId + ': allocation ' + c.allocation + ' ' + c.outcome + (c.error ? ' (' + c.error + ')' : '') + ' via ' + c.channel + ', WAIR figure of ' + time(c.sourceAsOf);
      return el('tr', { 'data-kind': c.kind }, [td(time(c.at)), td(wair ? 'WAIR figure' : 'SFCC write', 'kind'), td(detail, 'detail')]);
    }), { id: 'sku-history' });
  }
  function renderSku(v) {
    var out = clear($('sku-result'));
    var sell = v.sellability.sellable ? 'sellable' : 'not sellable: ' + v.sellability.reason + ' (' + v.sellability.detail + ')';
    out.appendChild(el('p', { class: 'summary', 'data-sku': v.sku }, [el('strong', { text: v.sku }), ' - ' + sell]));
    out.appendChild(section('WAIR stock per location', v.stock ? el('div', {}, [
      kv({ asOf: v.stock.asOf, sourceSequence: v.stock.sourceSequence, origin: v.stock.origin, ingestedAt: v.stock.ingestedAt }),
      table(['Location', 'On hand', 'Reserved', 'Available'], v.stock.locations.map(function (l) {
        return el('tr', { 'data-location': l.locationCode }, [td(l.locationCode), td(String(l.onHand), 'num'), td(String(l.reserved), 'num'), td(String(l.available), 'num')]);
      }), { id: 'sku-locations' })
    ]) : none('No WAIR stock figure.')));
    out.appendChild(section('Inventory lists: expected allocation, last write, SFCC record',
      table(['List', 'Expected', 'Last write', 'SFCC record'], v.lists.map(function (l) {
        var x = l.expected;
        var expected = x ? x.allocation + ' = ' + x.available + ' available - ' + x.inFlight + ' in flight - ' + x.buffer + ' buffer' : 'no WAIR figure';
        var w = l.lastWrite;
        var write = w ? w.allocation + ' ' + w.outcome + ' at ' + time(w.writtenAt) + (w.error ? ' (' + w.error + ')' : '') : 'never written';
        var record = l.sfccError ? 'read failed: ' + l.sfccError : l.sfccRecord === undefined ? 'read-back not configured' : l.sfccRecord === null ? 'no record in SFCC' : 'allocation ' + l.sfccRecord.allocation + ', ATS ' + l.sfccRecord.ats + ', modified ' + time(l.sfccRecord.lastModified);
        return el('tr', { 'data-list': l.inventoryListId }, [td(l.inventoryListId + ' (' + l.locations.join(', ') + ')'), td(expected, 'expected'), td(write, 'last-write'), td(record, 'sfcc-record')]);
      }), { id: 'sku-lists' })));
    out.appendChild(section('In-flight orders (not accepted by WAIR yet)', v.inFlightOrders.length ? table(['Order', 'Created', 'Units', 'List'], v.inFlightOrders.map(function (o) {
      var b = el('button', { type: 'button', class: 'link', text: o.orderNo });
      b.addEventListener('click', function () { lookupOrder(o.orderNo); });
      return el('tr', {}, [el('td', {}, [b]), td(time(o.createdAt)), td(String(o.units), 'num'), td(o.inventoryListId)]);
    }), { id: 'sku-orders' }) : none('None.')));
    out.appendChild(section('WAIR SKU', v.wairSku ? kv(v.wairSku) : none('Not in the WAIR SKU master.')));
    out.appendChild(section('SFCC catalog', v.sfccProduct ? kv(v.sfccProduct) : none('Not in the SFCC catalog.')));
    out.appendChild(section('History (WAIR figures and SFCC writes, newest first)', changesTable(v.history || [])));
    out.appendChild(section('History (exceptions)', historyTable(v.exceptions)));
  }
  function renderOrder(v) {
    var out = clear($('order-result'));
    var o = v.order;
    out.appendChild(el('p', { class: 'summary', 'data-order': v.orderNo }, [el('strong', { text: v.orderNo }), o ? ' - ' + o.state + ', ' + o.lines.length + ' line(s)' : ' - not captured from SFCC']));
    var steps = v.events.map(function (e) {
      var problem = /FAILED|REJECTED|PENDING/.test(e.kind);
      return el('li', { class: problem ? 'problem' : '', 'data-kind': e.kind }, [el('span', { class: 'kind', text: e.kind }), time(e.at) + ' - ' + e.detail]);
    });
    out.appendChild(section('Timeline', steps.length ? el('ol', { class: 'timeline', id: 'order-timeline' }, steps) : none('No events.')));
    out.appendChild(section('History (exceptions)', historyTable(v.exceptions)));
  }
  async function lookup(path, resultId, render) {
    var out = clear($(resultId));
    out.appendChild(none('Loading...'));
    try { render(await call(API + path)); } catch (err) {
      clear(out).appendChild(el('p', { class: 'error', role: 'alert', text: err instanceof ApiError ? err.message : String(err) }));
    }
  }
  function lookupSku(sku) {
    $('sku-input').value = sku;
    $('sku').scrollIntoView();
    return lookup('/sku/' + encodeURIComponent(sku), 'sku-result', renderSku);
  }
  function lookupOrder(no) {
    $('order-input').value = no;
    $('order').scrollIntoView();
    return lookup('/order/' + encodeURIComponent(no), 'order-result', renderOrder);
  }

  async function downloadCsv(event) {
    event.preventDefault();
    try {
      var q = filterQuery();
      var text = await call(API + '/reports/exceptions.csv?' + q.toString());
      var url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      var a = el('a', { href: url, download: 'exceptions.csv' });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    } catch (err) { fail('exceptions-error', err); }
  }

  async function refresh() {
    var results = await Promise.allSettled([loadFlows(), loadLag(), loadExceptions()]);
    if (results[0].status === 'fulfilled') {
      setLive('live, updated ' + new Date().toLocaleTimeString(), false);
      body.setAttribute('data-refreshed', String(Date.now()));
    } else setLive('stale: the API did not answer', true);
  }
  async function tick(gen) {
    timer = null;
    if (gen !== generation) return;
    if (!document.hidden) await refresh();
    if (gen === generation) timer = setTimeout(function () { void tick(gen); }, POLL_MS);
  }
  function start() {
    running = true;
    generation += 1;
    lastRendered = {};
    $('login').hidden = true;
    $('app').hidden = false;
    $('logout').hidden = AUTH !== 'token';
    if (timer) clearTimeout(timer);
    void tick(generation);
  }
  function stop() {
    running = false;
    generation += 1;
    if (timer) clearTimeout(timer);
    timer = null;
  }
  function showLogin(message) {
    stop();
    $('app').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    setLive('not connected', true);
  }
  async function login(event) {
    event.preventDefault();
    var input = $('login-token');
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    try {
      await call(API + '/flows');
      input.value = '';
      start();
    } catch (err) {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin(err instanceof ApiError && err.status === 401 ? 'Token refused.' : 'Log-in failed: ' + (err.message || err));
    }
  }

  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', function () { sessionStorage.removeItem(TOKEN_KEY); showLogin('Logged out.'); });
  $('exception-filters').addEventListener('change', function () { void loadExceptions(); });
  $('exceptions-csv').addEventListener('click', downloadCsv);
  $('ack-form').addEventListener('submit', submitAck);
  $('ack-cancel').addEventListener('click', function () { $('ack-dialog').close(); });
  $('sku-form').addEventListener('submit', function (e) { e.preventDefault(); void lookupSku($('sku-input').value.trim()); });
  $('order-form').addEventListener('submit', function (e) { e.preventDefault(); void lookupOrder($('order-input').value.trim()); });
  document.addEventListener('visibilitychange', function () { if (!document.hidden && running) start(); });

  if (AUTH === 'token' && !token()) showLogin('');
  else start();
})();
`;
