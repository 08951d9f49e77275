import { createSeededRandom, generateSimCatalogue } from '@wair-sfcc/sim-catalogue';
import type { KafkaRuntime } from '@wair-sfcc/kafka';
import type { OrderPathResult } from './bench-report';
import type { createCpuMeter, PhaseCpu } from './cpu-meter';
import { isOrderPathComplete, orderPathFigures, type OrderPathFigures } from './order-path-model';
import { orderPathRecords, type OrderPathRecords } from './order-path-records';
import { createOrderPathTopics, startOrderPathSystem } from './order-path-system';
import type { Scenario } from './scenario';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface OrderPathRun {
  scenario: Scenario;
  runtime: KafkaRuntime;
  cpu: ReturnType<typeof createCpuMeter>;
  phases: PhaseCpu[];
  say: (line: string) => void;
  /** Topics the phase created, for the caller to delete whatever happens. */
  onTopics: (names: string[]) => void;
}

/** Places `rate` orders per second for `seconds`, 1–3 catalogue SKUs of 1–2 units each; returns failures. */
async function placeOrders(records: OrderPathRecords, skus: readonly string[], s: Scenario): Promise<number> {
  const random = createSeededRandom(`bench-orders:${s.seed}`);
  const total = Math.round(s.orderPathRate * s.orderPathSeconds);
  const startedAt = Date.now();
  let placed = 0;
  let failed = 0;
  const inFlight = new Set<Promise<void>>();
  while (placed < total) {
    // Catch up on every order due by now, so a slow tick does not lower the rate.
    const due = Math.min(total, Math.floor(((Date.now() - startedAt) / 1000) * s.orderPathRate));
    for (; placed < due; placed += 1) {
      const lines = [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(skus)))].map(
        (productId) => ({ productId, quantity: random.int(1, 2) }),
      );
      const p: Promise<void> = records
        .place(lines)
        .catch(() => void (failed += 1))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await sleep(20);
  }
  await Promise.all(inFlight);
  return failed;
}

/**
 * Waits until the run's orders are all through, or the timeout passes, then reads both simulators'
 * full records once. While waiting it reads only small counters (the full order list is megabytes
 * and would load the SFCC simulator the bridge is talking to).
 */
async function waitForOrderPath(
  records: OrderPathRecords,
  placed: number,
  timeoutMs: number,
  say: (line: string) => void,
): Promise<{ figures: OrderPathFigures; completeAt: number | null }> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = Date.now();
  const read = async () =>
    orderPathFigures({
      orders: await records.orders(),
      sales: await records.sales(),
      parcels: await records.parcels(),
      events: await records.events(),
    });
  if (placed === 0) return { figures: await read(), completeAt: null };
  for (;;) {
    const wair = await records.wairCounters();
    const confirmed = wair.ordersDispatched >= placed ? await records.eventCount() : 0;
    if (wair.ordersDispatched >= placed && confirmed >= wair.parcels) {
      const completeAt = Date.now();
      const figures = await read();
      if (isOrderPathComplete(figures)) return { figures, completeAt };
    }
    if (Date.now() > deadline) return { figures: await read(), completeAt: null };
    if (Date.now() - lastReport > 10_000) {
      say(
        `    … ${placed} placed, ${wair.ordersAccepted} in WAIR, ${wair.ordersDispatched} dispatched` +
          (confirmed > 0 ? `, ${confirmed} of ${wair.parcels} parcels confirmed in SFCC` : ''),
      );
      lastReport = Date.now();
    }
    await sleep(1_000);
  }
}

/**
 * Section 8: the order path on its own processes (both simulators, wair-ingest, the
 * order-dispatch-bridge) and topics, with the stock stream off. The SFCC storefront places orders
 * at `orderPathRate` for `orderPathSeconds`; WAIR dispatches each `dispatchDelayMs` after
 * accepting it. Figures come from the simulators' records, not from the bridge's metrics.
 */
export async function runOrderPath(run: OrderPathRun): Promise<OrderPathResult> {
  const { scenario: s, say } = run;
  const topics = await createOrderPathTopics(run.runtime, run.onTopics);
  const sys = await startOrderPathSystem(s, topics);
  try {
    for (const [name, p] of sys.named) run.cpu.watch(`order path: ${name}`, p.child.pid);
    const records = orderPathRecords(sys.sfccSim.opsUrl, sys.wairSim.opsUrl);
    const skus = generateSimCatalogue({ seed: s.seed, skuCount: s.skus, stores: s.locations - 2 }).skus.map(
      (x) => x.sku,
    );
    let meter = run.cpu.start('order path (orders placed)');
    const t0 = Date.now();
    const placeFailures = await placeOrders(records, skus, s);
    const placed = Math.round(s.orderPathRate * s.orderPathSeconds) - placeFailures;
    const placedEndedAt = Date.now();
    run.phases.push(meter.stop());
    meter = run.cpu.start('order path (drain)');
    const { figures, completeAt } = await waitForOrderPath(
      records,
      placed,
      s.convergeTimeoutSeconds * 1000,
      say,
    );
    run.phases.push(meter.stop());
    const calls = await records.scapiOrderCalls();
    for (const [name] of sys.named) run.cpu.unwatch(`order path: ${name}`);
    const seconds = (placedEndedAt - t0) / 1000;
    return {
      ...figures,
      offeredPerSecond: s.orderPathRate,
      seconds,
      placedPerSecond: figures.placed / seconds,
      placeFailures,
      dispatchDelayMs: s.dispatchDelayMs,
      bridgeSfccRatePerSecond: s.bridgeRatePerSecond,
      bridgeConcurrency: s.bridgeConcurrency,
      drainSeconds: completeAt === null ? null : (completeAt - placedEndedAt) / 1000,
      scapiCalls: calls.total,
      scapiFailed: calls.failed,
    };
  } finally {
    await sys.stop();
  }
}
