// Every metric the alerts and the dashboard query is one the apps export or are adding (a known
// list); nothing is queried by a name nobody exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '../config-reference/config-docs';
import { KNOWN_METRICS, metricFamily, metricNamesIn } from './monitoring-metrics';
import { alertExpressions, dashboardExpressions } from './monitoring-queries';

describe('metricNamesIn', () => {
  it('finds the metrics of an expression and skips functions, keywords, labels and ranges', () => {
    expect(
      metricNamesIn(
        'sum by (app) (rate(sfcc_http_responses_total{status=~"429|503"}[5m])) / on (app) group_left max(up{job="x"}) > 0.1',
      ),
    ).toEqual(['sfcc_http_responses_total', 'up']);
  });

  it('maps histogram series onto their family', () => {
    expect(metricFamily('dispatch_confirmation_delay_seconds_bucket')).toBe(
      'dispatch_confirmation_delay_seconds',
    );
    expect(metricFamily('kafka_consumergroup_lag_sum')).toBe('kafka_consumergroup_lag_sum');
  });
});

describe('metrics used by alerts and dashboard', () => {
  const used = [...alertExpressions(), ...dashboardExpressions()].flatMap((q) =>
    metricNamesIn(q.expr).map((name) => ({ where: q.where, name })),
  );

  it('finds queries in both the alerts and the dashboard', () => {
    expect(alertExpressions().length).toBeGreaterThanOrEqual(7);
    expect(dashboardExpressions().length).toBeGreaterThanOrEqual(10);
  });

  it('uses only known metric names', () => {
    expect(used.filter((u) => !KNOWN_METRICS.has(metricFamily(u.name)))).toEqual([]);
  });

  it('gives every dashboard panel a description and at least one query', () => {
    const dashboard = JSON.parse(
      readFileSync(join(WORKSPACE_ROOT, 'infra/grafana/integration.json'), 'utf8'),
    ) as {
      panels: { type: string; title: string; description?: string; targets?: unknown[] }[];
    };
    const bad = dashboard.panels
      .filter((p) => p.type !== 'row')
      .filter((p) => !p.description || (p.targets ?? []).length === 0)
      .map((p) => p.title);
    expect(bad).toEqual([]);
  });

  it('uses every known metric somewhere, so the list is exactly what on-call looks at', () => {
    const all = new Set(used.map((u) => metricFamily(u.name)));
    expect([...KNOWN_METRICS].filter((name) => !all.has(name))).toEqual([]);
  });
});
