import { TOPICS } from '@wair-sfcc/contracts';
import { UpstreamCallError } from '@wair-sfcc/order-domain';
import { buildDispatch, buildOrderDispatches, buildSfccOrder } from '@wair-sfcc/order-domain/testing';
import { createBridgeHarness, T0, type BridgeHarness } from './testing/bridge-harness';

const twoLines = () =>
  buildSfccOrder('2001', [
    { productId: 'SKU-1', quantity: 1 },
    { productId: 'SKU-2', quantity: 2 },
  ]);
const d1 = buildDispatch('D1', [['SKU-1', 1]], T0 - 60_000);
const d2 = buildDispatch('D2', [['SKU-2', 2]], T0 - 30_000);
const nextAt = (h: BridgeHarness): number => {
  const parked = h.dispatch.parked.get('2001');
  if (!parked) throw new Error('order 2001 is not parked');
  return parked.nextAt;
};
const down = (op: string) => new UpstreamCallError('SFCC', op, 503, true, 'load shedding');

describe('dispatch loop (fakes, injected clock)', () => {
  it('reports split shipments: part_shipped after the first, shipped after the second, one e-mail each', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(twoLines());

    await h.dispatch.handle(buildOrderDispatches('2001', [d1]));
    expect(h.sfcc.orders.get('2001')?.shippingStatus).toBe('part_shipped');
    expect(h.fulfilment('2001')).toMatchObject({
      orderShippingStatus: 'PART_SHIPPED',
      shipments: [{ dispatchId: 'D1', outcome: 'CONFIRMED', confirmedAt: T0, attempts: 1 }],
    });

    h.clock.now += 5_000;
    await h.dispatch.handle(buildOrderDispatches('2001', [d1, d2]));
    const order = h.sfcc.orders.get('2001');
    expect(order?.shippingStatus).toBe('shipped');
    expect(h.sfcc.events.map((e) => [e.event.id, e.event.type, e.event.lineItems])).toEqual([
      ['D1', 'shipped', [{ id: 'item-1', quantity: 1 }]],
      ['D2', 'shipped', [{ id: 'item-2', quantity: 2 }]],
    ]);
    expect(h.sfcc.events[1]?.event).toMatchObject({
      trackingNumber: 'TRK-D2',
      trackingUrl: 'https://tracking.example.com/TRK-D2',
      carrier: 'DPD',
    });
    expect([...h.sfcc.emailsPerEvent().values()]).toEqual([1, 1]);
    expect(h.fulfilment('2001')).toMatchObject({ orderShippingStatus: 'SHIPPED' });
    expect(h.fulfilment('2001')?.shipments.map((s) => s.outcome)).toEqual(['CONFIRMED', 'CONFIRMED']);
  });

  it('a replay of the topic writes nothing to SFCC or Kafka', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(twoLines());
    await h.dispatch.handle(buildOrderDispatches('2001', [d1]));
    await h.dispatch.handle(buildOrderDispatches('2001', [d1, d2]));
    const sfccWrites = h.sfcc.writes.length;
    const kafkaRecords = h.producer.records.length;

    await h.dispatch.handle(buildOrderDispatches('2001', [d1]));
    await h.dispatch.handle(buildOrderDispatches('2001', [d1, d2]));
    // A restarted process replaying from offset 0, with its fulfilment table rebuilt.
    const r = h.restart();
    await r.dispatch.handle(buildOrderDispatches('2001', [d1]));
    await r.dispatch.handle(buildOrderDispatches('2001', [d1, d2]));

    expect(h.sfcc.writes.length).toBe(sfccWrites);
    expect(h.producer.records.length).toBe(kafkaRecords);
  });

  it('when the fulfilment record was lost after the event was posted, the retry does not e-mail twice', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(twoLines());
    h.producer.failNext(1, new Error('broker unavailable'));
    await expect(h.dispatch.handle(buildOrderDispatches('2001', [d1]))).rejects.toThrow('broker unavailable');
    expect(h.sfcc.events).toHaveLength(1);

    await h.dispatch.handle(buildOrderDispatches('2001', [d1]));
    expect(h.sfcc.emailsPerEvent().get('D1')).toBe(1);
    expect(h.fulfilment('2001')?.shipments[0]).toMatchObject({ dispatchId: 'D1', outcome: 'CONFIRMED' });
    expect(h.sfcc.orders.get('2001')?.shippingStatus).toBe('part_shipped');
  });

  it('retries with backoff, raises DISPATCH_NOT_CONFIRMED for CX after the SLA, resolves it after recovery — other orders unaffected', async () => {
    const h = createBridgeHarness({
      retry: { initialMs: 1_000, maxMs: 8_000, fastAttempts: 4, slowMs: 60_000, slaMs: 600_000 },
    });
    h.sfcc.add(twoLines());
    h.sfcc.add(buildSfccOrder('2002'));
    h.sfcc.failWith((op, orderNo) => (orderNo === '2001' ? down(op) : undefined));
    const dispatchedAt = T0;
    const od = buildOrderDispatches('2001', [buildDispatch('D1', [['SKU-1', 1]], dispatchedAt)]);

    await h.dispatch.handle(od);
    await h.dispatch.handle(buildOrderDispatches('2002', [buildDispatch('D9', [['SKU-1', 1]], T0)]));
    expect(h.sfcc.orders.get('2002')?.shippingStatus).toBe('shipped');
    expect(h.dispatch.parked.get('2001')).toMatchObject({ attempts: 1, nextAt: T0 + 1_000 });
    expect(h.fulfilment('2001')?.shipments[0]).toMatchObject({
      outcome: 'PENDING',
      lastError: 'SFCC getOrder failed (HTTP 503)',
    });

    // Fast schedule: 1 s, 2 s, 4 s; then every 60 s.
    const gaps: number[] = [];
    let last = h.clock.now;
    while (h.clock.now < dispatchedAt + 600_000) {
      h.clock.now = nextAt(h);
      await h.dispatch.retryDue();
      gaps.push(h.clock.now - last);
      last = h.clock.now;
    }
    expect(gaps.slice(0, 5)).toEqual([1_000, 2_000, 4_000, 60_000, 60_000]);
    const ex = h.exception('DISPATCH_NOT_CONFIRMED:2001');
    expect(ex).toMatchObject({ owner: 'CX', state: 'OPEN', subjectType: 'ORDER', severity: 'MEDIUM' });
    expect(ex?.firstSeen).toBeGreaterThan(dispatchedAt + 600_000);
    expect(ex?.data['dispatchIds']).toBe('D1');
    const metrics = await h.registry.metrics();
    expect(metrics).toContain(
      `bridge_retries_total{flow="dispatch",app="order-dispatch-bridge"} ${gaps.length + 1}`,
    );
    expect(metrics).toContain(
      'bridge_open_exceptions{type="DISPATCH_NOT_CONFIRMED",app="order-dispatch-bridge"} 1',
    );
    expect(h.sfcc.events.filter((e) => e.orderNo === '2001')).toHaveLength(0);

    h.sfcc.failWith(() => undefined);
    h.clock.now = nextAt(h);
    await h.dispatch.retryDue();
    expect(h.dispatch.parked.has('2001')).toBe(false);
    expect(h.sfcc.emailsPerEvent().get('D1')).toBe(1);
    expect(h.exception('DISPATCH_NOT_CONFIRMED:2001')).toMatchObject({
      state: 'RESOLVED',
      resolvedAt: h.clock.now,
    });
    expect(h.fulfilment('2001')?.shipments[0]).toMatchObject({ outcome: 'CONFIRMED', lastError: null });
    expect(await h.registry.metrics()).toContain(
      'bridge_open_exceptions{type="DISPATCH_NOT_CONFIRMED",app="order-dispatch-bridge"} 0',
    );
  });

  it('parks a dispatch with an unknown SKU or too many units as an exception and reports the valid ones', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(twoLines());
    const bad = buildDispatch('D3', [['SKU-X', 1]], T0 - 10_000);
    const over = buildDispatch('D4', [['SKU-1', 5]], T0 - 5_000);

    await h.dispatch.handle(buildOrderDispatches('2001', [d1, bad, over]));

    expect(h.sfcc.events.map((e) => e.event.id)).toEqual(['D1']);
    expect(h.sfcc.orders.get('2001')?.shippingStatus).toBe('part_shipped');
    const ex = h.exception('DISPATCH_NOT_CONFIRMED:2001');
    expect(ex).toMatchObject({ owner: 'CX', severity: 'HIGH', state: 'OPEN' });
    expect(ex?.data['reasons']).toBe('UNKNOWN_SKU,OVER_DISPATCH');
    expect(h.fulfilment('2001')?.shipments.map((s) => [s.dispatchId, s.outcome])).toEqual([
      ['D1', 'CONFIRMED'],
      ['D3', 'FAILED'],
      ['D4', 'FAILED'],
    ]);
    expect(h.dispatch.parked.size).toBe(0);

    // WAIR corrects the dispatch: reported, and the exception resolves.
    await h.dispatch.handle(
      buildOrderDispatches('2001', [d1, { ...bad, lines: [{ sku: 'SKU-2', quantity: 2 }] }]),
    );
    expect(h.sfcc.orders.get('2001')?.shippingStatus).toBe('shipped');
    expect(h.exception('DISPATCH_NOT_CONFIRMED:2001')?.state).toBe('RESOLVED');
  });

  it('after a restart, orders the fulfilment table shows unconfirmed are retried at once', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(twoLines());
    h.sfcc.failWith((op) => down(op));
    const od = buildOrderDispatches('2001', [d1, d2]);
    await h.dispatch.handle(od);
    expect(h.fulfilment('2001')?.shipments.map((s) => s.outcome)).toEqual(['PENDING', 'PENDING']);
    h.sfcc.failWith(() => undefined);

    const r = h.restart();
    expect(r.dispatch.recover([od, buildOrderDispatches('2999', [])])).toBe(1);
    await r.dispatch.retryDue();
    expect(r.sfcc.orders.get('2001')?.shippingStatus).toBe('shipped');
    expect([...r.sfcc.emailsPerEvent().values()]).toEqual([1, 1]);
  });

  it('writes the configured c_* attributes and completes the order when every line shipped', async () => {
    const h = createBridgeHarness({
      plan: {
        completeOrderWhenShipped: true,
        attributes: { dispatchIds: 'c_wairDispatchIds', trackingNumbers: 'c_trackingNumbers' },
      },
    });
    h.sfcc.add(twoLines());
    await h.dispatch.handle(buildOrderDispatches('2001', [d1, d2]));
    const order = h.sfcc.orders.get('2001');
    expect(order).toMatchObject({
      status: 'completed',
      c_wairDispatchIds: 'D1,D2',
      c_trackingNumbers: 'TRK-D1,TRK-D2',
    });
    expect(h.sfcc.writes.map((w) => w.op)).toEqual([
      'postFulfillmentEvent',
      'postFulfillmentEvent',
      'updateShippingStatus',
      'updateStatus',
      'updateAttributes',
    ]);
  });

  it('observes the dispatch confirmation delay from the WAIR dispatch time', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(twoLines());
    await h.dispatch.handle(buildOrderDispatches('2001', [d1]));
    const metrics = await h.registry.metrics();
    expect(metrics).toContain('dispatch_confirmation_delay_seconds_sum{app="order-dispatch-bridge"} 60');
    expect(metrics).toContain('dispatch_confirmation_delay_seconds_count{app="order-dispatch-bridge"} 1');
    // Confirmation first (so the next event can never repeat it), then the shipping status.
    expect(
      h
        .recordsOn(TOPICS.sfccFulfilment)
        .map((r) => (r.value as { orderShippingStatus: string }).orderShippingStatus),
    ).toEqual(['NOT_SHIPPED', 'PART_SHIPPED']);
  });

  it('skips dispatches of orders SFCC does not know and the bridge never captured, but retries its own', async () => {
    const h = createBridgeHarness();
    // A store order WAIR shipped: not in SFCC, never captured by the bridge.
    await h.dispatch.handle(buildOrderDispatches('STORE-9', [d1]));
    expect(h.dispatch.parked.has('STORE-9')).toBe(false);
    expect(h.producer.records).toEqual([]);

    // One of ours that SFCC cannot find (yet): kept and retried, not skipped.
    h.facts.set('2001', { orderNo: '2001' } as never);
    await h.dispatch.handle(buildOrderDispatches('2001', [d1]));
    expect(h.dispatch.parked.get('2001')?.lastError).toBe('order not found in SFCC');
  });

  it('after a restart, finishes an order whose events were confirmed but whose shipping status was not written', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(twoLines());
    h.sfcc.failWith((op) => (op === 'updateShippingStatus' ? down(op) : undefined));
    const od = buildOrderDispatches('2001', [d1, d2]);
    await h.dispatch.handle(od);
    expect(h.fulfilment('2001')?.shipments.map((s) => s.outcome)).toEqual(['CONFIRMED', 'CONFIRMED']);
    expect(h.sfcc.orders.get('2001')?.shippingStatus).toBe('not_shipped');
    h.sfcc.failWith(() => undefined);

    // The parked retry died with the process; the record's offset was committed long ago.
    const r = h.restart();
    expect(r.dispatch.recover([od])).toBe(1);
    await r.dispatch.retryDue();
    expect(r.sfcc.orders.get('2001')?.shippingStatus).toBe('shipped');
    expect([...r.sfcc.emailsPerEvent().values()]).toEqual([1, 1]);
    // Settled orders are not touched at the next restart.
    expect(r.restart().dispatch.recover([od])).toBe(0);
  });

  it('submit does not wait for the attempt; a Kafka failure in it parks the order, the retry e-mails once', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(twoLines());
    h.facts.set('2001', { orderNo: '2001' } as never);
    h.producer.failNext(1, new Error('broker unavailable'));
    await h.dispatch.submit(buildOrderDispatches('2001', [d1]));
    await h.dispatch.drain();
    expect(h.dispatch.parked.get('2001')?.lastError).toBe('Error');

    h.clock.now = nextAt(h);
    await h.dispatch.retryDue();
    expect(h.dispatch.parked.has('2001')).toBe(false);
    expect(h.sfcc.emailsPerEvent().get('D1')).toBe(1);
    expect(h.sfcc.orders.get('2001')?.shippingStatus).toBe('part_shipped');
  });
});
