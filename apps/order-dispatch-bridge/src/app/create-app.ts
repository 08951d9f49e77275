import type { Fulfilment, IntegrationException, OrderDispatches, OrderFact } from '@wair-sfcc/contracts';
import { createServiceShell, type Service } from '@wair-sfcc/app-runtime';
import type { KafkaRuntime, RecordValidator, TableReader } from '@wair-sfcc/kafka';
import type { Logger } from '@wair-sfcc/observability';
import { dispatchedUnitsBySku, type ScapiOrdersPort, type WairSalesPort } from '@wair-sfcc/order-domain';
import { createBridgeMetrics } from './bridge-metrics';
import { DEFAULT_BRIDGE_TOPICS, producedTopicSpecs, type BridgeTopics } from './bridge-topics';
import { APP_NAME, type BridgeConfig } from './config';
import { createDispatchConfirmer } from './dispatch-confirmer';
import { createDispatchLoop } from './dispatch-loop';
import { ExceptionBook } from './exception-book';
import { createOrderCapture } from './order-capture';
import { dispatchPlanOptions } from './plan-options';

export interface BridgeDeps {
  config: BridgeConfig;
  logger: Logger;
  kafka: KafkaRuntime;
  /** SCAPI Orders (commerce-sdk adapter in production, a fake in tests). */
  scapi: ScapiOrdersPort;
  /** WAIR write side (HTTP adapter in production, a fake in tests). */
  wair: WairSalesPort;
  /** Overrides topic names, so integration tests run on their own topics. */
  topics?: Partial<BridgeTopics>;
  now?: () => number;
}

export type BridgeApp = Service & {
  /** Runs one capture round now (tests, diagnostics); rounds never overlap. */
  captureOnce(): Promise<void>;
  /** `wair.dispatches.v1` records handled since start (tests, diagnostics). */
  dispatchRecordsHandled(): number;
};

/** Reads a compacted topic once to its end; the bridge is the only writer of these tables. */
async function readTable<V>(kafka: KafkaRuntime, topic: string, logger: Logger): Promise<Map<string, V>> {
  const table = kafka.tableReader<V>({
    topic,
    onUndecodable: (error, meta) =>
      logger.warn({ err: error, topic, ...meta }, 'undecodable table record skipped'),
  });
  await table.start();
  try {
    await table.caughtUp();
    return new Map(table.entries());
  } finally {
    await table.stop();
  }
}

const keyMatches: RecordValidator = (record) => {
  const orderNo = (record.value as OrderDispatches).orderNo;
  return record.key === orderNo
    ? undefined
    : `record key ${record.key ?? '(none)'} is not the order number ${orderNo}`;
};

