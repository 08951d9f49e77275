import { buildSfccOrder } from '../testing';
import { OrderValidationError } from './order-validation.error';
import { formatOrderTotal, markAccepted, markRejected, toOrderFact, validateSfccOrder } from './order-facts';
import type { SfccOrder } from './sfcc-order.model';

const opts = { capturedAt: 1_000, inventoryListFor: () => 'inventory_m' };

function personalValues(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => personalValues(v, out));
  return out;
}

describe('toOrderFact', () => {
  it('projects order number, site, creation time, lines, total and currency', () => {
    const order = buildSfccOrder('00000042', [
      { productId: 'SKU-1', quantity: 2 },
      { productId: 'SKU-2', quantity: 1, inventoryId: 'inventory_store' },
    ]);
    expect(toOrderFact(order, opts)).toEqual({
      orderNo: '00000042',
      siteId: 'RefArch',
      createdAt: Date.parse('2026-11-01T10:00:00.000Z'),
      lines: [
        { itemId: 'item-1', sku: 'SKU-1', quantity: 2, inventoryListId: 'inventory_m' },
        { itemId: 'item-2', sku: 'SKU-2', quantity: 1, inventoryListId: 'inventory_store' },
      ],
      state: 'CAPTURED',
      capturedAt: 1_000,
      acceptedAt: null,
      rejectionReason: null,
      orderTotal: '59.90',
      currency: 'GBP',
    });
  });

  it('lets no personal value of the input survive in the serialised fact', () => {
    const order = buildSfccOrder('00000043', [{ productId: 'SKU-1', quantity: 1 }], {
      c_giftMessage: 'Happy birthday Ada',
      c_customerPhone: '+44 7700 900123',
    });
    const personal = [
      ...personalValues(order.customerInfo),
      ...personalValues(order.billingAddress),
      ...personalValues(order.shipments?.map((s) => s.shippingAddress)),
      'Happy birthday Ada',
      '+44 7700 900123',
    ].filter((v) => v.length > 2 && v !== 'GB');
    expect(personal).toEqual(expect.arrayContaining(['Ada Lovelace', 'ada@example.org', 'Charles Babbage']));
    const json = JSON.stringify(toOrderFact(order, opts));
    for (const value of personal) expect(json).not.toContain(value);
  });

  it('marks a cancelled SFCC order CANCELLED', () => {
    expect(toOrderFact(buildSfccOrder('1', undefined, { status: 'cancelled' }), opts).state).toBe(
      'CANCELLED',
    );
  });

  it('moves through accepted and rejected, keeping the first acceptance time', () => {
    const fact = toOrderFact(buildSfccOrder(), opts);
    const accepted = markAccepted(fact, 5);
    expect(markAccepted(accepted, 9).acceptedAt).toBe(5);
    expect(markRejected(fact, 'unknown SKU')).toMatchObject({
      state: 'REJECTED',
      rejectionReason: 'unknown SKU',
    });
  });
});

describe('order validation', () => {
  const cases: Array<[string, SfccOrder, string[]]> = [
    ['no lines', buildSfccOrder('1', []), ['productItems']],
    [
      'missing product id',
      buildSfccOrder('1', [{ productId: '', quantity: 1 }]),
      ['productItems[0].productId'],
    ],
    ['zero quantity', buildSfccOrder('1', [{ productId: 'A', quantity: 0 }]), ['productItems[0].quantity']],
    [
      'negative quantity',
      buildSfccOrder('1', [{ productId: 'A', quantity: -2 }]),
      ['productItems[0].quantity'],
    ],
    [
      'fractional quantity',
      buildSfccOrder('1', [{ productId: 'A', quantity: 1.5 }]),
      ['productItems[0].quantity'],
    ],
    [
      'duplicate item id',
      buildSfccOrder('1', [
        { productId: 'A', quantity: 1, itemId: 'x' },
        { productId: 'B', quantity: 1, itemId: 'x' },
      ]),
      ['productItems[1].itemId'],
    ],
    ['bad creation date', buildSfccOrder('1', undefined, { creationDate: 'yesterday' }), ['creationDate']],
    [
      'no site, no currency',
      buildSfccOrder('1', undefined, { siteId: undefined, currency: '' }),
      ['siteId', 'currency'],
    ],
    ['valid', buildSfccOrder(), []],
  ];
  it.each(cases)('%s', (_name, order, paths) => {
    expect(validateSfccOrder(order).map((p) => p.path)).toEqual(paths);
  });

  it('throws an OrderValidationError listing field paths but no values', () => {
    const order = buildSfccOrder('00000044', [
      { productId: '', quantity: 1 },
      { productId: 'B', quantity: 0 },
    ]);
    let error: unknown;
    try {
      toOrderFact(order, opts);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OrderValidationError);
    const e = error as OrderValidationError;
    expect(e.retriable).toBe(false);
    expect(e.context.problems.map((p) => p.path)).toEqual([
      'productItems[0].productId',
      'productItems[1].quantity',
    ]);
    expect(e.message).toContain('order 00000044 is malformed');
    expect(e.message).not.toContain('Ada');
  });

  it('rejects a line without inventory list when the site has no default', () => {
    expect(() => toOrderFact(buildSfccOrder(), { capturedAt: 1 })).toThrow(/productItems\[0\]\.inventoryId/);
  });
});

describe('formatOrderTotal', () => {
  it.each([
    [12.3, '12.30'],
    [12.345, '12.35'],
    [0, '0.00'],
    [-4.5, '-4.50'],
    [1234567.891, '1234567.89'],
  ])('%p → %p', (input, out) => expect(formatOrderTotal(input)).toBe(out));
  it('is null when SFCC reports no total', () => expect(formatOrderTotal(undefined)).toBeNull());
});
