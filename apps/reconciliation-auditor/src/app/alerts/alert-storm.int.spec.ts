import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, createMetricsRegistry } from '@wair-sfcc/observability';
import { createManualClock } from '../testing/manual-clock';
import { createAlertNotifier } from './alert-notifier';
import { alertConfig, openedMismatch } from './alert-test-data';

interface Received {
  path: string;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });

// A real webhook receiver on a free port; the notifier posts to it over HTTP. The clock is manual
// so the grouping windows are exact, not slept through.
describe('alert storm against a real webhook receiver', () => {
  let server: Server;
  let base: string;
  const received: Received[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      void readBody(req).then((text) => {
        received.push({
          path: req.url ?? '',
          contentType: req.headers['content-type'],
          body: JSON.parse(text) as Record<string, unknown>,
        });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends one message with the count for 1,000 identical exceptions, then one for a new one after the window', async () => {
    const clock = createManualClock(1_800_000_000_000);
    const registry = createMetricsRegistry({ app: 'alert-storm', collectDefaults: false });
    const notifier = createAlertNotifier({
      config: alertConfig({
        ALERT_WEBHOOKS_SECRET: `slack=${base}/slack/T1/B1/token,generic=${base}/generic`,
        ALERT_GROUP_WAIT_MS: '30000',
        ALERT_REPEAT_INTERVAL_MS: '900000',
      }),
      logger: createLogger({ app: 'alert-storm', level: 'silent' }),
      registry,
      clock,
    });
    notifier.start();

    for (let i = 0; i < 1000; i += 1) {
      notifier.onExceptionChanges([openedMismatch(`STORM-${String(i).padStart(4, '0')}`, clock.now())]);
    }
    await clock.advance(31_000);
    await notifier.flush();
    // Nothing more of the storm is owed: further ticks send nothing.
    await clock.advance(60_000);
    await notifier.flush();

    const generic = () => received.filter((r) => r.path === '/generic');
    const slack = () => received.filter((r) => r.path.startsWith('/slack/'));
    expect(generic()).toHaveLength(1);
    expect(slack()).toHaveLength(1);
    expect(generic()[0]?.contentType).toBe('application/json');
    expect(generic()[0]?.body).toMatchObject({
      source: 'reconciliation-auditor',
      key: 'SKU_MISMATCH:HIGH',
      count: 1000,
      severity: 'HIGH',
      owner: 'MERCH',
    });
    expect((generic()[0]?.body['subjects'] as string[]).length).toBeLessThanOrEqual(5);
    expect(String(slack()[0]?.body['text'])).toContain('×1000');

    // After the repeat window a new exception of the same kind is a message of its own.
    await clock.advance(900_000);
    notifier.onExceptionChanges([openedMismatch('LATE-1', clock.now())]);
    await clock.advance(31_000);
    await notifier.flush();
    expect(generic().map((r) => [r.body['count'], r.body['subjects']])).toEqual([
      [1000, expect.any(Array)],
      [1, ['LATE-1']],
    ]);
    expect(slack()).toHaveLength(2);

    const sent = (await registry.getSingleMetric('alerts_sent_total')?.get())?.values ?? [];
    expect(sent.reduce((s, v) => s + v.value, 0)).toBe(4);
    await notifier.stop();
  });
});
