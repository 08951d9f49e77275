// Wires the capture and dispatch loops to fakes (ports, producer, clock, registry, log capture):
// no Kafka, no HTTP, no timers.
import { TOPICS, type Fulfilment, type IntegrationException, type OrderFact } from '@wair-sfcc/contracts';
import { createInMemoryProducer } from '@wair-sfcc/kafka/testing';
import { createLogger, createMetricsRegistry } from '@wair-sfcc/observability';
import { createLogCapture } from '@wair-sfcc/observability/testing';
import type { DispatchPlanOptions } from '@wair-sfcc/order-domain';
import { createBridgeMetrics } from '../bridge-metrics';
import { createDispatchConfirmer } from '../dispatch-confirmer';
import { createDispatchLoop, type DispatchRetryPolicy } from '../dispatch-loop';
import { ExceptionBook } from '../exception-book';
import { createOrderCapture } from '../order-capture';
import { createFakeScapiOrders } from './fake-scapi-orders';
import { createFakeWairSales } from './fake-wair-sales';

export const T0 = Date.parse('2026-11-01T10:05:00.000Z');

export function createBridgeHarness(
  options: {
    pageSize?: number;
    retry?: Partial<DispatchRetryPolicy>;
    plan?: DispatchPlanOptions;
    /** Tables as a previous process left them (restart). */
    facts?: Map<string, OrderFact>;
    fulfilments?: Map<string, Fulfilment>;
    exceptions?: IntegrationException[];
    previous?: {
      sfcc: ReturnType<typeof createFakeScapiOrders>;
      wair: ReturnType<typeof createFakeWairSales>;
      producer: ReturnType<typeof createInMemoryProducer>;
    };
    clock?: { now: number };
    /** WAIR answers without `reservedAt` (the bridge falls back to its post time). */
    wairWithoutTimes?: boolean;
  } = {},
) {
  const clock = options.clock ?? { now: T0 };
  const now = () => clock.now;
  const sfcc = options.previous?.sfcc ?? createFakeScapiOrders(now);
  const wair = options.previous?.wair ?? createFakeWairSales(options.wairWithoutTimes ? undefined : now);
  const producer = options.previous?.producer ?? createInMemoryProducer();
  const logs = createLogCapture();
  const logger = createLogger({
    app: 'order-dispatch-bridge',
    level: 'debug',
    destination: logs.destination,
  });
  const registry = createMetricsRegistry({ app: 'order-dispatch-bridge', collectDefaults: false });
  const exceptions = new ExceptionBook(producer, TOPICS.integrationExceptions, 'order-dispatch-bridge');
  const restored = (topic: string) => producer.table(topic) as Map<string, never>;
  const facts =
    options.facts ?? (options.previous ? new Map<string, OrderFact>(restored(TOPICS.sfccOrders)) : new Map());
  const fulfilments =
    options.fulfilments ??
    (options.previous ? new Map<string, Fulfilment>(restored(TOPICS.sfccFulfilment)) : new Map());
  const exRows =
    options.exceptions ?? (options.previous ? [...restored(TOPICS.integrationExceptions).values()] : []);
  for (const ex of exRows as IntegrationException[]) exceptions.apply(ex.id, ex);
  const metrics = createBridgeMetrics(registry, { openExceptions: () => exceptions.openByType() });
  const capture = createOrderCapture({
    scapi: sfcc.port,
    wair: wair.port,
    producer,
    ordersTopic: TOPICS.sfccOrders,
    facts,
    exceptions,
    metrics,
    logger,
    now,
    options: {
      pageSize: options.pageSize ?? 50,
      maxPerRound: 1000,
      sale: { webshopLocationCode: 'WEB01' },
      defaultInventoryList: 'inventory_webshop',
      cancellationLookbackMs: 24 * 3600_000,
    },
  });
  const confirmer = createDispatchConfirmer({
    scapi: sfcc.port,
    producer,
    fulfilmentTopic: TOPICS.sfccFulfilment,
    fulfilments,
    metrics,
    now,
    plan: options.plan ?? {},
    isOurOrder: (orderNo) => facts.has(orderNo),
  });
  const dispatch = createDispatchLoop({
    confirmer,
    fulfilments,
    exceptions,
    metrics,
    logger,
    now,
    random: () => 1,
    retry: {
      initialMs: 1_000,
      maxMs: 8_000,
      fastAttempts: 4,
      slowMs: 60_000,
      slaMs: 600_000,
      ...options.retry,
    },
  });
  return {
    clock,
    sfcc,
    wair,
    producer,
    logs,
    registry,
    exceptions,
    facts,
    fulfilments,
    capture,
    dispatch,
    fact: (orderNo: string) => producer.table(TOPICS.sfccOrders).get(orderNo) as OrderFact | undefined,
    fulfilment: (orderNo: string) =>
      producer.table(TOPICS.sfccFulfilment).get(orderNo) as Fulfilment | undefined,
    exception: (id: string) =>
      producer.table(TOPICS.integrationExceptions).get(id) as IntegrationException | undefined,
    recordsOn: (topic: string) => producer.records.filter((r) => r.topic === topic),
    /** A restarted process over the same SFCC, WAIR and Kafka topics. */
    restart() {
      return createBridgeHarness({
        ...options,
        facts: undefined,
        fulfilments: undefined,
        exceptions: undefined,
        previous: { sfcc, wair, producer },
        clock,
      });
    },
  };
}

export type BridgeHarness = ReturnType<typeof createBridgeHarness>;
