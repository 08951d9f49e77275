import { buildDispatch, buildOrderDispatches, buildSfccOrder } from '../testing';
import { OrderValidationError } from './order-validation.error';
import {
  dispatchedUnitsBySku,
  toStockNotForReplenishment,
  toWairCancellation,
  toWairSale,
} from './wair-sale';

const opts = { webshopLocationCode: 'WEB01' };
const order = buildSfccOrder('00000050', [
  { productId: 'SKU-1', quantity: 2 },
  { productId: 'SKU-2', quantity: 1 },
]);

describe('toWairSale', () => {
  it('books the order as a sale at the webshop keyed by the order number, with personal data for WAIR', () => {
    const sale = toWairSale(order, opts);
    expect(sale).toMatchObject({
      id: '00000050',
      code: '00000050',
      saleType: 'ONLINE_ORDER',
      originalSaleId: null,
      locationCode: 'WEB01',
      channelCode: 'WEB',
      saleDateTime: '2026-11-01T10:00:00.000Z',
      currencyCode: 'GBP',
      totalAmount: 59.9,
      customer: { code: 'C0001', name: 'Ada Lovelace', email: 'ada@example.org', phone: '+44 20 7946 0002' },
      deliveryAddress: { name: 'Charles Babbage', postCode: 'SE1 7PB', countryCode: 'GB' },
      invoiceAddress: { name: 'Ada Lovelace', addressLine1: '12 Analytical Row' },
    });
    expect(sale.lines).toEqual([
      {
        id: '00000050-item-1',
        lineNumber: 1,
        skuCode: 'SKU-1',
        quantity: 2,
        unitPrice: 19.95,
        lineAmount: 39.9,
      },
      {
        id: '00000050-item-2',
        lineNumber: 2,
        skuCode: 'SKU-2',
        quantity: 1,
        unitPrice: 19.95,
        lineAmount: 19.95,
      },
    ]);
  });

  it('is the same object on every call (idempotent resend)', () => {
    expect(toWairSale(order, opts)).toEqual(toWairSale(order, opts));
  });

  it('refuses a malformed order', () => {
    expect(() => toWairSale(buildSfccOrder('9', [{ productId: 'A', quantity: 0 }]), opts)).toThrow(
      OrderValidationError,
    );
  });
});

describe('toWairCancellation', () => {
  it('is a separate sale with negative lines referencing the original', () => {
    const cancel = toWairCancellation(order, opts);
    expect(cancel).toMatchObject({
      id: '00000050-CANCEL',
      saleType: 'ONLINE_CANCELLATION',
      originalSaleId: '00000050',
    });
    expect(cancel?.lines.map((l) => [l.skuCode, l.quantity, l.lineAmount])).toEqual([
      ['SKU-1', -2, -39.9],
      ['SKU-2', -1, -19.95],
    ]);
    expect(cancel?.totalAmount).toBe(-59.85);
  });

  it('leaves dispatched units out, and is null when everything was dispatched', () => {
    const partial = toWairCancellation(order, opts, new Map([['SKU-1', 1]]));
    expect(partial?.lines.map((l) => [l.skuCode, l.quantity])).toEqual([
      ['SKU-1', -1],
      ['SKU-2', -1],
    ]);
    expect(
      toWairCancellation(
        order,
        opts,
        new Map([
          ['SKU-1', 2],
          ['SKU-2', 1],
        ]),
      ),
    ).toBeNull();
  });
});

describe('toStockNotForReplenishment', () => {
  it('holds the undispatched units of open orders at the webshop', () => {
    const cancelled = buildSfccOrder('00000051', [{ productId: 'SKU-3', quantity: 4 }], {
      status: 'cancelled',
    });
    const delta = toStockNotForReplenishment(
      [{ order, dispatchedBySku: new Map([['SKU-1', 1]]) }, { order: cancelled }],
      { ...opts, fullLoad: false },
    );
    expect(delta).toEqual({
      fullLoad: false,
      records: [
        {
          id: '00000050-item-1',
          orderNumber: '00000050',
          skuCode: 'SKU-1',
          locationCode: 'WEB01',
          quantity: 1,
        },
        {
          id: '00000050-item-2',
          orderNumber: '00000050',
          skuCode: 'SKU-2',
          locationCode: 'WEB01',
          quantity: 1,
        },
        {
          id: '00000051-item-1',
          orderNumber: '00000051',
          skuCode: 'SKU-3',
          locationCode: 'WEB01',
          quantity: 0,
        },
      ],
    });
    const full = toStockNotForReplenishment([{ order }, { order: cancelled }], { ...opts, fullLoad: true });
    expect(full.records.map((r) => r.id)).toEqual(['00000050-item-1', '00000050-item-2']);
  });
});

describe('dispatchedUnitsBySku', () => {
  it('sums units per SKU over every dispatch', () => {
    const od = buildOrderDispatches('1', [
      buildDispatch('D1', [
        ['A', 1],
        ['B', 2],
      ]),
      buildDispatch('D2', [['A', 3]]),
    ]);
    expect([...dispatchedUnitsBySku(od)]).toEqual([
      ['A', 4],
      ['B', 2],
    ]);
    expect(dispatchedUnitsBySku(undefined).size).toBe(0);
  });
});
