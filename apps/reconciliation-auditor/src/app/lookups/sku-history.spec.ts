import { buildStockLevel, buildSync } from '@wair-sfcc/audit-rules/testing';
import { createSkuHistory } from './sku-history';

describe('createSkuHistory', () => {
  it('keeps WAIR figures and SFCC writes of a SKU, newest first', () => {
    const h = createSkuHistory();
    h.onStock('A', buildStockLevel('A', 1_000, 1, 5));
    h.onSync(
      'A',
      buildSync('A', [{ inventoryListId: 'inv', allocation: 5, sourceAsOf: 1_000, writtenAt: 2_000 }]),
    );
    h.onStock('A', buildStockLevel('A', 3_000, 2, 4));
    expect(h.of('A')).toEqual([
      expect.objectContaining({ kind: 'WAIR_FIGURE', at: 3_000, available: 4, sourceSequence: 2 }),
      expect.objectContaining({
        kind: 'SFCC_WRITE',
        at: 2_000,
        inventoryListId: 'inv',
        allocation: 5,
        outcome: 'OK',
        sourceAsOf: 1_000,
      }),
      expect.objectContaining({
        kind: 'WAIR_FIGURE',
        at: 1_000,
        locations: [{ locationCode: 'WEB01', available: 5 }],
      }),
    ]);
    expect(h.of('B')).toEqual([]);
  });

  it('does not repeat a list whose last write a newer sync record carries again, nor a replayed figure', () => {
    const h = createSkuHistory();
    h.onSync('A', buildSync('A', [{ inventoryListId: 'a', writtenAt: 1_000 }]));
    h.onSync(
      'A',
      buildSync('A', [
        { inventoryListId: 'a', writtenAt: 1_000 },
        { inventoryListId: 'b', writtenAt: 2_000, outcome: 'FAILED', error: 'HTTP 500' },
      ]),
    );
    h.onStock('A', buildStockLevel('A', 500, 3));
    h.onStock('A', buildStockLevel('A', 500, 3));
    expect(h.of('A').map((c) => `${c.kind}@${c.at}`)).toEqual([
      'SFCC_WRITE@2000',
      'SFCC_WRITE@1000',
      'WAIR_FIGURE@500',
    ]);
    expect(h.of('A')[0]).toMatchObject({ outcome: 'FAILED', error: 'HTTP 500' });
  });

  it('is bounded: a ring per SKU and the least recently changed SKU forgotten first', () => {
    const h = createSkuHistory({ maxSkus: 2, perSku: 3 });
    for (let i = 1; i <= 5; i += 1) h.onStock('A', buildStockLevel('A', i * 1_000, i));
    expect(h.of('A').map((c) => c.at)).toEqual([5_000, 4_000, 3_000]);
    h.onStock('B', buildStockLevel('B', 1_000));
    h.onStock('A', buildStockLevel('A', 6_000, 6)); // A is now the most recently changed
    h.onStock('C', buildStockLevel('C', 1_000));
    expect(h.size()).toBe(2);
    expect(h.of('B')).toEqual([]);
    expect(h.of('A')).toHaveLength(3);
    expect(h.of('C')).toHaveLength(1);
  });
});
