import { buildOrderFact, buildProduct, buildStockLevel } from '@wair-sfcc/audit-rules/testing';
import type { InventoryReader } from '@wair-sfcc/sfcc-client';
import { createAuditorHarness } from '../testing/auditor-harness';
import { createSkuLookup } from './sku-lookup';

describe('SKU look-up', () => {
  it('reads the SFCC record per list and reports the expected allocation with in-flight units', async () => {
    const h = createAuditorHarness('inventory_m:WEB01;inventory_s:ST01');
    h.put('products', 'A', buildProduct('A'));
    h.put('stock', 'A', buildStockLevel('A', 10_000, 4, 12));
    h.put(
      'orders',
      'O1',
      buildOrderFact('O1', {
        createdAt: 5_000,
        lines: [{ itemId: 'i', sku: 'A', quantity: 3, inventoryListId: 'inventory_m' }],
      }),
    );
    const reader: InventoryReader = {
      readPage: async () => ({ records: [], total: 0 }),
      async readOne(list, id) {
        if (list === 'inventory_s') throw new Error('SFCC answered 503');
        return {
          inventoryListId: list,
          productId: id,
          allocation: 9,
          resetDate: 10_000,
          ats: 8,
          stockLevel: 8,
          turnover: 1,
          perpetual: false,
          lastModified: null,
        };
      },
    };
    const view = await createSkuLookup({ tables: h.tables, model: h.model, book: h.book, reader })('A');
    expect(
      view?.lists.map((l) => [
        l.inventoryListId,
        l.expected?.allocation,
        l.expected?.inFlight,
        l.sfccRecord?.allocation ?? null,
        l.sfccError ?? null,
      ]),
    ).toEqual([
      ['inventory_m', 9, 3, 9, null],
      ['inventory_s', 0, 0, null, 'SFCC answered 503'],
    ]);
    expect(view?.inFlightOrders).toEqual([
      { orderNo: 'O1', createdAt: 5_000, state: 'CAPTURED', units: 3, inventoryListId: 'inventory_m' },
    ]);
    expect(
      await createSkuLookup({ tables: h.tables, model: h.model, book: h.book })('UNKNOWN'),
    ).toBeUndefined();
  });
});
