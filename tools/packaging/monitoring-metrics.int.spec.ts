// Starts the four apps against the real stack and checks that every metric the alerts and the
// dashboard query is one the apps really serve on /metrics, except the explicit pending list below.
import { spawnService, type SpawnedService } from '@wair-sfcc/testing';
import { uniqueName, waitFor } from '@wair-sfcc/kafka/testing';
import { deployableApps } from './deployable-apps';
import { metricFamily, metricNamesIn, PROMETHEUS_METRICS } from './monitoring-metrics';
import { alertExpressions, dashboardExpressions } from './monitoring-queries';

// Metrics the writer, bridge and auditor are being built to export (names agreed in issue 8). The
// lead removes a name here when its app lands; the last test fails when a listed name is already
// served, so the list cannot go stale.
const PENDING: readonly string[] = [];

// Every deployable app (simulators excluded), on fixed ops ports 19401, 19402, ...
const APPS = deployableApps().map((a) => a.app);
const OPS_PORT_BASE = 19401;

/** Metric names on a /metrics page: from `# TYPE` lines (labelled series may have no sample yet) and samples. */
function namesOnPage(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) /.exec(line);
    if (type?.[1]) names.add(type[1]);
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]/.exec(line);
    if (sample?.[1]) names.add(metricFamily(sample[1]));
  }
  return names;
}

const used = [
  ...new Set([...alertExpressions(), ...dashboardExpressions()].flatMap((q) => metricNamesIn(q.expr))),
]
  .map(metricFamily)
  .filter((name) => !PROMETHEUS_METRICS.includes(name));

describe('metrics used by alerts and dashboard, against the running apps', () => {
  const services: SpawnedService[] = [];
  const served = new Set<string>();

  beforeAll(async () => {
    APPS.forEach((app, i) => {
      services.push(
        spawnService(
          app,
          { KAFKA_GROUP_ID: uniqueName(`${app}.metrics`), LAG_INTERVAL_MS: '1000', LOG_LEVEL: 'warn' },
          OPS_PORT_BASE + i,
        ),
      );
    });
    await Promise.all(services.map((s) => s.waitUntilReady(60_000)));
    // The lag gauges appear once each app has computed lag for its group at least once.
    const expectedNow = used.filter((name) => !PENDING.includes(name));
    await waitFor(
      `the apps to serve ${expectedNow.join(', ')}`,
      async () => {
        for (const service of services) {
          const page = await (await fetch(`${service.opsUrl}/metrics`)).text();
          namesOnPage(page).forEach((name) => served.add(name));
        }
        return expectedNow.every((name) => served.has(name));
      },
      30_000,
      500,
    ).catch(() => undefined);
  }, 100_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop('SIGTERM')));
  });

  it('queries the skeleton metrics (lag and process) that every app serves', () => {
    expect(used).toEqual(
      expect.arrayContaining(['kafka_consumergroup_lag_sum', 'process_resident_memory_bytes']),
    );
  });

  it('finds every used metric, except the pending ones, on some app /metrics', () => {
    expect(used.filter((name) => !PENDING.includes(name) && !served.has(name))).toEqual([]);
  });

  it('lists as pending only metrics the apps do not serve yet (shrink PENDING when an app lands)', () => {
    expect(PENDING.filter((name) => served.has(name))).toEqual([]);
    expect(PENDING.filter((name) => !used.includes(name))).toEqual([]);
  });
});
