import {
  createFulfilment,
  isDispatchOverdue,
  isFullyConfirmed,
  recordAlreadyConfirmed,
  recordShipmentAttempt,
  recordShippingStatus,
} from './fulfilment-state';

describe('fulfilment state', () => {
  it('folds failed attempts, a success, and a late duplicate into one shipment entry', () => {
    let f = createFulfilment('1001', 0);
    f = recordShipmentAttempt(f, { dispatchId: 'D1', at: 10, ok: false, error: 'HTTP 503' });
    expect(f.shipments).toEqual([
      { dispatchId: 'D1', confirmedAt: null, attempts: 1, outcome: 'PENDING', lastError: 'HTTP 503' },
    ]);
    f = recordShipmentAttempt(f, { dispatchId: 'D1', at: 20, ok: true });
    f = recordShipmentAttempt(f, { dispatchId: 'D1', at: 30, ok: false, error: 'late' });
    expect(f.shipments).toEqual([
      { dispatchId: 'D1', confirmedAt: 20, attempts: 3, outcome: 'CONFIRMED', lastError: null },
    ]);
    expect(f.updatedAt).toBe(30);
  });

  it('marks a shipment FAILED when attempts are exhausted, and it can still be confirmed later', () => {
    let f = recordShipmentAttempt(createFulfilment('1', 0), {
      dispatchId: 'D',
      at: 5,
      ok: false,
      error: 'x',
      giveUp: true,
    });
    expect(f.shipments[0]?.outcome).toBe('FAILED');
    f = recordShipmentAttempt(f, { dispatchId: 'D', at: 9, ok: true });
    expect(f.shipments[0]).toMatchObject({ outcome: 'CONFIRMED', confirmedAt: 9 });
  });

  it('records a dispatch SFCC already shows without counting an attempt, once', () => {
    const f = recordAlreadyConfirmed(createFulfilment('1', 0), 'D', 7);
    expect(f.shipments).toEqual([
      { dispatchId: 'D', confirmedAt: 7, attempts: 0, outcome: 'CONFIRMED', lastError: null },
    ]);
    expect(recordAlreadyConfirmed(f, 'D', 99)).toBe(f);
    expect(isFullyConfirmed(f, ['D'])).toBe(true);
    expect(isFullyConfirmed(f, ['D', 'E'])).toBe(false);
  });

  it('maps and records the shipping status, unchanged records stay identical', () => {
    const f = recordShippingStatus(createFulfilment('1', 0), 'part_shipped', 4);
    expect(f).toMatchObject({ orderShippingStatus: 'PART_SHIPPED', updatedAt: 4 });
    expect(recordShippingStatus(f, 'part_shipped', 8)).toBe(f);
    expect(recordShippingStatus(f, 'shipped', 8).orderShippingStatus).toBe('SHIPPED');
  });
});

describe('isDispatchOverdue', () => {
  it.each([
    ['within SLA', { dispatchedAt: 0, confirmedAt: null }, 100, false],
    ['exactly at SLA', { dispatchedAt: 0, confirmedAt: null }, 1_000, false],
    ['past SLA, unconfirmed', { dispatchedAt: 0, confirmedAt: null }, 1_001, true],
    ['past SLA, confirmed late', { dispatchedAt: 0, confirmedAt: 5_000 }, 9_000, false],
  ])('%s', (_n, shipment, now, expected) => expect(isDispatchOverdue(shipment, now, 1_000)).toBe(expected));
});