/** Wires the order capture loop and the dispatch loop to Kafka, the two ports and the ops endpoints. */
export function createApp(deps: BridgeDeps): BridgeApp {
  const { config, logger, kafka, scapi, wair } = deps;
  const now = deps.now ?? Date.now;
  const topics: BridgeTopics = { ...DEFAULT_BRIDGE_TOPICS, ...deps.topics };
  const producer = kafka.producer({ topics: producedTopicSpecs(topics) });
  const facts = new Map<string, OrderFact>();
  const fulfilments = new Map<string, Fulfilment>();
  const dispatched = new Map<string, Map<string, number>>();
  const exceptions = new ExceptionBook(producer, topics.exceptions, APP_NAME);
  let loaded = false;
  let handled = 0;
  const exceptionTable: TableReader<true> = kafka.tableReader<IntegrationException, true>({
    topic: topics.exceptions,
    project: (row, key) => {
      // After loading, the bridge applies its own writes as it makes them; their echoes are stale.
      if (!loaded || row.raisedBy !== APP_NAME) exceptions.apply(key, row);
      return true;
    },
    onChange: (key, row) => {
      if (row === undefined) exceptions.apply(key, undefined);
    },
    onUndecodable: (error, meta) =>
      logger.warn({ err: error, ...meta }, 'undecodable exception record skipped'),
  });
  const consumer = kafka.consumer({
    app: APP_NAME,
    groupId: config.KAFKA_GROUP_ID,
    topics: [topics.dispatches],
    dlqProducer: producer,
    validators: { [topics.dispatches]: keyMatches },
    handle: async (record) => {
      if (record.value === null) return;
      const od = record.value as OrderDispatches;
      dispatched.set(od.orderNo, dispatchedUnitsBySku(od));
      await dispatchLoop.submit(od);
      handled += 1;
    },
  });
  const shell = createServiceShell({
    app: APP_NAME,
    logger,
    kafka,
    ops: { host: config.OPS_HOST, port: config.OPS_PORT },
    lagIntervalMs: config.LAG_INTERVAL_MS,
    groups: [{ groupId: config.KAFKA_GROUP_ID, topics: [topics.dispatches] }],
    readiness: [
      { name: 'tables-loaded', check: () => ({ ok: loaded }) },
      { name: 'consumer-joined', check: () => ({ ok: consumer.isJoined() }) },
    ],
  });
  const metrics = createBridgeMetrics(shell.registry, { openExceptions: () => exceptions.openByType() });
  const capture = createOrderCapture({
    scapi,
    wair,
    producer,
    ordersTopic: topics.orders,
    facts,
    exceptions,
    metrics,
    logger,
    now,
    dispatchedUnits: (orderNo) => dispatched.get(orderNo) ?? new Map(),
    options: {
      pageSize: config.ORDER_PAGE_SIZE,
      maxPerRound: config.ORDER_MAX_PER_ROUND,
      sale: { webshopLocationCode: config.WAIR_WEBSHOP_LOCATION, channelCode: config.WAIR_CHANNEL_CODE },
      defaultInventoryList: config.DEFAULT_INVENTORY_LIST,
      cancellationLookbackMs: config.CANCELLATION_LOOKBACK_MS,
    },
  });
  const confirmer = createDispatchConfirmer({
    scapi,
    producer,
    fulfilmentTopic: topics.fulfilment,
    fulfilments,
    metrics,
    now,
    plan: dispatchPlanOptions(config),
    isOurOrder: (orderNo) => facts.has(orderNo),
  });
  const dispatchLoop = createDispatchLoop({
    confirmer,
    fulfilments,
    exceptions,
    metrics,
    logger,
    now,
    retry: {
      initialMs: config.DISPATCH_RETRY_INITIAL_MS,
      maxMs: config.DISPATCH_RETRY_MAX_MS,
      fastAttempts: config.DISPATCH_FAST_ATTEMPTS,
      slowMs: config.DISPATCH_SLOW_RETRY_MS,
      slaMs: config.DISPATCH_SLA_MS,
    },
    concurrency: config.SFCC_CONCURRENCY,
  });

  let stopping = false;
  let round: Promise<void> = Promise.resolve();
  let captureTimer: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  const captureOnce = (): Promise<void> => {
    round = round.then(async () => {
      await capture.runRound();
    });
    return round;
  };
  // The next round is scheduled when the previous one ends, so rounds never overlap.
  const scheduleCapture = (): void => {
    if (stopping) return;
    captureTimer = setTimeout(
      () => void captureOnce().finally(scheduleCapture),
      config.ORDER_POLL_INTERVAL_MS,
    );
  };

  return {
    captureOnce,
    dispatchRecordsHandled: () => handled,
    async start() {
      await shell.start();
      await producer.connect();
      const [orderRows, fulfilmentRows, dispatchRows] = await Promise.all([
        readTable<OrderFact>(kafka, topics.orders, logger),
        readTable<Fulfilment>(kafka, topics.fulfilment, logger),
        readTable<OrderDispatches>(kafka, topics.dispatches, logger),
        exceptionTable.start().then(() => exceptionTable.caughtUp()),
      ]);
      for (const [k, v] of orderRows) facts.set(k, v);
      for (const [k, v] of fulfilmentRows) fulfilments.set(k, v);
      for (const [k, v] of dispatchRows) dispatched.set(k, dispatchedUnitsBySku(v));
      const parked = dispatchLoop.recover(dispatchRows.values());
      loaded = true;
      logger.info({ orders: facts.size, fulfilments: fulfilments.size, parked }, 'tables loaded');
      await consumer.start();
      retryTimer = setInterval(() => void dispatchLoop.retryDue(), config.DISPATCH_RETRY_TICK_MS);
      void captureOnce().finally(scheduleCapture);
    },
    async stop() {
      stopping = true;
      if (captureTimer) clearTimeout(captureTimer);
      if (retryTimer) clearInterval(retryTimer);
      await round;
      await consumer.stop();
      await dispatchLoop.drain();
      await exceptionTable.stop();
      await producer.disconnect();
      await shell.stop();
    },
  };
}
