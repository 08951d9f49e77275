import { UpstreamCallError, type WairSale } from '@wair-sfcc/order-domain';
import { createInMemoryWairSales } from './in-memory-wair-sales.fake';

const sale = (id: string, skuCode = 'SKU-1') => ({ id, lines: [{ skuCode, quantity: 1 }] }) as WairSale;

describe('createInMemoryWairSales', () => {
  it('enforces the batch, upserts by id and applies the reject rule', async () => {
    const wair = createInMemoryWairSales({
      reject: (s) => (s.lines[0]?.skuCode === 'NOPE' ? 'lines[0].skuCode: unknown SKU' : undefined),
    });
    await expect(wair.postSales([sale('O1')])).rejects.toMatchObject({ status: 409, retriable: true });
    await wair.startBatch();
    const results = await wair.postSales([sale('O1'), sale('O1'), sale('O2', 'NOPE')]);
    expect(results.map((r) => r.accepted)).toEqual([true, true, false]);
    expect([...wair.sales.keys()]).toEqual(['O1']);
    expect(wair.acceptedPosts.get('O1')).toBe(2);
    await wair.postStockNotForReplenishment({
      fullLoad: true,
      records: [{ id: 'O1-1', orderNumber: 'O1', skuCode: 'SKU-1', locationCode: 'WEB01', quantity: 1 }],
    });
    expect(wair.stockNotForReplenishment.size).toBe(1);
    await wair.stopBatch();
    expect(wair.batchOpen()).toBe(false);
    await expect(wair.stopBatch()).rejects.toBeInstanceOf(UpstreamCallError);
  });

  it('answers the first acceptance time on repeats when given a clock', async () => {
    let now = 1_000;
    const wair = createInMemoryWairSales({ clock: () => now });
    await wair.startBatch();
    await wair.postSales([sale('O1')]);
    now = 5_000;
    const [again, fresh] = await wair.postSales([sale('O1'), sale('O2')]);
    expect(again).toEqual({ id: 'O1', accepted: true, reservedAt: 1_000 });
    expect(fresh).toEqual({ id: 'O2', accepted: true, reservedAt: 5_000 });
  });

  it('throws queued failures first', async () => {
    const wair = createInMemoryWairSales();
    const boom = new UpstreamCallError('WAIR', 'startBatch', 503, true, 'down');
    wair.failNext('startBatch', boom);
    await expect(wair.startBatch()).rejects.toBe(boom);
    await wair.startBatch();
    wair.expireBatch();
    await expect(wair.postSales([])).rejects.toMatchObject({ status: 409 });
  });
});
