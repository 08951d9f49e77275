import { createOrderStore } from '../storefront/order-store';
import type { InventoryRecordChange } from './inventory-record';
import { createInventoryStore } from './inventory-store';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const at = (minutes: number) => T0 + minutes * 60_000;

function setup(reject = false) {
  let clock = T0;
  const orders = createOrderStore();
  const store = createInventoryStore({
    lists: ['web'],
    now: () => clock,
    turnoverSince: orders.turnoverSince,
    productExists: (id) => id.startsWith('KNOWN'),
    rejectUnknownProducts: reject,
  });
  const order = (minute: number, qty: number, product = 'KNOWN-1') =>
    orders.add({
      orderNo: String(minute),
      creationDate: new Date(at(minute)).toISOString(),
      status: 'new',
      exportStatus: 'ready',
      siteId: 's',
      productItems: [{ itemId: '1', productId: product, quantity: qty, inventoryListId: 'web' }],
      customerInfo: { customerName: 'x', email: 'x@example.com' },
      billingAddress: {
        firstName: '',
        lastName: '',
        address1: '',
        city: '',
        postalCode: '',
        countryCode: 'NL',
      },
      shippingAddress: {
        firstName: '',
        lastName: '',
        address1: '',
        city: '',
        postalCode: '',
        countryCode: 'NL',
      },
      oversold: false,
    });
  return { store, order, setClock: (ms: number) => (clock = ms) };
}

describe('SFCC inventory semantics', () => {
  it.each<{
    name: string;
    write: InventoryRecordChange;
    orders: Array<[number, number]>;
    ats: number;
    stock: number;
    turnover: number;
  }>([
    {
      name: 'no orders',
      write: { allocation: 10, resetDate: at(0) },
      orders: [],
      ats: 10,
      stock: 10,
      turnover: 0,
    },
    {
      name: 'orders after the reset date count',
      write: { allocation: 10, resetDate: at(0) },
      orders: [
        [1, 3],
        [2, 2],
      ],
      ats: 5,
      stock: 5,
      turnover: 5,
    },
    {
      name: 'orders at or before the reset date do not',
      write: { allocation: 10, resetDate: at(5) },
      orders: [
        [4, 3],
        [5, 1],
        [6, 2],
      ],
      ats: 8,
      stock: 8,
      turnover: 2,
    },
    {
      name: 'pre-order allocation adds to ats only',
      write: { allocation: 4, resetDate: at(0), preOrderBackOrderAllocation: 6 },
      orders: [[1, 5]],
      ats: 5,
      stock: 0,
      turnover: 5,
    },
    {
      name: 'never below zero (oversell shows as turnover)',
      write: { allocation: 2, resetDate: at(0) },
      orders: [[1, 5]],
      ats: 0,
      stock: 0,
      turnover: 5,
    },
    {
      name: 'perpetual: turnover is counted but reduces neither ats nor stock level',
      write: { allocation: 3, resetDate: at(0), perpetual: true, preOrderBackOrderAllocation: 2 },
      orders: [
        [1, 4],
        [2, 5],
      ],
      ats: 5,
      stock: 3,
      turnover: 9,
    },
  ])('$name', ({ write, orders, ats, stock, turnover }) => {
    const { store, order } = setup();
    for (const [minute, qty] of orders) order(minute, qty);
    expect(store.put('web', 'KNOWN-1', write, 'ocapi').ok).toBe(true);
    const record = store.get('web', 'KNOWN-1');
    expect(record && store.figures(record)).toEqual({ ats, stockLevel: stock, turnover });
  });

  it.each<{ name: string; change: InventoryRecordChange; error: string }>([
    { name: 'negative allocation', change: { allocation: -1 }, error: 'allocation.amount' },
    {
      name: 'negative pre-order allocation',
      change: { allocation: 1, preOrderBackOrderAllocation: -2 },
      error: 'pre_order_back_order_allocation',
    },
    {
      name: 'older reset date',
      change: { allocation: 1, resetDate: at(-1) },
      error: 'allocation.reset_date',
    },
  ])('rejects $name and keeps the record', ({ change, error }) => {
    const { store } = setup();
    store.put('web', 'KNOWN-1', { allocation: 7, resetDate: at(0) }, 'ocapi');
    const result = store.put('web', 'KNOWN-1', change, 'ocapi');
    expect(result).toMatchObject({ ok: false, error: { kind: 'constraint', property: error } });
    expect(store.get('web', 'KNOWN-1')?.allocation).toBe(7);
    expect(store.history('web', 'KNOWN-1')).toHaveLength(1);
  });

  it('accepts an equal reset date, and PATCH merges while PUT replaces', () => {
    const { store } = setup();
    store.put('web', 'KNOWN-1', { allocation: 7, resetDate: at(0), perpetual: true }, 'ocapi');
    expect(store.patch('web', 'KNOWN-1', { allocation: 3, resetDate: at(0) }, 'batch').ok).toBe(true);
    expect(store.get('web', 'KNOWN-1')).toMatchObject({ allocation: 3, perpetual: true });
    store.put('web', 'KNOWN-1', { allocation: 4, resetDate: at(1) }, 'ocapi');
    expect(store.get('web', 'KNOWN-1')).toMatchObject({ allocation: 4, perpetual: false });
    expect(store.history('web', 'KNOWN-1').map((h) => [h.via, h.operation, h.allocation])).toEqual([
      ['ocapi', 'put', 7],
      ['batch', 'patch', 3],
      ['ocapi', 'put', 4],
    ]);
  });

  it('counts turnover against a record again once it stops being perpetual', () => {
    const { store, order, setClock } = setup();
    setClock(at(0));
    store.put('web', 'KNOWN-1', { allocation: 10, resetDate: at(0), perpetual: true }, 'ocapi');
    order(1, 4);
    const perpetual = store.get('web', 'KNOWN-1');
    expect(perpetual && store.figures(perpetual)).toEqual({ ats: 10, stockLevel: 10, turnover: 4 });
    setClock(at(2));
    expect(store.patch('web', 'KNOWN-1', { perpetual: false }, 'ocapi').ok).toBe(true);
    const limited = store.get('web', 'KNOWN-1');
    expect(limited && store.figures(limited)).toEqual({ ats: 6, stockLevel: 6, turnover: 4 });
    expect(store.history('web', 'KNOWN-1').map((h) => [h.perpetual, h.atsAfter])).toEqual([
      [true, 10],
      [false, 6],
    ]);
  });

  it('reports missing lists and records, and unknown products only when told to', () => {
    const lenient = setup().store;
    expect(lenient.put('nope', 'KNOWN-1', { allocation: 1 }, 'ocapi')).toMatchObject({
      ok: false,
      error: { kind: 'list-not-found' },
    });
    expect(lenient.patch('web', 'KNOWN-1', { allocation: 1 }, 'ocapi')).toMatchObject({
      ok: false,
      error: { kind: 'record-not-found' },
    });
    expect(lenient.put('web', 'TYPO-1', { allocation: 1 }, 'ocapi').ok).toBe(true);
    expect(setup(true).store.put('web', 'TYPO-1', { allocation: 1 }, 'ocapi')).toMatchObject({
      ok: false,
      error: { kind: 'product-not-found' },
    });
  });
});
