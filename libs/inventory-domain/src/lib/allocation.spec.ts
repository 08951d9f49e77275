import type { OrderFact } from '@wair-sfcc/contracts';
import { computeAllocation, unknownLocations } from './allocation';
import { createBufferResolver } from './buffer-rules';
import { InFlightOrderIndex } from './in-flight-order-index';

const T = Date.UTC(2026, 10, 26, 12, 0, 0);
const list = { inventoryListId: 'inventory_webshop', locations: ['WEB01', 'DC01'] };

function order(partial: Partial<OrderFact> & { orderNo: string; qty?: number; sku?: string }): OrderFact {
  return {
    siteId: 'RefArch',
    createdAt: T - 1000,
    lines: [
      {
        itemId: 'i1',
        sku: partial.sku ?? 'SKU-1',
        quantity: partial.qty ?? 1,
        inventoryListId: 'inventory_webshop',
      },
    ],
    state: 'CAPTURED',
    capturedAt: T - 500,
    acceptedAt: null,
    rejectionReason: null,
    orderTotal: null,
    currency: 'EUR',
    ...partial,
  };
}

interface Row {
  name: string;
  available: Array<[string, number]>;
  orders?: OrderFact[];
  buffer?: number;
  skewMs?: number;
  expected: number;
}

const rows: Row[] = [
  {
    name: 'sums the locations of the list',
    available: [
      ['WEB01', 3],
      ['DC01', 7],
    ],
    expected: 10,
  },
  {
    name: 'ignores locations outside the list',
    available: [
      ['WEB01', 3],
      ['ST01', 50],
    ],
    expected: 3,
  },
  { name: 'unknown-only locations give zero', available: [['XX99', 9]], expected: 0 },
  {
    name: 'negative availability lowers the sum',
    available: [
      ['WEB01', -2],
      ['DC01', 5],
    ],
    expected: 3,
  },
  {
    name: 'clamps at zero',
    available: [
      ['WEB01', -4],
      ['DC01', 1],
    ],
    expected: 0,
  },
  { name: 'subtracts the buffer', available: [['DC01', 10]], buffer: 3, expected: 7 },
  { name: 'buffer larger than stock clamps at zero', available: [['DC01', 2]], buffer: 5, expected: 0 },
  {
    name: 'subtracts an order captured before asOf and not accepted',
    available: [['DC01', 10]],
    orders: [order({ orderNo: 'o1', qty: 2 })],
    expected: 8,
  },
  {
    name: 'does not subtract an order WAIR accepted before asOf (its figure already has it)',
    available: [['DC01', 10]],
    orders: [order({ orderNo: 'o1', qty: 2, state: 'ACCEPTED_BY_WAIR', acceptedAt: T - 100 })],
    expected: 10,
  },
  {
    name: 'subtracts an order WAIR accepted only after asOf',
    available: [['DC01', 10]],
    orders: [order({ orderNo: 'o1', qty: 2, state: 'ACCEPTED_BY_WAIR', acceptedAt: T + 100 })],
    expected: 8,
  },
  {
    name: 'does not subtract an order created after asOf (SFCC counts it as turnover)',
    available: [['DC01', 10]],
    orders: [order({ orderNo: 'o1', qty: 2, createdAt: T + 5000 })],
    expected: 10,
  },
  {
    name: 'subtracts an order created after asOf but within the skew margin',
    available: [['DC01', 10]],
    orders: [order({ orderNo: 'o1', qty: 2, createdAt: T + 1500 })],
    skewMs: 2000,
    expected: 8,
  },
  {
    name: 'never subtracts cancelled or rejected orders',
    available: [['DC01', 10]],
    orders: [
      order({ orderNo: 'o1', qty: 2, state: 'CANCELLED' }),
      order({ orderNo: 'o2', qty: 3, state: 'REJECTED' }),
    ],
    expected: 10,
  },
  {
    name: 'ignores orders of other SKUs',
    available: [['DC01', 10]],
    orders: [order({ orderNo: 'o1', qty: 4, sku: 'SKU-2' })],
    expected: 10,
  },
  {
    name: 'in-flight plus buffer clamps at zero',
    available: [['DC01', 4]],
    orders: [order({ orderNo: 'o1', qty: 3 })],
    buffer: 2,
    expected: 0,
  },
];

describe('computeAllocation (DESIGN §4 formula)', () => {
  it.each(rows)('$name', (row) => {
    const index = new InFlightOrderIndex();
    for (const o of row.orders ?? []) index.apply(o);
    const figure = {
      sku: 'SKU-1',
      asOf: T,
      sourceSequence: 7,
      locations: row.available.map(([locationCode, available]) => ({ locationCode, available })),
    };
    const result = computeAllocation({
      list,
      figure,
      inFlight: index.inFlight(list.inventoryListId, 'SKU-1', T, row.skewMs ?? 0),
      buffer: row.buffer ?? 0,
    });
    expect(result.allocation).toBe(row.expected);
    expect(result.resetDate).toBe(T);
    expect(result.sourceSequence).toBe(7);
  });

  it('uses the most specific buffer rule', () => {
    const buffer = createBufferResolver({
      global: 1,
      perList: { inventory_webshop: 2 },
      perSku: [{ pattern: 'SKU-*', units: 4 }],
    });
    const figure = {
      sku: 'SKU-1',
      asOf: T,
      sourceSequence: 1,
      locations: [{ locationCode: 'DC01', available: 10 }],
    };
    expect(
      computeAllocation({ list, figure, inFlight: 0, buffer: buffer('inventory_webshop', 'SKU-1') })
        .allocation,
    ).toBe(6);
    expect(
      computeAllocation({ list, figure, inFlight: 0, buffer: buffer('inventory_webshop', 'OTHER') })
        .allocation,
    ).toBe(8);
    expect(
      computeAllocation({ list, figure, inFlight: 0, buffer: buffer('inventory_stores', 'OTHER') })
        .allocation,
    ).toBe(9);
  });

  it('names the locations that feed no list', () => {
    const figure = {
      locations: [
        { locationCode: 'DC01', available: 1 },
        { locationCode: 'XX', available: 1 },
      ],
    };
    expect(unknownLocations(figure, new Set(['DC01']))).toEqual(['XX']);
  });
});
