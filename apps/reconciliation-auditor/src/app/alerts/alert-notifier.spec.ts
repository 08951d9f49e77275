import { resolveException } from '@wair-sfcc/audit-rules';
import { createLogger, createMetricsRegistry } from '@wair-sfcc/observability';
import { createLogCapture } from '@wair-sfcc/observability/testing';
import { createManualClock } from '../testing/manual-clock';
import type { WebhookTarget } from './alert-config';
import { createAlertNotifier } from './alert-notifier';
import { alertConfig, openedMismatch } from './alert-test-data';
import type { WebhookDelivery } from './webhook-sender';

const SECRET_URL = 'https://hooks.example.test/services/T000/B000/s3cr3t-token';

function setup(env: Record<string, string> = {}, outcome: Partial<WebhookDelivery> = {}) {
  const clock = createManualClock(1_000_000);
  const registry = createMetricsRegistry({ app: 'test', collectDefaults: false });
  const logs = createLogCapture();
  const logger = createLogger({ app: 'test', level: 'info', destination: logs.destination });
  const posts: Array<{ target: WebhookTarget; body: Record<string, unknown> }> = [];
  const notifier = createAlertNotifier({
    config: alertConfig({
      ALERT_WEBHOOKS_SECRET: `slack=${SECRET_URL},generic=http://127.0.0.1:1/hook`,
      ALERT_GROUP_WAIT_MS: '10000',
      ALERT_REPEAT_INTERVAL_MS: '60000',
      ...env,
    }),
    logger,
    registry,
    clock,
    tickMs: 1_000,
    send: async (target, body) => {
      posts.push({ target, body: body as Record<string, unknown> });
      return { ok: true, attempts: 1, status: 200, ...outcome };
    },
  });
  const metric = async (name: string) => (await registry.getSingleMetric(name)?.get())?.values ?? [];
  return { clock, notifier, posts, logs, metric };
}

const generic = (posts: Array<{ target: WebhookTarget; body: Record<string, unknown> }>) =>
  posts.filter((p) => p.target.format === 'generic').map((p) => p.body);

