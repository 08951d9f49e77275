import { TOPICS } from '@wair-sfcc/contracts';
import { UpstreamCallError, type SfccOrder } from '@wair-sfcc/order-domain';
import { buildSfccOrder } from '@wair-sfcc/order-domain/testing';
import { createBridgeHarness, T0 } from './testing/bridge-harness';

const PERSONAL = [
  'Ada',
  'Lovelace',
  'ada@example.org',
  'Babbage',
  'Analytical Row',
  'Difference Engine',
  '7946',
];

describe('order capture loop (fakes, injected clock)', () => {
  it('captures, sends in one batch cycle, records acceptance and marks the orders exported', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(
      buildSfccOrder('1002', [{ productId: 'SKU-2', quantity: 2 }], {
        creationDate: '2026-11-01T10:01:00.000Z',
      }),
    );
    h.sfcc.add(
      buildSfccOrder('1001', [{ productId: 'SKU-1', quantity: 1 }], {
        creationDate: '2026-11-01T10:00:00.000Z',
      }),
    );

    const summary = await h.capture.runRound();

    expect(summary).toMatchObject({ listed: 2, accepted: 2, rejected: 0, malformed: 0, deferred: 0 });
    expect(h.wair.calls).toEqual(['startBatch', 'postSales', 'postStockNotForReplenishment', 'stopBatch']);
    expect([...h.wair.sales.keys()]).toEqual(['1001', '1002']);
    expect(h.wair.sales.get('1001')?.customer.email).toBe('ada@example.org');
    expect(h.wair.allocations.get('1002-item-1')).toMatchObject({ quantity: 2, locationCode: 'WEB01' });
    const states = h.recordsOn(TOPICS.sfccOrders).map((r) => [r.key, (r.value as { state: string }).state]);
    expect(states).toEqual([
      ['1001', 'CAPTURED'],
      ['1002', 'CAPTURED'],
      ['1001', 'ACCEPTED_BY_WAIR'],
      ['1002', 'ACCEPTED_BY_WAIR'],
    ]);
    expect(h.fact('1001')).toMatchObject({
      acceptedAt: T0,
      createdAt: Date.parse('2026-11-01T10:00:00.000Z'),
    });
    expect(h.sfcc.orders.get('1001')?.exportStatus).toBe('exported');
    expect(h.sfcc.orders.get('1002')?.exportStatus).toBe('exported');
  });

  it('never writes personal data to Kafka or the logs', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(buildSfccOrder('1001'));
    h.sfcc.add(buildSfccOrder('1002', [{ productId: '', quantity: 0 }]));
    await h.capture.runRound();
    const kafka = JSON.stringify(h.producer.records);
    const logs = h.logs.lines().join('\n');
    expect(h.producer.records.length).toBeGreaterThan(2);
    for (const word of PERSONAL) {
      expect(kafka).not.toContain(word);
      expect(logs).not.toContain(word);
    }
  });

  it('a WAIR rejection publishes REJECTED, raises ORDER_NOT_ACCEPTED for OPS and sets export status failed', async () => {
    const h = createBridgeHarness();
    h.wair.refuseWhen((sale) => (sale.id === '1002' ? 'lines[0].skuCode: unknown SKU' : undefined));
    h.sfcc.add(buildSfccOrder('1001'));
    h.sfcc.add(buildSfccOrder('1002', [{ productId: 'NOPE', quantity: 1 }]));

    const summary = await h.capture.runRound();

    expect(summary).toMatchObject({ accepted: 1, rejected: 1 });
    expect(h.fact('1002')).toMatchObject({
      state: 'REJECTED',
      rejectionReason: 'lines[0].skuCode: unknown SKU',
    });
    expect(h.exception('ORDER_NOT_ACCEPTED:1002')).toMatchObject({
      owner: 'OPS',
      state: 'OPEN',
      subject: '1002',
    });
    expect(h.sfcc.orders.get('1002')?.exportStatus).toBe('failed');
    expect(h.sfcc.orders.get('1001')?.exportStatus).toBe('exported');

    // Ops corrects the order and sets it ready again: it is resent, accepted, the exception resolves.
    h.wair.refuseWhen(() => undefined);
    h.sfcc.orders.set('1002', { ...(h.sfcc.orders.get('1002') as SfccOrder), exportStatus: 'ready' });
    h.clock.now += 60_000;
    await h.capture.runRound();
    expect(h.fact('1002')?.state).toBe('ACCEPTED_BY_WAIR');
    expect(h.exception('ORDER_NOT_ACCEPTED:1002')).toMatchObject({
      state: 'RESOLVED',
      resolvedAt: T0 + 60_000,
    });
  });

  it("stamps acceptedAt with WAIR's reservation time, not when the answer came back", async () => {
    const h = createBridgeHarness();
    // WAIR reserves at once but answers 4 s later: a WAIR figure from inside those 4 s already
    // holds the reservation, so the order must count as accepted from the post on.
    h.wair.whilePosting(() => (h.clock.now += 4_000));
    h.sfcc.add(buildSfccOrder('1001'));
    await h.capture.runRound();
    expect(h.fact('1001')).toMatchObject({ state: 'ACCEPTED_BY_WAIR', acceptedAt: T0 });
  });

  it('falls back to the time the sale was posted when WAIR gives no reservation time', async () => {
    const h = createBridgeHarness({ wairWithoutTimes: true });
    h.wair.whilePosting(() => (h.clock.now += 4_000));
    h.sfcc.add(buildSfccOrder('1001'));
    await h.capture.runRound();
    expect(h.fact('1001')).toMatchObject({ state: 'ACCEPTED_BY_WAIR', acceptedAt: T0 });
  });

  it('a rejected order that Ops cancels instead settles its ORDER_NOT_ACCEPTED', async () => {
    const h = createBridgeHarness();
    h.wair.refuseWhen(() => 'lines[0].skuCode: unknown SKU');
    h.sfcc.add(buildSfccOrder('1002', [{ productId: 'NOPE', quantity: 1 }]));
    await h.capture.runRound();
    expect(h.exception('ORDER_NOT_ACCEPTED:1002')?.state).toBe('OPEN');

    h.sfcc.cancel('1002');
    h.clock.now += 60_000;
    await h.capture.runRound();
    expect(h.fact('1002')?.state).toBe('CANCELLED');
    expect(h.exception('ORDER_NOT_ACCEPTED:1002')).toMatchObject({
      state: 'RESOLVED',
      resolvedAt: T0 + 60_000,
    });
    expect(h.wair.sales.size).toBe(0);
  });

  it('a malformed order raises an exception with field paths and blocks nothing else', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(
      buildSfccOrder('1001', [{ productId: 'SKU-1', quantity: 1 }], {
        creationDate: '2026-11-01T09:00:00.000Z',
      }),
    );
    h.sfcc.add(
      buildSfccOrder(
        '1002',
        [
          { productId: '', quantity: 1 },
          { productId: 'SKU-3', quantity: 0 },
        ],
        {
          creationDate: '2026-11-01T09:30:00.000Z',
        },
      ),
    );
    h.sfcc.add(
      buildSfccOrder('1003', [{ productId: 'SKU-4', quantity: 1 }], {
        creationDate: '2026-11-01T10:00:00.000Z',
      }),
    );

    const summary = await h.capture.runRound();

    expect(summary).toMatchObject({ accepted: 2, malformed: 1 });
    expect([...h.wair.sales.keys()].sort()).toEqual(['1001', '1003']);
    const ex = h.exception('ORDER_NOT_ACCEPTED:1002');
    expect(ex).toMatchObject({ owner: 'OPS', state: 'OPEN', severity: 'HIGH' });
    expect(ex?.data['fields']).toBe('productItems[0].productId,productItems[1].quantity');
    expect(ex?.detail).toContain('productItems[1].quantity');
    expect(h.fact('1002')).toMatchObject({ state: 'REJECTED', lines: [] });
    expect(h.sfcc.orders.get('1002')?.exportStatus).toBe('failed');
    // Off the ready list: the next round does not report it again.
    await h.capture.runRound();
    expect(h.recordsOn(TOPICS.integrationExceptions)).toHaveLength(1);
  });

  it('an order cancelled before WAIR accepted it is never sent', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(buildSfccOrder('1001', undefined, { status: 'cancelled' }));
    const summary = await h.capture.runRound();
    expect(summary.cancelled).toBe(1);
    expect(h.wair.calls).toEqual([]);
    expect(h.fact('1001')?.state).toBe('CANCELLED');
    expect(h.sfcc.orders.get('1001')?.exportStatus).toBe('not_exported');
  });

  it('a cancellation after acceptance is forwarded to WAIR as a negative sale and releases the allocation', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(buildSfccOrder('1001', [{ productId: 'SKU-1', quantity: 3 }]));
    await h.capture.runRound();
    expect(h.sfcc.orders.get('1001')?.exportStatus).toBe('exported');

    h.clock.now += 3_600_000;
    h.sfcc.cancel('1001');
    const summary = await h.capture.runRound();

    expect(summary.cancelled).toBe(1);
    const reversal = h.wair.sales.get('1001-CANCEL');
    expect(reversal).toMatchObject({ saleType: 'ONLINE_CANCELLATION', originalSaleId: '1001' });
    expect(reversal?.lines.map((l) => l.quantity)).toEqual([-3]);
    expect(h.wair.sales.get('1001')?.lines[0]?.quantity).toBe(3);
    expect(h.wair.allocations.get('1001-item-1')?.quantity).toBe(0);
    expect(h.fact('1001')).toMatchObject({ state: 'CANCELLED', acceptedAt: T0 });
    // Seen again by later rounds: forwarded once only.
    await h.capture.runRound();
    expect(h.wair.posts.get('1001-CANCEL')).toBe(1);
  });

  describe('crash between steps, then a restarted process', () => {
    const sigkill = () => new Error('SIGKILL');

    it('after CAPTURED, before WAIR: the restart sends it once', async () => {
      const h = createBridgeHarness();
      h.sfcc.add(buildSfccOrder('1001'));
      h.wair.failWith((op) => (op === 'startBatch' ? (sigkill() as UpstreamCallError) : undefined));
      await h.capture.runRound();
      expect(h.fact('1001')?.state).toBe('CAPTURED');
      h.wair.failWith(() => undefined);

      const r = h.restart();
      await r.capture.runRound();
      expect(r.wair.posts.get('1001')).toBe(1);
      expect(r.fact('1001')?.state).toBe('ACCEPTED_BY_WAIR');
      expect(r.sfcc.orders.get('1001')?.exportStatus).toBe('exported');
    });

    it('after WAIR accepted, before ACCEPTED_BY_WAIR was on Kafka: resent as an upsert, still one sale', async () => {
      const h = createBridgeHarness();
      h.sfcc.add(buildSfccOrder('1001'));
      const send = h.producer.send.bind(h.producer);
      h.producer.send = async (topic, key, value, headers) => {
        if ((value as { state?: string } | null)?.state === 'ACCEPTED_BY_WAIR') throw sigkill();
        return send(topic, key, value, headers);
      };
      await h.capture.runRound();
      expect(h.wair.sales.has('1001')).toBe(true);
      expect(h.fact('1001')?.state).toBe('CAPTURED');
      h.producer.send = send;

      h.clock.now += 10_000;
      const r = h.restart();
      await r.capture.runRound();
      expect(r.wair.sales.size).toBe(1);
      expect(r.wair.posts.get('1001')).toBe(2);
      // WAIR's figures have held the sale since the first post: a later acceptedAt would make the
      // writer subtract it a second time from them.
      expect(r.fact('1001')).toMatchObject({ state: 'ACCEPTED_BY_WAIR', acceptedAt: T0 });
      expect(
        r
          .recordsOn(TOPICS.sfccOrders)
          .filter((x) => (x.value as { state: string }).state === 'ACCEPTED_BY_WAIR'),
      ).toHaveLength(1);
      expect(r.sfcc.orders.get('1001')?.exportStatus).toBe('exported');
    });

    it('after ACCEPTED_BY_WAIR, before export status: the restart only sets the export status', async () => {
      const h = createBridgeHarness();
      h.sfcc.add(buildSfccOrder('1001'));
      h.sfcc.failWith((op) =>
        op === 'updateExportStatus'
          ? new UpstreamCallError('SFCC', op, 503, true, 'load shedding')
          : undefined,
      );
      await h.capture.runRound();
      expect(h.fact('1001')?.state).toBe('ACCEPTED_BY_WAIR');
      expect(h.sfcc.orders.get('1001')?.exportStatus).toBe('ready');
      h.sfcc.failWith(() => undefined);

      const r = h.restart();
      r.wair.calls.length = 0;
      await r.capture.runRound();
      expect(r.wair.calls).toEqual([]);
      expect(r.wair.posts.get('1001')).toBe(1);
      expect(r.sfcc.orders.get('1001')?.exportStatus).toBe('exported');
      // Setting it again is harmless: a later round finds nothing ready and writes nothing.
      const writes = r.sfcc.writes.length;
      await r.capture.runRound();
      expect(r.sfcc.writes.length).toBe(writes);
    });
  });

  it('an export status SFCC refuses (409, someone moved the order on) does not hold the order back', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(buildSfccOrder('1001'));
    h.sfcc.failWith((op) =>
      op === 'updateExportStatus' ? new UpstreamCallError('SFCC', op, 409, false, 'transition') : undefined,
    );
    const summary = await h.capture.runRound();
    expect(summary).toMatchObject({ accepted: 1, deferred: 0 });
    expect(
      h.logs.entries().some((e) => e['msg'] === 'export status not changed: SFCC refused the transition'),
    ).toBe(true);
  });

  it('a WAIR outage leaves the orders for the next round and closes the batch it opened', async () => {
    const h = createBridgeHarness();
    h.sfcc.add(buildSfccOrder('1001'));
    h.wair.failWith((op) =>
      op === 'postSales' ? new UpstreamCallError('WAIR', op, 503, true, 'down') : undefined,
    );
    const first = await h.capture.runRound();
    expect(first).toMatchObject({ accepted: 0, deferred: 1 });
    expect(h.wair.isBatchOpen()).toBe(false);
    expect(h.sfcc.orders.get('1001')?.exportStatus).toBe('ready');
    h.wair.failWith(() => undefined);
    const second = await h.capture.runRound();
    expect(second).toMatchObject({ accepted: 1, deferred: 0 });
  });

  it('pages through more ready orders than one page, oldest first, one WAIR cycle per page', async () => {
    const h = createBridgeHarness({ pageSize: 2 });
    for (let i = 5; i >= 1; i -= 1)
      h.sfcc.add(buildSfccOrder(`100${i}`, undefined, { creationDate: `2026-11-01T10:0${i}:00.000Z` }));
    const summary = await h.capture.runRound();
    expect(summary).toMatchObject({ listed: 5, accepted: 5 });
    expect(h.wair.calls.filter((c) => c === 'startBatch')).toHaveLength(3);
    expect(
      h
        .recordsOn(TOPICS.sfccOrders)
        .filter((r) => (r.value as { state: string }).state === 'CAPTURED')
        .map((r) => r.key),
    ).toEqual(['1001', '1002', '1003', '1004', '1005']);
  });

  it("publishes a page's CAPTURED facts side by side, all before the WAIR cycle starts", async () => {
    const h = createBridgeHarness();
    for (let i = 1; i <= 4; i += 1) h.sfcc.add(buildSfccOrder(`100${i}`));
    const send = h.producer.send.bind(h.producer);
    let inFlight = 0;
    let most = 0;
    const waiting: Array<() => void> = [];
    h.producer.send = async (topic, key, value, headers) => {
      if ((value as { state?: string } | null)?.state !== 'CAPTURED') return send(topic, key, value, headers);
      inFlight += 1;
      most = Math.max(most, inFlight);
      // Each broker round trip ends only once every fact of the page has been handed over.
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === 4) for (const go of waiting.splice(0)) go();
      });
      expect(h.wair.calls).toEqual([]);
      inFlight -= 1;
      return send(topic, key, value, headers);
    };
    const summary = await h.capture.runRound();
    expect(most).toBe(4);
    expect(summary).toMatchObject({ listed: 4, accepted: 4, deferred: 0 });
  });
});
