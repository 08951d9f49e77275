import type { OrderFact } from '@wair-sfcc/contracts';
import { InFlightOrderIndex } from './in-flight-order-index';

const T = 1_800_000_000_000;
const fact = (orderNo: string, over: Partial<OrderFact> = {}): OrderFact => ({
  orderNo,
  siteId: 'RefArch',
  createdAt: T,
  lines: [
    { itemId: '1', sku: 'A', quantity: 2, inventoryListId: 'web' },
    { itemId: '2', sku: 'A', quantity: 1, inventoryListId: 'web' },
    { itemId: '3', sku: 'B', quantity: 5, inventoryListId: 'stores' },
  ],
  state: 'CAPTURED',
  capturedAt: T + 10,
  acceptedAt: null,
  rejectionReason: null,
  orderTotal: null,
  currency: 'EUR',
  ...over,
});

describe('InFlightOrderIndex', () => {
  it('sums lines per (list, SKU) and follows the order through its states', () => {
    const index = new InFlightOrderIndex();
    index.apply(fact('o1'));
    expect(index.inFlight('web', 'A', T)).toBe(3);
    expect(index.inFlight('stores', 'B', T)).toBe(5);
    expect(index.inFlight('web', 'B', T)).toBe(0);
    expect(index.inFlight('web', 'A', T - 1)).toBe(0);
    index.apply(fact('o1', { state: 'ACCEPTED_BY_WAIR', acceptedAt: T + 100 }));
    expect(index.inFlight('web', 'A', T + 50)).toBe(3);
    expect(index.inFlight('web', 'A', T + 100)).toBe(0);
    index.apply(fact('o1', { state: 'CANCELLED' }));
    expect(index.inFlight('web', 'A', T + 50)).toBe(0);
    expect(index.size()).toBe(0);
  });

  it('treats an accepted order without acceptedAt as accepted at capture', () => {
    const index = new InFlightOrderIndex();
    index.apply(fact('o1', { state: 'ACCEPTED_BY_WAIR' }));
    expect(index.inFlight('web', 'A', T + 5)).toBe(3);
    expect(index.inFlight('web', 'A', T + 10)).toBe(0);
  });

  it('forgets tombstoned orders and lists the lines of an order', () => {
    const index = new InFlightOrderIndex();
    index.apply(fact('o1'));
    expect(index.linesOf('o1')).toEqual([
      { inventoryListId: 'web', sku: 'A' },
      { inventoryListId: 'stores', sku: 'B' },
    ]);
    index.remove('o1');
    expect(index.inFlight('web', 'A', T)).toBe(0);
  });

  it('keeps memory bounded: prunes old closed and open orders, caps the count', () => {
    const index = new InFlightOrderIndex({ closedRetentionMs: 1000, openRetentionMs: 5000, maxOrders: 3 });
    index.apply(fact('accepted-long-ago', { state: 'ACCEPTED_BY_WAIR', acceptedAt: T }));
    index.apply(fact('open', { createdAt: T }));
    expect(index.prune(T + 2000)).toBe(1);
    expect(index.size()).toBe(1);
    expect(index.prune(T + 6000)).toBe(1);
    for (let i = 0; i < 5; i += 1) index.apply(fact(`o${i}`, { createdAt: T + i }));
    expect(index.size()).toBe(3);
    expect(index.linesOf('o0')).toEqual([]);
    expect(index.linesOf('o4')).not.toEqual([]);
  });
});
