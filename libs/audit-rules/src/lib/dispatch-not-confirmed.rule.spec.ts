import type { Fulfilment, ShipmentConfirmation } from '@wair-sfcc/contracts';
import { buildDispatch, buildOrderDispatches } from '@wair-sfcc/order-domain/testing';
import { findUnconfirmedDispatches } from './dispatch-not-confirmed.rule';

const SLA = 60_000;
const fulfilment = (
  ...shipments: Array<Partial<ShipmentConfirmation> & { dispatchId: string }>
): Fulfilment => ({
  orderNo: '1001',
  orderShippingStatus: 'PART_SHIPPED',
  updatedAt: 0,
  shipments: shipments.map((s) => ({
    confirmedAt: null,
    attempts: 1,
    outcome: 'PENDING',
    lastError: null,
    ...s,
  })),
});
const dispatches = buildOrderDispatches('1001', [
  buildDispatch('D1', [['A', 1]], 0),
  buildDispatch('D2', [['B', 1]], 30_000),
]);

describe('findUnconfirmedDispatches', () => {
  it.each([
    ['within SLA', undefined, 50_000, []],
    ['D1 overdue, no record', undefined, 70_000, [['D1', 'MEDIUM']]],
    ['both overdue', fulfilment({ dispatchId: 'D1', lastError: 'HTTP 503' }), 100_000, [['D1,D2', 'MEDIUM']]],
    [
      'D1 confirmed, D2 overdue',
      fulfilment({ dispatchId: 'D1', outcome: 'CONFIRMED', confirmedAt: 5 }),
      100_000,
      [['D2', 'MEDIUM']],
    ],
    [
      'all confirmed',
      fulfilment(
        { dispatchId: 'D1', outcome: 'CONFIRMED', confirmedAt: 5 },
        { dispatchId: 'D2', outcome: 'CONFIRMED', confirmedAt: 9 },
      ),
      900_000,
      [],
    ],
    [
      'bridge gave up → HIGH at once',
      fulfilment({ dispatchId: 'D1', outcome: 'FAILED', lastError: 'HTTP 400' }),
      70_000,
      [['D1', 'HIGH']],
    ],
    ['long overdue → HIGH', undefined, 5 * SLA, [['D1,D2', 'HIGH']]],
  ])('%s', (_n, f, now, expected) => {
    const table = new Map(f ? [['1001', f]] : []);
    const out = findUnconfirmedDispatches([dispatches], table, { now, slaMs: SLA }).map((x) => [
      x.data['dispatchIds'],
      x.severity,
    ]);
    expect(out).toEqual(expected);
  });

  it('is an order exception for CX with the last error', () => {
    const [f] = findUnconfirmedDispatches(
      [dispatches],
      new Map([['1001', fulfilment({ dispatchId: 'D1', lastError: 'HTTP 503' })]]),
      { now: 70_000, slaMs: SLA },
    );
    expect(f).toMatchObject({
      type: 'DISPATCH_NOT_CONFIRMED',
      owner: 'CX',
      subjectType: 'ORDER',
      subject: '1001',
      data: { lastError: 'HTTP 503' },
    });
  });
});
