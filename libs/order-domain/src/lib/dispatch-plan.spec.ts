import type { Fulfilment } from '@wair-sfcc/contracts';
import { buildDispatch, buildOrderDispatches, buildSfccOrder } from '../testing';
import {
  assertNoDispatchProblems,
  DispatchPlanError,
  isEmptyPlan,
  planDispatchWrites,
} from './dispatch-plan';
import type { SfccOrder } from './sfcc-order.model';

const T1 = Date.parse('2026-11-02T08:00:00.000Z');
const T2 = T1 + 3_600_000;
const order = buildSfccOrder('1001', [
  { productId: 'A', quantity: 2 },
  { productId: 'B', quantity: 1 },
]);
const d1 = buildDispatch(
  'D1',
  [
    ['A', 2],
    ['B', 1],
  ],
  T1,
);
const s1 = buildDispatch('S1', [['A', 1]], T1);
const s2 = buildDispatch(
  'S2',
  [
    ['A', 1],
    ['B', 1],
  ],
  T2,
);
const confirmed = (...ids: string[]): Fulfilment => ({
  orderNo: '1001',
  orderShippingStatus: 'PART_SHIPPED',
  updatedAt: 0,
  shipments: ids.map((dispatchId) => ({
    dispatchId,
    confirmedAt: 1,
    attempts: 1,
    outcome: 'CONFIRMED',
    lastError: null,
  })),
});
const withOrder = (o: Partial<SfccOrder>): SfccOrder => ({ ...order, ...o });

interface Case {
  name: string;
  order: SfccOrder;
  dispatches: ReturnType<typeof buildDispatch>[];
  fulfilment?: Fulfilment;
  events: Array<[string, Array<[string, number]>]>;
  shippingStatus: string | null;
  problems?: string[];
}

const cases: Case[] = [
  {
    name: 'single shipment',
    order,
    dispatches: [d1],
    events: [
      [
        'D1',
        [
          ['item-1', 2],
          ['item-2', 1],
        ],
      ],
    ],
    shippingStatus: 'shipped',
  },
  {
    name: 'split shipments, first only',
    order,
    dispatches: [s1],
    events: [['S1', [['item-1', 1]]]],
    shippingStatus: 'part_shipped',
  },
  {
    name: 'split shipments, both new',
    order,
    dispatches: [s2, s1],
    events: [
      ['S1', [['item-1', 1]]],
      [
        'S2',
        [
          ['item-1', 1],
          ['item-2', 1],
        ],
      ],
    ],
    shippingStatus: 'shipped',
  },
  {
    name: 'replay: everything confirmed and shipped → empty plan',
    order: withOrder({ shippingStatus: 'shipped' }),
    dispatches: [s1, s2],
    fulfilment: confirmed('S1', 'S2'),
    events: [],
    shippingStatus: null,
  },
  {
    name: 'partial replay: S1 confirmed in our record, S2 new',
    order: withOrder({ shippingStatus: 'part_shipped' }),
    dispatches: [s1, s2],
    fulfilment: confirmed('S1'),
    events: [
      [
        'S2',
        [
          ['item-1', 1],
          ['item-2', 1],
        ],
      ],
    ],
    shippingStatus: 'shipped',
  },
  {
    name: 'crash after posting: SFCC shipment already has the tracking number',
    order: withOrder({ shipments: [{ shipmentId: 'me', shipmentNo: '1', trackingNumber: 'TRK-S1' }] }),
    dispatches: [s1],
    events: [],
    shippingStatus: 'part_shipped',
  },
  {
    name: 'over-dispatch',
    order,
    dispatches: [d1, buildDispatch('D2', [['A', 1]], T2)],
    events: [
      [
        'D1',
        [
          ['item-1', 2],
          ['item-2', 1],
        ],
      ],
    ],
    shippingStatus: 'shipped',
    problems: ['D2:OVER_DISPATCH:A'],
  },
  {
    name: 'unknown SKU blocks only its dispatch',
    order,
    dispatches: [
      s1,
      buildDispatch(
        'X',
        [
          ['A', 1],
          ['Z-404', 1],
        ],
        T2,
      ),
    ],
    events: [['S1', [['item-1', 1]]]],
    shippingStatus: 'part_shipped',
    problems: ['X:UNKNOWN_SKU:Z-404'],
  },
  {
    name: 'same SKU on two lines, split across dispatches',
    order: buildSfccOrder('1001', [
      { productId: 'A', quantity: 2 },
      { productId: 'A', quantity: 3 },
    ]),
    dispatches: [buildDispatch('P1', [['A', 3]], T1), buildDispatch('P2', [['A', 2]], T2)],
    events: [
      [
        'P1',
        [
          ['item-1', 2],
          ['item-2', 1],
        ],
      ],
      ['P2', [['item-2', 2]]],
    ],
    shippingStatus: 'shipped',
  },
  {
    name: 'missing tracking and bad quantity',
    order,
    dispatches: [buildDispatch('M', [['A', 0]], T1, { trackingUrl: '' })],
    events: [],
    shippingStatus: null,
    problems: ['M:MISSING_TRACKING:-', 'M:INVALID_QUANTITY:A'],
  },
];

