import { findTopic, type IntegrationException, type OrderFact, type TopicSpec } from '@wair-sfcc/contracts';
import { buildOrderFact } from '@wair-sfcc/audit-rules/testing';
import type { KafkaRuntime, TableReader, TypedProducer } from '@wair-sfcc/kafka';
import {
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
} from '@wair-sfcc/kafka/testing';
import { createLogger } from '@wair-sfcc/observability';
import { loadConfig } from './config';
import { createApp, type AuditorService } from './create-app';
import { TABLE_TOPICS, type TableName } from './state/auditor-tables';

describe('auditor audits against the real broker and registry', () => {
  let runtime: KafkaRuntime;
  let producer: TypedProducer;
  let exceptions: TableReader<IntegrationException>;
  let app: AuditorService | undefined;
  const topics = {} as Record<TableName, string>;
  const specs: TopicSpec[] = [];

  beforeAll(async () => {
    runtime = createIntegrationRuntime('auditor-int');
    for (const [name, base] of Object.entries(TABLE_TOPICS) as Array<[TableName, string]>) {
      const spec = topicSpecFor(findTopic(base) as TopicSpec, uniqueName(`${base}.auditor-int`));
      await createTestTopic(runtime, spec, false);
      topics[name] = spec.name;
      specs.push(spec);
    }
    producer = runtime.producer({ topics: specs });
    await producer.connect();
    exceptions = runtime.tableReader<IntegrationException>({ topic: topics.exceptions });
    await exceptions.start();
  });

  afterAll(async () => {
    await app?.stop();
    await exceptions?.stop();
    await producer?.disconnect();
    await runtime?.admin.disconnect();
  });

  it('raises ORDER_NOT_ACCEPTED within its schedule and resolves it once WAIR accepts the order', async () => {
    const orderNo = uniqueName('ORD');
    const capturedAt = Date.now() - 1_500;
    const captured: OrderFact = buildOrderFact(orderNo, { createdAt: capturedAt, capturedAt });
    await producer.send(topics.orders, orderNo, captured);

    const config = loadConfig({
      ...process.env,
      OPS_PORT: '0',
      LOG_LEVEL: 'silent',
      API_ALLOW_ANONYMOUS: 'true',
      ORDER_ACCEPT_SLA_MS: '1000',
      AUDIT_ORDER_NOT_ACCEPTED_INTERVAL_MS: '500',
      AUDIT_SKU_MISMATCH_INTERVAL_MS: '0',
      AUDIT_SYNC_DELAY_INTERVAL_MS: '0',
      AUDIT_DISPATCH_NOT_CONFIRMED_INTERVAL_MS: '0',
    });
    app = createApp({
      config,
      logger: createLogger({ app: 'auditor-int', level: 'silent' }),
      kafka: runtime,
      topics,
    });
    await app.start();

    const id = `ORDER_NOT_ACCEPTED:${orderNo}`;
    const opened = await waitFor(
      'the exception on the topic',
      () => exceptions.get(id)?.state === 'OPEN' && exceptions.get(id),
      20_000,
    );
    expect(opened).toMatchObject({
      owner: 'OPS',
      severity: 'MEDIUM',
      raisedBy: 'reconciliation-auditor',
      occurrences: 1,
    });
    await waitFor('a second sighting', () => (exceptions.get(id)?.occurrences ?? 0) >= 2, 20_000);

    const internals = app.internals;
    expect([...internals.book.all()].filter((e) => e.state !== 'RESOLVED').map((e) => e.id)).toEqual([id]);

    await producer.send(topics.orders, orderNo, {
      ...captured,
      state: 'ACCEPTED_BY_WAIR',
      acceptedAt: Date.now(),
    });
    const resolved = await waitFor(
      'the resolution on the topic',
      () => exceptions.get(id)?.state === 'RESOLVED' && exceptions.get(id),
      20_000,
    );
    expect(resolved.firstSeen).toBe(opened.firstSeen);
    expect(resolved.resolvedAt).toBeGreaterThanOrEqual(opened.lastSeen);
  }, 60_000);
});
