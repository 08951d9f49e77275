import type { InventoryRecordWrite } from '@wair-sfcc/sfcc-client';
import { createInMemoryInventoryWriter } from '@wair-sfcc/sfcc-client/testing';
import { createPipelineHarness, figure, T0 } from './testing/pipeline-harness';

const stateOf = (h: ReturnType<typeof createPipelineHarness>, list: string, sku: string) =>
  h.fakeWriter.state.get(`${list}\u0000${sku}`);

describe('inventory pipeline (fakes, no Kafka)', () => {
  it('writes the allocation per list with reset_date = asOf and reports OK, then frees the offset', async () => {
    const h = createPipelineHarness({ lists: 'web:WEB01+DC01;stores:ST01', skus: ['A'] });
    h.workers.start();
    try {
      const offset = await h.feed(figure('A', 100, { WEB01: 2, DC01: 5, ST01: 4 }));
      await h.drain();
      expect(stateOf(h, 'web', 'A')).toMatchObject({ allocation: 7, resetDate: T0 + 100 });
      expect(stateOf(h, 'stores', 'A')).toMatchObject({ allocation: 4, resetDate: T0 + 100 });
      const row = h.syncRows().get('A');
      expect(
        row?.lists.map((l) => [l.inventoryListId, l.outcome, l.allocation, l.sourceAsOf, l.channel]),
      ).toEqual([
        ['web', 'OK', 7, T0 + 100, 'OCAPI'],
        ['stores', 'OK', 4, T0 + 100, 'OCAPI'],
      ]);
      expect(h.pipeline.offsets.committable()).toEqual([
        { topic: 'wair.stock.v1', partition: 0, offset: String(offset + 1) },
      ]);
    } finally {
      await h.workers.stop();
    }
  });

  it('subtracts in-flight orders and buffers', async () => {
    const h = createPipelineHarness({ skus: ['A'], buffers: 'global=1' });
    h.orders.apply({
      orderNo: 'o1',
      siteId: 'RefArch',
      createdAt: T0 + 50,
      lines: [{ itemId: '1', sku: 'A', quantity: 2, inventoryListId: 'web' }],
      state: 'CAPTURED',
      capturedAt: T0 + 60,
      acceptedAt: null,
      rejectionReason: null,
      orderTotal: null,
      currency: 'EUR',
    });
    h.workers.start();
    try {
      await h.feed(figure('A', 100, { DC01: 10 }));
      await h.drain();
      expect(stateOf(h, 'web', 'A')?.allocation).toBe(7);
    } finally {
      await h.workers.stop();
    }
  });

  it('coalesces a burst: at most one write per key, final values newest, stock-outs first', async () => {
    const h = createPipelineHarness({ skus: ['S0', 'S1', 'S2', 'S3', 'OUT'], batchSize: 2 });
    // Seed SFCC with stock for OUT so its drop to zero is a stock-out (class 0).
    h.workers.start();
    await h.feed(figure('OUT', 1, { DC01: 9 }));
    await h.drain();
    await h.workers.stop();
    h.fakeWriter.calls.length = 0;
    for (let i = 2; i < 400; i += 1) await h.feed(figure(`S${i % 4}`, i, { DC01: 5 + (i % 7) }));
    await h.feed(figure('OUT', 500, { DC01: 0 }));
    h.workers.start();
    try {
      await h.drain();
      const writes = h.fakeWriter.calls.flat();
      expect(writes.length).toBe(5);
      expect(writes[0]).toMatchObject({ productId: 'OUT', allocation: 0 });
      for (let s = 0; s < 4; s += 1) {
        const last = [...Array(400).keys()].filter((i) => i >= 2 && i % 4 === s).pop() as number;
        expect(stateOf(h, 'web', `S${s}`)).toMatchObject({
          allocation: 5 + (last % 7),
          resetDate: T0 + last,
        });
      }
      expect(h.pipeline.offsets.heldCount()).toBe(0);
    } finally {
      await h.workers.stop();
    }
  });

  it('raises SKU_MISMATCH with the reason, reports SKU_NOT_IN_CATALOG, and lets the rest proceed', async () => {
    const h = createPipelineHarness({ skus: ['GOOD'] });
    h.catalog.set('PARENT', { type: 'MASTER', online: true, masterId: null });
    h.workers.start();
    try {
      await h.feed(figure('MISSING', 1, { DC01: 3 }));
      await h.feed(figure('PARENT', 2, { DC01: 3 }));
      await h.feed(figure('GOOD', 3, { DC01: 3 }));
      await h.drain();
      expect(h.fakeWriter.calls.flat().map((w) => w.productId)).toEqual(['GOOD']);
      const exceptions = h.exceptions();
      expect(exceptions.map((e) => [e.id, e.owner, e.data['reason']])).toEqual([
        ['SKU_MISMATCH:MISSING', 'MERCH', 'NOT_IN_CATALOG'],
        ['SKU_MISMATCH:PARENT', 'MERCH', 'NOT_A_VARIANT'],
      ]);
      expect(exceptions[1]?.detail).toMatch(/master/);
      expect(h.syncRows().get('MISSING')?.lists[0]).toMatchObject({
        outcome: 'SKU_NOT_IN_CATALOG',
        allocation: 3,
      });
      expect(h.pipeline.offsets.heldCount()).toBe(0);
    } finally {
      await h.workers.stop();
    }
  });

  it('reports REJECTED, retries retriable failures (per record and whole call) and never drops', async () => {
    const writer = createInMemoryInventoryWriter();
    let flaky = 2;
    writer.setOutcome((w: InventoryRecordWrite) =>
      w.productId === 'BAD'
        ? {
            status: 'REJECTED',
            httpStatus: 400,
            faultType: 'PropertyConstraintViolationException',
            retriable: false,
          }
        : w.productId === 'FLAKY' && flaky-- > 0
          ? { status: 'FAILED', httpStatus: 503, retriable: true }
          : undefined,
    );
    writer.failNextCalls(1, Object.assign(new Error('socket hang up'), { retriable: true }));
    const h = createPipelineHarness({ skus: ['BAD', 'FLAKY', 'OK'], writer });
    h.workers.start();
    try {
      await h.feed(figure('BAD', 1, { DC01: 3 }));
      await h.feed(figure('FLAKY', 2, { DC01: 4 }));
      await h.feed(figure('OK', 3, { DC01: 5 }));
      await h.drain();
      expect(h.syncRows().get('BAD')?.lists[0]).toMatchObject({ outcome: 'REJECTED' });
      expect(h.syncRows().get('BAD')?.lists[0]?.error).toContain('PropertyConstraintViolationException');
      expect(h.syncRows().get('FLAKY')?.lists[0]).toMatchObject({ outcome: 'OK', allocation: 4 });
      expect(writer.state.get('web\u0000OK')?.allocation).toBe(5);
      expect(h.pipeline.offsets.heldCount()).toBe(0);
    } finally {
      await h.workers.stop();
    }
  });

  it('holds offsets of pending figures: commits only up to the lowest one not yet written', async () => {
    const h = createPipelineHarness({ skus: ['A', 'B'] });
    await h.feed(figure('A', 1, { DC01: 1 }));
    await h.feed(figure('B', 2, { DC01: 1 }));
    await h.feed(figure('A', 3, { DC01: 2 })); // replaces offset 0: A is now held at offset 2
    expect(h.pipeline.offsets.committable()).toEqual([{ topic: 'wair.stock.v1', partition: 0, offset: '1' }]);
    h.workers.start();
    try {
      await h.drain();
      expect(h.pipeline.offsets.committable()).toEqual([
        { topic: 'wair.stock.v1', partition: 0, offset: '3' },
      ]);
    } finally {
      await h.workers.stop();
    }
  });

  it('rebuilds the monotonic guard from sync rows: an older figure is never written', async () => {
    const h = createPipelineHarness({ skus: ['A'] });
    h.pipeline.applySyncRow({
      sku: 'A',
      lists: [
        {
          inventoryListId: 'web',
          allocation: 9,
          resetDate: T0 + 50,
          sourceAsOf: T0 + 50,
          sourceSequence: 50,
          writtenAt: T0 + 60,
          outcome: 'OK',
          error: null,
          priority: 1,
          channel: 'OCAPI',
        },
      ],
    });
    h.workers.start();
    try {
      await h.feed(figure('A', 40, { DC01: 1 }));
      await h.feed(figure('A', 50, { DC01: 1 }));
      await h.drain();
      expect(h.fakeWriter.calls).toEqual([]);
      await h.feed(figure('A', 51, { DC01: 0 }));
      await h.drain();
      expect(h.fakeWriter.calls.flat()).toEqual([
        { inventoryListId: 'web', productId: 'A', allocation: 0, resetDate: T0 + 51 },
      ]);
      expect(h.syncRows().get('A')?.lists[0]?.priority).toBe(0);
    } finally {
      await h.workers.stop();
    }
  });

  it('full refresh writes only differences through IMPEX, or everything when forced', async () => {
    const h = createPipelineHarness({ skus: ['A', 'B', 'C'] });
    h.workers.start();
    await h.feed(figure('A', 1, { DC01: 1 }));
    await h.feed(figure('B', 2, { DC01: 2 }));
    await h.drain();
    await h.workers.stop();
    h.stockTable.set('C', figure('C', 3, { DC01: 3 }));
    h.catalog.set('C', { type: 'VARIANT', online: true, masterId: 'M' });
    const diff = await h.fullRefresh.start({}).done;
    expect(h.importer.imports.map((i) => i.records.map((r) => r.productId))).toEqual([['C']]);
    expect(diff.lists['web']).toMatchObject({ sent: 1, unchanged: 2, ok: 1 });
    const forced = await h.fullRefresh.start({ force: true }).done;
    expect(h.importer.imports[1]?.records.map((r) => r.productId).sort()).toEqual(['A', 'B', 'C']);
    expect(forced.lists['web']).toMatchObject({ sent: 3, ok: 3 });
    expect(h.syncRows().get('C')?.lists[0]).toMatchObject({ outcome: 'OK', channel: 'IMPEX', priority: 3 });
  });

  it('re-writes a figure already in SFCC when an order it did not know of arrives (same reset date)', async () => {
    const h = createPipelineHarness({ skus: ['A'] });
    h.workers.start();
    try {
      await h.feed(figure('A', 100, { DC01: 10 }));
      await h.drain();
      expect(stateOf(h, 'web', 'A')).toMatchObject({ allocation: 10, resetDate: T0 + 100 });
      const fact = {
        orderNo: 'late',
        siteId: 'RefArch',
        createdAt: T0 + 90,
        lines: [{ itemId: '1', sku: 'A', quantity: 4, inventoryListId: 'web' }],
        state: 'CAPTURED' as const,
        capturedAt: T0 + 200,
        acceptedAt: null,
        rejectionReason: null,
        orderTotal: null,
        currency: 'EUR',
      };
      h.orders.apply(fact);
      h.pipeline.orderChanged(fact.lines);
      await h.drain();
      expect(stateOf(h, 'web', 'A')).toMatchObject({ allocation: 6, resetDate: T0 + 100 });
      // Nothing changes when the same fact is seen again.
      h.pipeline.orderChanged(fact.lines);
      await h.drain();
      expect(h.fakeWriter.calls.flat()).toHaveLength(2);
    } finally {
      await h.workers.stop();
    }
  });

  it('writes the newest figure of a SKU once the catalog makes it sellable', async () => {
    const h = createPipelineHarness({ skus: [] });
    h.workers.start();
    try {
      await h.feed(figure('NEW', 5, { DC01: 4 }));
      await h.drain();
      expect(h.fakeWriter.calls).toEqual([]);
      h.catalog.set('NEW', { type: 'VARIANT', online: true, masterId: 'M' });
      h.pipeline.catalogChanged('NEW');
      await h.drain();
      expect(stateOf(h, 'web', 'NEW')).toMatchObject({ allocation: 4, resetDate: T0 + 5 });
      expect(h.pipeline.offsets.heldCount()).toBe(0);
    } finally {
      await h.workers.stop();
    }
  });
});
