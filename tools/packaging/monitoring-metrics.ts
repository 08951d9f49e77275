// The metric names the alerts and the dashboard may use, and a reader that pulls metric names out
// of PromQL. A name outside this list fails a unit test; the integration test checks that the apps
// really export the names marked as exported.

/** Metrics every app serves today (libs/observability: prom-client defaults + consumer lag). */
export const EXPORTED_METRICS: readonly string[] = [
  'kafka_consumergroup_lag',
  'kafka_consumergroup_lag_sum',
  'process_resident_memory_bytes',
  'process_cpu_seconds_total',
  'nodejs_eventloop_lag_p99_seconds',
];

/**
 * Metrics the writer, the bridge and the auditor are adding (issue texts and DESIGN §4-6). The
 * integration test keeps its own pending list of these until the apps export them.
 */
export const APP_METRICS: Readonly<Record<string, string>> = {
  inventory_queue_oldest_pending_seconds: 'sfcc-inventory-writer: gauge{priority}',
  inventory_queue_depth: 'sfcc-inventory-writer: gauge{priority}',
  inventory_change_to_write_seconds: 'sfcc-inventory-writer: histogram{priority}',
  inventory_sync_sla_breaches_total: 'sfcc-inventory-writer: counter{priority}',
  sfcc_http_responses_total: 'writer, bridge, auditor: counter{status}',
  integration_exceptions_open: 'reconciliation-auditor: gauge{type,severity,owner}',
  kafka_dlq_records_total: 'every consuming app: counter{topic}',
  dispatch_confirmation_delay_seconds: 'order-dispatch-bridge: histogram',
  wair_ingest_poll_malformed_given_up_total: 'wair-ingest: counter{feed}',
};

/** Series Prometheus makes itself rather than scraping them. */
export const PROMETHEUS_METRICS: readonly string[] = ['up'];

/** Every metric name the rules and the dashboard may use. */
export const KNOWN_METRICS: ReadonlySet<string> = new Set([
  ...EXPORTED_METRICS,
  ...Object.keys(APP_METRICS),
  ...PROMETHEUS_METRICS,
]);

const PROMQL_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/** The metric family of a series name: histogram and summary series map to their base name. */
export function metricFamily(name: string): string {
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return KNOWN_METRICS.has(name) || !KNOWN_METRICS.has(base) ? name : base;
}

/** Metric names a PromQL expression selects (functions, keywords, labels and strings removed). */
export function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*(\s*\()?/g)) {
    const [token, call] = [match[0].replace(/\s*\($/, ''), match[1]];
    if (call || PROMQL_WORDS.has(token.toLowerCase())) continue;
    names.add(token);
  }
  return [...names].sort();
}