describe('planDispatchWrites', () => {
  it.each(cases)('$name', (c) => {
    const plan = planDispatchWrites(c.order, buildOrderDispatches('1001', c.dispatches), c.fulfilment);
    expect(plan.events.map((e) => [e.id, e.lineItems.map((l) => [l.id, l.quantity])])).toEqual(c.events);
    expect(plan.shippingStatus).toBe(c.shippingStatus);
    expect(plan.problems.map((p) => `${p.dispatchId}:${p.reason}:${p.sku ?? '-'}`)).toEqual(c.problems ?? []);
    expect(isEmptyPlan(plan)).toBe(c.events.length === 0 && c.shippingStatus === null);
  });

  it('builds complete shipped events with tracking data', () => {
    const plan = planDispatchWrites(order, buildOrderDispatches('1001', [d1]), undefined);
    expect(plan.events[0]).toEqual({
      id: 'D1',
      type: 'shipped',
      occurredAt: '2026-11-02T08:00:00.000Z',
      lineItems: [
        { id: 'item-1', quantity: 2 },
        { id: 'item-2', quantity: 1 },
      ],
      trackingNumber: 'TRK-D1',
      trackingUrl: 'https://tracking.example.com/TRK-D1',
      carrier: 'DPD',
      description: 'NEXT_DAY',
    });
  });

  it('patches configured attributes, completes the order, and a replay with those attributes plans nothing', () => {
    const options = {
      completeOrderWhenShipped: true,
      attributes: {
        dispatchIds: 'c_wairDispatchIds',
        trackingNumbers: 'c_trackingNumbers',
        carriers: 'c_carriers',
      },
    };
    const dispatches = buildOrderDispatches('1001', [s1, s2]);
    const plan = planDispatchWrites(order, dispatches, undefined, options);
    expect(plan.orderStatus).toBe('completed');
    expect(plan.attributePatch).toEqual({
      c_wairDispatchIds: 'S1,S2',
      c_trackingNumbers: 'TRK-S1,TRK-S2',
      c_carriers: 'DPD,DPD',
    });
    const after = withOrder({ ...plan.attributePatch, shippingStatus: 'shipped', status: 'completed' });
    const replay = planDispatchWrites(after, dispatches, undefined, options);
    expect(isEmptyPlan(replay)).toBe(true);
    expect(replay.alreadyReflected).toEqual(['S1', 'S2']);
  });

  it('recognises reported dispatches from the dispatch-id attribute alone (lost fulfilment record)', () => {
    const options = { attributes: { dispatchIds: 'c_wairDispatchIds' } };
    const o = withOrder({ c_wairDispatchIds: ['S1'], shippingStatus: 'part_shipped' });
    const plan = planDispatchWrites(o, buildOrderDispatches('1001', [s1, s2]), undefined, options);
    expect(plan.events.map((e) => e.id)).toEqual(['S2']);
  });

  it('never moves the shipping status backwards', () => {
    const plan = planDispatchWrites(
      withOrder({ shippingStatus: 'shipped' }),
      buildOrderDispatches('1001', [s1]),
      undefined,
    );
    expect(plan.shippingStatus).toBeNull();
    expect(plan.events).toEqual([]);
  });

  it('turns problems into a non-retriable DispatchPlanError naming dispatch, SKU and reason', () => {
    const plan = planDispatchWrites(
      order,
      buildOrderDispatches('1001', [buildDispatch('X', [['Z', 1]])]),
      undefined,
    );
    expect(() => assertNoDispatchProblems(plan)).toThrow(DispatchPlanError);
    expect(() => assertNoDispatchProblems(plan)).toThrow(
      /order 1001: dispatch X UNKNOWN_SKU: SKU Z is not on any product line/,
    );
  });
});