describe('alert notifier', () => {
  it('sends a storm of identical exceptions as one message per webhook with the count', async () => {
    const { clock, notifier, posts, metric } = setup();
    notifier.start();
    for (let i = 0; i < 1000; i += 1) notifier.onExceptionChanges([openedMismatch(`SKU-${i}`, clock.now())]);
    await clock.advance(9_000);
    expect(posts).toHaveLength(0);
    await clock.advance(2_000);
    await notifier.flush();
    expect(posts.map((p) => p.target.format).sort()).toEqual(['generic', 'slack']);
    expect(generic(posts)[0]).toMatchObject({ key: 'SKU_MISMATCH:HIGH', count: 1000, owner: 'MERCH' });
    expect(String((posts.find((p) => p.target.format === 'slack')?.body ?? {})['text'])).toContain('×1000');
    expect(await metric('alerts_sent_total')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { format: 'slack' }, value: 1 }),
        expect.objectContaining({ labels: { format: 'generic' }, value: 1 }),
      ]),
    );
    expect(await metric('alerts_suppressed_total')).toEqual([
      expect.objectContaining({ labels: { reason: 'duplicate' }, value: 999 }),
    ]);
    await notifier.stop();
  });

  it('sends the same kind again only after the repeat interval, as one message', async () => {
    const { clock, notifier, posts } = setup();
    notifier.start();
    notifier.onExceptionChanges([openedMismatch('A', clock.now())]);
    await clock.advance(11_000);
    notifier.onExceptionChanges([openedMismatch('B', clock.now()), openedMismatch('C', clock.now())]);
    await clock.advance(30_000);
    expect(generic(posts)).toHaveLength(1);
    await clock.advance(30_000);
    await notifier.flush();
    expect(generic(posts).map((b) => [b['count'], b['subjects']])).toEqual([
      [1, ['A']],
      [2, ['B', 'C']],
    ]);
    await notifier.stop();
  });

  it('ignores resolutions, SEEN updates and severities below the minimum', async () => {
    const { clock, notifier, posts } = setup({ ALERT_GROUP_WAIT_MS: '0' });
    const opened = openedMismatch('A', clock.now());
    const resolved = resolveException(opened.exception, clock.now());
    if (!resolved) throw new Error('expected a resolution');
    notifier.onExceptionChanges([
      resolved,
      { kind: 'SEEN', exception: opened.exception, previous: opened.exception },
      openedMismatch('LOWSKU', clock.now(), 'MEDIUM'),
    ]);
    await notifier.flush();
    expect(posts).toHaveLength(0);
    notifier.onExceptionChanges([opened]);
    await notifier.flush();
    expect(generic(posts)).toEqual([expect.objectContaining({ subjects: ['A'] })]);
  });

  it('folds groups beyond the rate limit into one overflow message', async () => {
    const { clock, notifier, posts, metric } = setup({ ALERT_MAX_PER_WINDOW: '2' });
    for (const key of ['g1/a', 'g1/b', 'g1/c'])
      notifier.onBreach({ kind: 'CONSUMER_LAG', key, value: 50_000, threshold: 10_000 });
    await clock.advance(10_000);
    await notifier.flush();
    expect(generic(posts).map((b) => [b['key'], b['count']])).toEqual([
      ['BREACH:CONSUMER_LAG:g1/a', 1],
      ['ALERTS:OVERFLOW', 2],
    ]);
    expect(await metric('alerts_suppressed_total')).toEqual([
      expect.objectContaining({ labels: { reason: 'rate_limited' }, value: 1 }),
    ]);
  });

  it('holds groups back while the window budget is spent', async () => {
    const { clock, notifier, posts } = setup({ ALERT_GROUP_WAIT_MS: '0', ALERT_MAX_PER_WINDOW: '2' });
    for (const key of ['a', 'b', 'c', 'd'])
      notifier.onBreach({ kind: 'CONSUMER_LAG', key, value: 50_000, threshold: 10_000 });
    await notifier.flush();
    expect(generic(posts).map((b) => b['key'])).toEqual(['BREACH:CONSUMER_LAG:a', 'BREACH:CONSUMER_LAG:b']);
    await clock.advance(600_000);
    await notifier.flush();
    expect(
      generic(posts)
        .slice(2)
        .map((b) => b['key']),
    ).toEqual(['BREACH:CONSUMER_LAG:c', 'BREACH:CONSUMER_LAG:d']);
  });

  it('describes breaches with value, threshold and unit', async () => {
    const { notifier, posts } = setup({ ALERT_GROUP_WAIT_MS: '0' });
    notifier.onBreach({ kind: 'SYNC_DELAY', key: 'SKU-1', value: 400_000, threshold: 300_000 });
    await notifier.flush();
    expect(generic(posts)[0]).toMatchObject({
      key: 'BREACH:SYNC_DELAY:SKU-1',
      severity: 'HIGH',
      owner: 'PLATFORM',
      text: 'SYNC_DELAY of SKU-1 is 400000 ms (threshold 300000 ms)',
    });
  });

  it('counts failed deliveries and never logs the webhook URL or its token', async () => {
    const { notifier, logs, metric } = setup(
      { ALERT_GROUP_WAIT_MS: '0' },
      { ok: false, attempts: 3, status: 503, error: 'webhook answered 503' },
    );
    notifier.onExceptionChanges([openedMismatch('A', 1)]);
    await notifier.flush();
    expect(await metric('alerts_failed_total')).toEqual(
      expect.arrayContaining([expect.objectContaining({ labels: { format: 'slack' }, value: 1 })]),
    );
    const text = JSON.stringify(logs.entries());
    expect(text).toContain('alert not delivered');
    expect(text).toContain('slack#1@hooks.example.test');
    expect(text).not.toContain('s3cr3t-token');
    expect(text).not.toContain('/services/');
  });

  it('masks e-mail addresses before sending', async () => {
    const { notifier, posts } = setup({ ALERT_GROUP_WAIT_MS: '0' });
    const change = openedMismatch('A', 1);
    change.exception.detail = 'reported by jane.doe@example.com';
    notifier.onExceptionChanges([change]);
    await notifier.flush();
    expect(JSON.stringify(posts)).not.toContain('jane.doe');
    expect(generic(posts)[0]?.['text']).toBe('reported by [email]');
  });

  it('never throws into the caller, even when the poster does', async () => {
    const logs = createLogCapture();
    const notifier = createAlertNotifier({
      config: alertConfig({
        ALERT_WEBHOOKS_SECRET: 'generic=http://127.0.0.1:1/x',
        ALERT_GROUP_WAIT_MS: '0',
      }),
      logger: createLogger({ app: 'test', level: 'info', destination: logs.destination }),
      send: () => Promise.reject(new Error('boom')),
    });
    expect(() => notifier.onExceptionChanges([openedMismatch('A', Date.now())])).not.toThrow();
    expect(() => notifier.onExceptionChanges([{} as never])).not.toThrow();
    await expect(notifier.flush()).resolves.toBeUndefined();
    expect(JSON.stringify(logs.entries())).toContain('alert delivery crashed');
  });
});
