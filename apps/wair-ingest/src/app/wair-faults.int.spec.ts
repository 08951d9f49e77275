import { createHmac } from 'node:crypto';
import type { StockLevel } from '@wair-sfcc/contracts';
import { createIntegrationRuntime, waitFor } from '@wair-sfcc/kafka/testing';
import type { KafkaRuntime, TableReader } from '@wair-sfcc/kafka';
import { createLogger } from '@wair-sfcc/observability';
import { createLogCapture } from '@wair-sfcc/observability/testing';
import {
  SIM_SECRET,
  createIngestTopics,
  ingestEnvFor,
  spawnSimulator,
  waitForChanges,
  type SimProcess,
  type SimTruth,
  figuresOf,
} from '../testing/ingest-test-env';
import { loadConfig } from './config';
import { createApp } from './create-app';

describe('wair-ingest against a faulty WAIR and bad webhooks', () => {
  let runtime: KafkaRuntime;
  let sim: SimProcess;
  let app: ReturnType<typeof createApp>;
  let topics: Record<string, string>;
  let observer: TableReader<StockLevel>;
  const logs = createLogCapture();

  const recordsOn = async (topic: string): Promise<number> =>
    (await runtime.admin.fetchTopicEndOffsets(topic)).reduce((n, p) => n + Number(p.offset), 0);

  const webhook = (body: string) => {
    const ts = String(Math.floor(Date.now() / 1000));
    return fetch(`${app.url()}/webhooks/wair`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Wair-Timestamp': ts,
        'X-Wair-Signature': `sha256=${createHmac('sha256', SIM_SECRET).update(`${ts}.${body}`).digest('hex')}`,
      },
      body,
    });
  };

  beforeAll(async () => {
    runtime = createIntegrationRuntime('wair-ingest-faults');
    topics = await createIngestTopics(runtime, 'wair-ingest.faults');
    sim = await spawnSimulator({
      SKU_COUNT: '30',
      CHANGES_PER_SECOND: '0',
      SEED: 'faults',
      TOKEN_TTL_SECONDS: '2',
    });
    const logger = createLogger({ app: 'wair-ingest', level: 'warn', destination: logs.destination });
    app = createApp({
      config: loadConfig({
        ...process.env,
        ...topics,
        ...ingestEnvFor(sim),
        OPS_PORT: '0',
        POLL_INTERVAL_MS: '300',
        POLL_PAGE_SIZE: '40',
        SNAPSHOT_INTERVAL_MS: '0',
        WAIR_MAX_RETRIES: '10',
      }),
      logger,
      kafka: createIntegrationRuntime('wair-ingest'),
    });
    await app.start();
    observer = runtime.tableReader<StockLevel>({ topic: topics['STOCK_TOPIC'] as string });
    await observer.start();
  });

  afterAll(async () => {
    await observer?.stop();
    await app?.stop();
    await sim?.stop();
    await runtime?.admin.disconnect();
  });

  it('polls through 429s, 5xx, dropped connections and expiring tokens without a failed round', async () => {
    await sim.put('/__sim/faults', {
      rate429: 0.1,
      retryAfterSeconds: 1,
      error503Rate: 0.1,
      error500Rate: 0.05,
      dropRate: 0.05,
    });
    await sim.put('/__sim/stream', { changesPerSecond: 60, dispatchEvery: 0 });
    await waitForChanges(sim, 120);
    // Tokens live 2 s and are renewed ahead of expiry, so whether a call meets an expired one is
    // timing: expire them until WAIR has really refused one (and the client had to re-authenticate).
    await waitFor(
      'a call refused with 401 after the tokens were expired',
      async () => {
        await sim.post('/__sim/tokens/expire');
        const c = await sim.get<{ requests: Record<string, number> }>('/__sim/counters');
        return (c.requests['401'] ?? 0) > 0;
      },
      40_000,
      200,
    );
    await waitForChanges(sim, 240);
    // Faults are drawn at random: keep the stream going until every kind has really happened.
    await waitFor(
      'every kind of fault to have been injected',
      async () => {
        const c = await sim.get<{ faults: Record<string, number> }>('/__sim/counters');
        return ['rate429', 'error503', 'dropped'].every((kind) => (c.faults[kind] ?? 0) > 0);
      },
      40_000,
      250,
    );
    await sim.put('/__sim/stream', { changesPerSecond: 0 });

    // The truth is read on every check: a change that raced the stream's stop still counts.
    let differing: string[] = [];
    await waitFor(
      'every SKU to equal the simulator',
      async () => {
        differing = (await sim.get<SimTruth[]>('/__sim/stock'))
          .filter((t) => figuresOf(observer.get(t.skuCode)?.locations ?? []) !== figuresOf(t.locations))
          .map(
            (t) =>
              `${t.skuCode}: WAIR ${figuresOf(t.locations)} | topic ${figuresOf(observer.get(t.skuCode)?.locations ?? [])}`,
          );
        return differing.length === 0;
      },
      60_000,
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; differing: ${differing.join('; ')}`);
    });
    const counters = await sim.get<{ requests: Record<string, number>; faults: Record<string, number> }>(
      '/__sim/counters',
    );
    expect(counters.faults['rate429']).toBeGreaterThan(0);
    expect(counters.faults['error503']).toBeGreaterThan(0);
    expect(counters.faults['dropped']).toBeGreaterThan(0);
    expect(counters.requests['401']).toBeGreaterThan(0);
    expect(counters.requests['POST /Token']).toBeGreaterThan(2);
    expect(logs.entries().filter((e) => e['msg'] === 'poll round failed; retrying next round')).toEqual([]);
  });

  it('parks malformed polled records on the DLQ and keeps going', async () => {
    await sim.put('/__sim/faults', {
      rate429: 0,
      error503Rate: 0,
      error500Rate: 0,
      dropRate: 0,
      malformedRate: 0.3,
    });
    const dlq = `${topics['STOCK_TOPIC']}.dlq`;
    const before = await recordsOn(dlq);
    await sim.put('/__sim/stream', { changesPerSecond: 60 });
    await waitFor(
      'malformed polled records on the DLQ',
      async () => (await recordsOn(dlq)) > before + 3,
      20_000,
      300,
    );
    await sim.put('/__sim/stream', { changesPerSecond: 0 });
    await sim.put('/__sim/faults', { malformedRate: 0 });
  });

  it('answers bad webhooks as documented, parks them, and keeps serving', async () => {
    const dlq = `${topics['STOCK_TOPIC']}.dlq`;
    const parkedBefore = await recordsOn(dlq);
    const good = {
      skuCode: 'ST10000-BLK-M',
      locationCode: 'WEB01',
      onHand: 3,
      reserved: 0,
      available: 3,
      modifiedDateTime: new Date().toISOString(),
      sequence: 1_000_000,
    };
    const negative = await webhook(
      JSON.stringify({ id: 'e1', type: 'stock.changed', data: { ...good, onHand: -1 } }),
    );
    expect(negative.status).toBe(400);
    expect(await negative.json()).toMatchObject({ field: 'data.onHand', parkedOnDlq: true });
    const unknownLocation = await webhook(
      JSON.stringify({ id: 'e2', type: 'stock.changed', data: { ...good, locationCode: 'ZZ99' } }),
    );
    expect(await unknownLocation.json()).toMatchObject({ field: 'data.locationCode' });
    expect((await webhook('{"type":')).status).toBe(400);
    const stale = await fetch(`${app.url()}/webhooks/wair`, {
      method: 'POST',
      headers: { 'X-Wair-Timestamp': '1000', 'X-Wair-Signature': 'sha256=00' },
      body: '{}',
    });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ error: 'stale_timestamp' });
    const huge = await webhook(
      JSON.stringify({ type: 'stock.changed', data: good, pad: 'x'.repeat(300_000) }),
    );
    expect(huge.status).toBe(413);
    await waitFor('three parked webhooks', async () => (await recordsOn(dlq)) >= parkedBefore + 3);

    const exceptionsBefore = await recordsOn(topics['EXCEPTIONS_TOPIC'] as string);
    const lower = await webhook(
      JSON.stringify({ id: 'e3', type: 'stock.changed', data: { ...good, skuCode: 'st10000-blk-m' } }),
    );
    expect(await lower.json()).toEqual({
      outcome: 'SKU_MISMATCH',
      message: expect.stringContaining('upper case'),
    });
    await waitFor(
      'a SKU_MISMATCH exception',
      async () => (await recordsOn(topics['EXCEPTIONS_TOPIC'] as string)) > exceptionsBefore,
    );

    const ok = await webhook(JSON.stringify({ id: 'e4', type: 'stock.changed', data: good }));
    expect(await ok.json()).toEqual({ outcome: 'PRODUCED' });
    await waitFor(
      'the good record on the topic',
      () =>
        observer.get('ST10000-BLK-M')?.locations.find((l) => l.locationCode === 'WEB01')?.sequence ===
        1_000_000,
    );
  });
});
