import type { InventoryRecordWrite, InventoryWriter } from '@wair-sfcc/sfcc-client';
import { createInMemoryInventoryWriter } from '@wair-sfcc/sfcc-client/testing';
import { createPipelineHarness, figure, T0 } from './testing/pipeline-harness';
import { observeSfccError } from './writer-metrics';

type Harness = ReturnType<typeof createPipelineHarness>;

/**
 * The value of one series of a metric in the harness's own registry: the sample whose labels
 * include `labels` (and, for a histogram, whose series name is `series`, e.g. `_count`).
 */
async function sample(h: Harness, name: string, labels: Record<string, string> = {}, series = name) {
  const metric = h.registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  const found = (await metric.get()).values.filter(
    (v) =>
      ((v as { metricName?: string }).metricName ?? name) === series &&
      Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want),
  );
  if (found.length !== 1) throw new Error(`${series} ${JSON.stringify(labels)}: ${found.length} samples`);
  return found[0]?.value;
}

const perPriority = (h: Harness, name: string) =>
  Promise.all(['0', '1', '2', '3'].map((priority) => sample(h, name, { priority })));

describe('writer metrics (fake SFCC, fresh registry)', () => {
  it('reports queue depth and the oldest pending age per priority class', async () => {
    const h = createPipelineHarness({ skus: ['OUT', 'B', 'C', 'BACK'] });
    // SFCC holds 0 for BACK, so stock for it is back-in-stock (class 2).
    h.pipeline.applySyncRow({
      sku: 'BACK',
      lists: [
        {
          inventoryListId: 'web',
          allocation: 0,
          resetDate: T0,
          sourceAsOf: T0,
          sourceSequence: 0,
          writtenAt: T0,
          outcome: 'OK',
          error: null,
          priority: 0,
          channel: 'OCAPI',
        },
      ],
    });
    expect(await perPriority(h, 'inventory_queue_depth')).toEqual([0, 0, 0, 0]);
    await h.feed(figure('OUT', 1, { DC01: 0 })); // class 0: nothing written yet and none left
    h.advance(2_000);
    await h.feed(figure('B', 2, { DC01: 5 })); // class 1
    await h.feed(figure('C', 3, { DC01: 6 })); // class 1
    h.advance(500);
    await h.feed(figure('BACK', 4, { DC01: 7 })); // class 2
    h.advance(1_500);
    expect(await perPriority(h, 'inventory_queue_depth')).toEqual([1, 2, 1, 0]);
    expect(await perPriority(h, 'inventory_queue_oldest_pending_seconds')).toEqual([4, 2, 1.5, 0]);
    h.workers.start();
    try {
      await h.drain();
      expect(await perPriority(h, 'inventory_queue_depth')).toEqual([0, 0, 0, 0]);
      expect(await perPriority(h, 'inventory_queue_oldest_pending_seconds')).toEqual([0, 0, 0, 0]);
    } finally {
      await h.workers.stop();
    }
  });

  it('counts writes by outcome, SFCC calls and their latency, throttled parts, change → write delay and SLA breaches', async () => {
    const fake = createInMemoryInventoryWriter();
    const clock = { advance: (_ms: number): number => 0 };
    // Every SFCC call takes 250 ms on the harness clock.
    const writer: InventoryWriter = {
      write: async (records) => {
        clock.advance(250);
        return fake.write(records);
      },
    };
    let busy = 1;
    let shed = 1;
    fake.setOutcome((w: InventoryRecordWrite) =>
      w.productId === 'BAD'
        ? {
            status: 'REJECTED',
            httpStatus: 400,
            faultType: 'PropertyConstraintViolationException',
            retriable: false,
          }
        : w.productId === 'BUSY' && busy-- > 0
          ? { status: 'FAILED', httpStatus: 429, retriable: true }
          : w.productId === 'SHED' && shed-- > 0
            ? { status: 'FAILED', httpStatus: 503, retriable: true }
            : undefined,
    );
    fake.failNextCalls(1, Object.assign(new Error('socket hang up'), { retriable: true }));
    const h = createPipelineHarness({
      skus: ['OK1', 'LATE', 'BAD', 'BUSY', 'SHED'],
      writer,
      slaMs: 60_000,
    });
    clock.advance = h.advance;
    // The harness clock stands at T0 + 1 s.
    await h.feed(figure('OK1', 0, { DC01: 3 }));
    await h.feed(figure('LATE', -100_000, { DC01: 0 })); // a stock-out WAIR saw 101 s ago: class 0
    await h.feed(figure('BAD', 5, { DC01: 4 }));
    await h.feed(figure('BUSY', 10, { DC01: 5 }));
    await h.feed(figure('SHED', 20, { DC01: 6 }));
    h.workers.start();
    try {
      await h.drain();
    } finally {
      await h.workers.stop();
    }
    // Call 1 fails as a whole (T0+1.25 s); call 2 writes OK1, LATE, rejects BAD and gets 429/503
    // for BUSY/SHED (acknowledged at T0+1.5 s); call 3 writes BUSY and SHED (T0+1.75 s).
    expect(fake.calls.map((c) => c.length)).toEqual([5, 5, 2]);
    expect(await sample(h, 'inventory_writes_total', { outcome: 'OK', channel: 'OCAPI' })).toBe(4);
    expect(await sample(h, 'inventory_writes_total', { outcome: 'REJECTED', channel: 'OCAPI' })).toBe(1);
    expect(await sample(h, 'inventory_requeued_total')).toBe(7);

    const latency = { operation: 'ocapi_batch' };
    const latencySeries = 'inventory_sfcc_request_seconds';
    expect(await sample(h, latencySeries, latency, `${latencySeries}_count`)).toBe(3);
    expect(await sample(h, latencySeries, latency, `${latencySeries}_sum`)).toBeCloseTo(0.75, 9);

    expect(await sample(h, 'inventory_sfcc_throttled_total', { status: '429' })).toBe(1);
    expect(await sample(h, 'inventory_sfcc_throttled_total', { status: '503' })).toBe(1);

    const delay = 'inventory_change_to_write_seconds';
    expect(await sample(h, delay, { priority: '0' }, `${delay}_count`)).toBe(1);
    expect(await sample(h, delay, { priority: '0' }, `${delay}_sum`)).toBeCloseTo(101.5, 9);
    expect(await sample(h, delay, { priority: '0', le: '60' }, `${delay}_bucket`)).toBe(0);
    expect(await sample(h, delay, { priority: '0', le: '120' }, `${delay}_bucket`)).toBe(1);
    expect(await sample(h, delay, { priority: '1' }, `${delay}_count`)).toBe(3);
    expect(await sample(h, delay, { priority: '1' }, `${delay}_sum`)).toBeCloseTo(1.5 + 1.74 + 1.73, 9);
    expect(await sample(h, delay, { priority: '1', le: '1' }, `${delay}_bucket`)).toBe(0);
    expect(await sample(h, delay, { priority: '1', le: '2' }, `${delay}_bucket`)).toBe(3);

    // Classes without writes have their series at 0 from the start, so `increase` sees the first one.
    expect(await sample(h, delay, { priority: '2' }, `${delay}_count`)).toBe(0);
    // Only LATE took longer than the 60 s SLA; every class has its series from the start.
    expect(await perPriority(h, 'inventory_sync_sla_breaches_total')).toEqual([1, 0, 0, 0]);
  });

  it('does not take a re-write after a late order for a late WAIR change', async () => {
    const h = createPipelineHarness({ skus: ['A'], slaMs: 60_000 });
    const delayCount = () =>
      sample(
        h,
        'inventory_change_to_write_seconds',
        { priority: '1' },
        'inventory_change_to_write_seconds_count',
      );
    h.workers.start();
    try {
      await h.feed(figure('A', 100, { DC01: 10 }));
      await h.drain();
      expect(await delayCount()).toBe(1);
      // The order that was in flight at the figure's time reaches the writer two minutes later.
      h.advance(120_000);
      const lines = [{ itemId: '1', sku: 'A', quantity: 4, inventoryListId: 'web' }];
      h.orders.apply({
        orderNo: 'late',
        siteId: 'RefArch',
        createdAt: T0 + 90,
        lines,
        state: 'CAPTURED',
        capturedAt: T0 + 95,
        acceptedAt: null,
        rejectionReason: null,
        orderTotal: null,
        currency: 'EUR',
      });
      h.pipeline.orderChanged(lines);
      await h.drain();
    } finally {
      await h.workers.stop();
    }
    expect(h.fakeWriter.calls.flat().map((w) => w.allocation)).toEqual([10, 6]);
    expect(await sample(h, 'inventory_writes_total', { outcome: 'OK', channel: 'OCAPI' })).toBe(2);
    expect(await delayCount()).toBe(1);
    expect(await perPriority(h, 'inventory_sync_sla_breaches_total')).toEqual([0, 0, 0, 0]);
  });

  it('counts the 429 and 503 errors the SFCC clients retry, and nothing else', async () => {
    const h = createPipelineHarness();
    observeSfccError(h.metrics, Object.assign(new Error('Too Many Requests'), { status: 429 }));
    observeSfccError(h.metrics, Object.assign(new Error('Too Many Requests'), { status: 429 }));
    observeSfccError(h.metrics, Object.assign(new Error('Service Unavailable'), { status: 503 }));
    observeSfccError(h.metrics, Object.assign(new Error('Internal Server Error'), { status: 500 }));
    observeSfccError(h.metrics, new Error('socket hang up'));
    observeSfccError(h.metrics, undefined);
    expect(await sample(h, 'inventory_sfcc_throttled_total', { status: '429' })).toBe(2);
    expect(await sample(h, 'inventory_sfcc_throttled_total', { status: '503' })).toBe(1);
    const metric = h.registry.getSingleMetric('inventory_sfcc_throttled_total');
    expect((await metric?.get())?.values.map((v) => v.labels['status']).sort()).toEqual(['429', '503']);
  });

  it('reports the current SFCC rate limit as it changes', async () => {
    let rate = 20;
    const h = createPipelineHarness({ rateLimit: () => rate });
    expect(await sample(h, 'inventory_sfcc_rate_limit_per_second')).toBe(20);
    rate = 12.5;
    expect(await sample(h, 'inventory_sfcc_rate_limit_per_second')).toBe(12.5);
  });
});
