import { createStockState } from './stock-state';

const record = (locationCode: string, sequence: number, onHand: number, minute: number) => ({
  skuCode: 'SKU-1',
  locationCode,
  onHand,
  reserved: 0,
  available: onHand,
  modifiedDateTime: new Date(Date.UTC(2026, 10, 27, 10, minute)).toISOString(),
  sequence,
});

describe('stock state', () => {
  it('drops duplicates and older figures per location', () => {
    const state = createStockState();
    expect(state.apply(record('WEB01', 3, 5, 1), 'WEBHOOK', 0)).toBeDefined();
    expect(state.apply(record('WEB01', 3, 5, 1), 'POLL', 0)).toBeUndefined();
    expect(state.apply(record('WEB01', 2, 9, 0), 'POLL', 0)).toBeUndefined();
  });

  it('a late record of another location makes a newer version, though it is not the newest change', () => {
    const state = createStockState();
    const first = state.apply(record('WEB01', 7, 2, 5), 'WEBHOOK', 0);
    // DC01's change (sequence 5) was lost as a webhook and comes back from the poll afterwards.
    const refilled = state.apply(record('DC01', 5, 6, 3), 'POLL', 0);
    expect(first).toMatchObject({ sourceSequence: 7 });
    expect(refilled?.asOf).toBe(first?.asOf);
    // Same asOf, so only the sequence can tell consumers this figure replaces the first one.
    expect(refilled?.sourceSequence).toBeGreaterThan(first?.sourceSequence ?? Infinity);
    expect(refilled?.locations.map((l) => [l.locationCode, l.available, l.sequence])).toEqual([
      ['DC01', 6, 5],
      ['WEB01', 2, 7],
    ]);
  });
});
