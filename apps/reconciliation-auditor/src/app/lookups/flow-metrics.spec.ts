import { buildOrderFact, buildProduct, buildSync } from '@wair-sfcc/audit-rules/testing';
import { createFlowMetrics } from './flow-metrics';

const NOW = 1_700_000_000_000;
const MIN = 60_000;

function setup() {
  const dispatched = new Map([['O1\u0000D1', NOW - 10 * MIN]]);
  return createFlowMetrics({
    now: () => NOW,
    windowMs: 15 * MIN,
    dispatchedAt: (no, id) => dispatched.get(`${no}\u0000${id}`),
  });
}

describe('createFlowMetrics', () => {
  it('stock: one event per list outcome, delay from the WAIR asOf to the write, FAILED/REJECTED as errors', () => {
    const m = setup();
    m.onSync(
      'A',
      buildSync('A', [
        { inventoryListId: 'a', sourceAsOf: NOW - 2 * MIN, writtenAt: NOW - MIN, outcome: 'OK' },
        { inventoryListId: 'b', sourceAsOf: NOW - 2 * MIN, writtenAt: NOW - MIN, outcome: 'FAILED' },
        {
          inventoryListId: 'c',
          sourceAsOf: NOW - 2 * MIN,
          writtenAt: NOW - MIN,
          outcome: 'SKU_NOT_IN_CATALOG',
        },
      ]),
    );
    m.onSync(
      'B',
      buildSync('B', [{ inventoryListId: 'a', sourceAsOf: NOW - 5_000, writtenAt: NOW - 2_000 }]),
    );
    expect(m.summary('stockToStorefront')).toMatchObject({
      throughputPerMinute: 0.27,
      delayP50Ms: 3_000,
      delayP99Ms: MIN,
      errors: 1,
      lastSuccessAt: NOW - 2_000,
    });
  });

  it('orders: accepted orders with delay from creation, rejected orders as errors', () => {
    const m = setup();
    m.onOrder('O1', buildOrderFact('O1', { createdAt: NOW - 5 * MIN, capturedAt: NOW - 4 * MIN }));
    m.onOrder(
      'O1',
      buildOrderFact('O1', {
        createdAt: NOW - 5 * MIN,
        capturedAt: NOW - 4 * MIN,
        state: 'ACCEPTED_BY_WAIR',
        acceptedAt: NOW - 3 * MIN,
      }),
    );
    m.onOrder('O2', buildOrderFact('O2', { capturedAt: NOW - MIN, state: 'REJECTED', rejectionReason: 'x' }));
    m.onOrder('O3', undefined);
    expect(m.summary('ordersToWair')).toMatchObject({
      delayP50Ms: 2 * MIN,
      errors: 1,
      lastSuccessAt: NOW - 3 * MIN,
    });
    expect(m.summary('ordersToWair').throughputPerMinute).toBeCloseTo(2 / 15, 2);
  });

  it('dispatch: confirmed shipments with delay from the WAIR dispatch, failed shipments as errors', () => {
    const m = setup();
    m.onFulfilment('O1', {
      orderNo: 'O1',
      orderShippingStatus: 'PART_SHIPPED',
      updatedAt: NOW - MIN,
      shipments: [
        { dispatchId: 'D1', confirmedAt: NOW - 4 * MIN, attempts: 1, outcome: 'CONFIRMED', lastError: null },
        { dispatchId: 'D2', confirmedAt: null, attempts: 5, outcome: 'FAILED', lastError: 'HTTP 500' },
        { dispatchId: 'D3', confirmedAt: null, attempts: 1, outcome: 'PENDING', lastError: null },
      ],
    });
    expect(m.summary('dispatchToSfcc')).toMatchObject({
      delayP50Ms: 6 * MIN,
      errors: 1,
      lastSuccessAt: NOW - 4 * MIN,
    });
  });

  it('catalog: products changed by a pull, last success at the latest pull', () => {
    const m = setup();
    m.onProduct('P1', buildProduct('P1', 'VARIANT', { pulledAt: NOW - MIN }));
    m.onProduct('P2', buildProduct('P2', 'VARIANT', { pulledAt: NOW - MIN }));
    m.onProduct('P2', undefined);
    expect(m.summary('catalog')).toMatchObject({
      delayP50Ms: null,
      errors: 0,
      lastSuccessAt: NOW - MIN,
    });
    expect(m.summary('catalog').throughputPerMinute).toBeCloseTo(2 / 15, 2);
  });
});
