import { buildOrderFact } from '../testing';
import { findUnacceptedOrders } from './order-not-accepted.rule';

const SLA = 60_000;
describe('findUnacceptedOrders', () => {
  it.each([
    ['captured within SLA', buildOrderFact('1', { capturedAt: 0 }), 60_000, []],
    ['captured past SLA → MEDIUM', buildOrderFact('1', { capturedAt: 0 }), 60_001, ['MEDIUM']],
    ['captured long ago → HIGH', buildOrderFact('1', { capturedAt: 0 }), 5 * SLA, ['HIGH']],
    ['accepted', buildOrderFact('1', { state: 'ACCEPTED_BY_WAIR', acceptedAt: 10 }), 5 * SLA, []],
    ['cancelled', buildOrderFact('1', { state: 'CANCELLED' }), 5 * SLA, []],
    [
      'rejected → HIGH at once',
      buildOrderFact('1', { state: 'REJECTED', rejectionReason: 'unknown SKU X' }),
      1,
      ['HIGH'],
    ],
  ])('%s', (_n, order, now, expected) => {
    expect(findUnacceptedOrders([order], { now, slaMs: SLA }).map((f) => f.severity)).toEqual(expected);
  });

  it('is an order exception for OPS naming the rejection reason', () => {
    const [f] = findUnacceptedOrders(
      [buildOrderFact('77', { state: 'REJECTED', rejectionReason: 'unknown SKU X' })],
      { now: 0, slaMs: SLA },
    );
    expect(f).toMatchObject({
      type: 'ORDER_NOT_ACCEPTED',
      owner: 'OPS',
      subjectType: 'ORDER',
      subject: '77',
      data: { rejectionReason: 'unknown SKU X' },
    });
    expect(f?.detail).toBe('order 77 was rejected by WAIR: unknown SKU X');
  });
});
