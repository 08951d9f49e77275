import type { Logger } from '@wair-sfcc/observability';
import { generateSimCatalogue } from '@wair-sfcc/sim-catalogue';
import { createBatchState } from './batch-state';
import { createChangeGenerator } from './change-generator';
import type { SimulatorConfig } from './config';
import { createDispatchBook } from './dispatch-book';
import { createFaultInjector } from './fault-injector';
import { createOrderBook } from './order-book';
import { createStockModel } from './stock-model';
import { createTokenStore } from './token-store';
import { createWebhookSender } from './webhook-sender';

/** The simulator's state and its steady change stream, without HTTP. */
export function createSimulator(config: SimulatorConfig, logger: Logger, clock: () => number = Date.now) {
  const catalogue = generateSimCatalogue({
    seed: config.SEED,
    skuCount: config.SKU_COUNT,
    stores: config.STORES,
  });
  const model = createStockModel(catalogue, clock, undefined, config.SEQUENCE_BASE);
  const generator = createChangeGenerator(model, config.SEED);
  const dispatches = createDispatchBook(model, generator.random, clock);
  const tokens = createTokenStore(config.TOKEN_TTL_SECONDS, clock);
  const faults = createFaultInjector(
    {
      latencyMs: config.FAULT_LATENCY_MS,
      error500Rate: config.FAULT_500_RATE,
      error503Rate: config.FAULT_503_RATE,
      rate429: config.FAULT_429_RATE,
      retryAfterSeconds: 1,
      dropRate: config.FAULT_DROP_RATE,
      lostAnswerRate: config.FAULT_LOST_ANSWER_RATE,
      malformedRate: config.FAULT_MALFORMED_RATE,
    },
    generator.random,
  );
  const webhooks = createWebhookSender(
    {
      url: config.WEBHOOK_URL,
      secret: config.WEBHOOK_SECRET,
      lossRate: config.WEBHOOK_LOSS_RATE,
      duplicateRate: config.WEBHOOK_DUPLICATE_RATE,
      reorderRate: config.WEBHOOK_REORDER_RATE,
      maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
    },
    generator.random,
    logger,
  );
  const batch = createBatchState(config.BATCH_IDLE_TIMEOUT_SECONDS, clock);
  const orders = createOrderBook({
    catalogue,
    model,
    dispatches,
    clock,
    emit: (event, payload) => webhooks.emit(event, payload),
    settings: { delayMs: config.FULFILMENT_DELAY_MS, splitRate: config.FULFILMENT_SPLIT_RATE },
  });
  const stream = {
    changesPerSecond: config.CHANGES_PER_SECOND,
    dispatchEvery: config.DISPATCH_EVERY,
    generated: 0,
  };
  let timer: NodeJS.Timeout | undefined;
  let due = 0;
  let last = 0;

  function step(): void {
    const { kind, row } = generator.next();
    stream.generated += 1;
    webhooks.emit('stock.changed', row);
    logger.debug({ sku: row.skuCode, kind }, 'stock changed');
    if (stream.dispatchEvery > 0 && stream.generated % stream.dispatchEvery === 0) {
      const shipped = dispatches.dispatchInternalOrder();
      for (const d of shipped.dispatches) webhooks.emit('order.dispatched', d);
      for (const s of shipped.stock) webhooks.emit('stock.changed', s);
    }
  }

  // A 20 ms tick that makes however many changes are due keeps the rate steady at high rates too.
  function tick(): void {
    const now = Date.now();
    due += ((now - last) / 1000) * stream.changesPerSecond;
    last = now;
    const n = Math.floor(due);
    due -= n;
    for (let i = 0; i < n; i += 1) step();
    orders.fulfilDue();
  }

  return {
    catalogue,
    model,
    dispatches,
    tokens,
    faults,
    webhooks,
    batch,
    orders,
    stream,
    step,
    start(): void {
      generator.seedInitialStock();
      last = Date.now();
      timer = setInterval(tick, 20);
    },
    /** Pauses or resumes the stream and changes its rate. */
    setRate(changesPerSecond: number): void {
      stream.changesPerSecond = changesPerSecond;
      due = 0;
      if (changesPerSecond === 0) webhooks.flush();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      webhooks.stop();
    },
  };
}

export type Simulator = ReturnType<typeof createSimulator>;
