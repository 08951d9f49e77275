import type { Fulfilment } from '@wair-sfcc/contracts';
import { buildDispatch, buildOrderDispatches } from '@wair-sfcc/order-domain/testing';
import { buildOrderFact, buildStockLevel, buildSync } from '../testing';
import { buildMonthEndReport, MONTH_END_CSV_COLUMNS, monthEndCsvRows } from './month-end-report';

const FROM = Date.parse('2026-10-01T00:00:00Z');
const TO = Date.parse('2026-11-01T00:00:00Z');
const day = 86_400_000;
const confirmed = (orderNo: string, ...ids: Array<[string, number]>): Fulfilment => ({
  orderNo,
  orderShippingStatus: 'SHIPPED',
  updatedAt: 0,
  shipments: ids.map(([dispatchId, at]) => ({
    dispatchId,
    confirmedAt: at,
    attempts: 1,
    outcome: 'CONFIRMED',
    lastError: null,
  })),
});

describe('buildMonthEndReport', () => {
  const orders = [
    buildOrderFact('O1', { createdAt: FROM + day, state: 'ACCEPTED_BY_WAIR', acceptedAt: FROM + day }),
    buildOrderFact('O2', { createdAt: FROM + day, state: 'ACCEPTED_BY_WAIR', acceptedAt: FROM + day }),
    buildOrderFact('O3', { createdAt: FROM + day, state: 'ACCEPTED_BY_WAIR', acceptedAt: FROM + day }),
    buildOrderFact('O4', { createdAt: FROM + 2 * day }),
    buildOrderFact('O5', { createdAt: FROM + 2 * day, state: 'REJECTED', rejectionReason: 'x' }),
    buildOrderFact('O6', { createdAt: TO - 1, state: 'ACCEPTED_BY_WAIR', acceptedAt: TO + 5 }),
    buildOrderFact('OLD', { createdAt: FROM - 1, state: 'ACCEPTED_BY_WAIR', acceptedAt: FROM }),
  ];
  const dispatches = new Map([
    ['O1', buildOrderDispatches('O1', [buildDispatch('D1', [['SKU-1', 2]], FROM + 2 * day)])],
    [
      'O2',
      buildOrderDispatches('O2', [
        buildDispatch('D2', [['SKU-1', 1]], FROM + 2 * day),
        buildDispatch('D3', [['SKU-1', 1]], TO + day),
      ]),
    ],
  ]);
  const fulfilments = new Map([
    ['O1', confirmed('O1', ['D1', FROM + 2 * day])],
    ['O2', confirmed('O2', ['D2', TO + 1])],
  ]);
  const stock = [
    buildStockLevel('A', TO - day, 1, 5),
    buildStockLevel('B', TO - day, 1, 3),
    buildStockLevel('C', TO + day, 1, 9),
  ];
  const syncs = [
    buildSync('A', [{ allocation: 4, sourceAsOf: TO - day }]),
    buildSync('B', [{ allocation: 2, sourceAsOf: TO - day, outcome: 'FAILED' }]),
  ];
  const report = buildMonthEndReport(
    { orders, dispatches, fulfilments, stock, syncs },
    { from: FROM, to: TO },
  );

  it('counts each stage up to period end for orders created in the period', () => {
    expect(report.orders).toEqual({
      captured: 6,
      accepted: 3,
      rejected: 1,
      cancelled: 0,
      dispatched: 2,
      fullyDispatched: 1,
      shippedInSfcc: 1,
      unitsOrdered: 12,
      unitsDispatched: 3,
    });
  });

  it('lists the orders that fell between stages', () => {
    expect(report.differences).toEqual({
      capturedNotAccepted: ['O4', 'O6'],
      acceptedNotDispatched: ['O3'],
      dispatchedNotShippedInSfcc: ['O2'],
    });
  });

  it('gives stock figures at period end and counts SKUs changed after it', () => {
    expect(report.stock).toEqual({
      skus: 2,
      onHand: 10,
      reserved: 2,
      available: 8,
      allocatedInSfcc: 4,
      skusChangedAfterPeriod: 1,
    });
  });

  it('flattens to CSV rows with one row per fallen-through order', () => {
    const rows = monthEndCsvRows(report);
    expect(MONTH_END_CSV_COLUMNS).toEqual(['section', 'metric', 'value', 'orderNo']);
    expect(rows[0]).toEqual({
      section: 'period',
      metric: 'from',
      value: '2026-10-01T00:00:00.000Z',
      orderNo: '',
    });
    expect(rows).toContainEqual({ section: 'orders', metric: 'captured', value: '6', orderNo: '' });
    expect(rows.filter((r) => r.metric === 'capturedNotAccepted')).toEqual([
      { section: 'difference', metric: 'capturedNotAccepted', value: '2', orderNo: '' },
      { section: 'difference', metric: 'capturedNotAccepted', value: '1', orderNo: 'O4' },
      { section: 'difference', metric: 'capturedNotAccepted', value: '1', orderNo: 'O6' },
    ]);
    expect(rows).toContainEqual({ section: 'stock', metric: 'available', value: '8', orderNo: '' });
  });
});
