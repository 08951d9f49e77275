import { findInventoryDrift, type InventoryDriftRow } from './inventory-drift.rule';

const row = (
  sku: string,
  expected: number,
  sfcc: number | null,
  list = 'inv_m',
  over: Partial<InventoryDriftRow> = {},
): InventoryDriftRow => ({
  sku,
  inventoryListId: list,
  expectedAllocation: expected,
  sfccAllocation: sfcc,
  ...over,
});

describe('findInventoryDrift', () => {
  it.each([
    ['equal', [row('A', 5, 5)], {}, []],
    ['within tolerance', [row('A', 5, 6)], { toleranceUnits: 1 }, []],
    ['over-stated by 1 → HIGH', [row('A', 5, 6)], {}, [['A', 'OVER_STATED', '1', 'HIGH']]],
    [
      'over-stated beyond tolerance → HIGH',
      [row('A', 0, 4)],
      { toleranceUnits: 2 },
      [['A', 'OVER_STATED', '4', 'HIGH']],
    ],
    ['under-stated a little → LOW', [row('A', 10, 8)], {}, [['A', 'UNDER_STATED', '2', 'LOW']]],
    ['under-stated a lot → MEDIUM', [row('A', 20, 8)], {}, [['A', 'UNDER_STATED', '12', 'MEDIUM']]],
    [
      'shown sold out while stock exists → MEDIUM',
      [row('A', 2, 0)],
      {},
      [['A', 'UNDER_STATED', '2', 'MEDIUM']],
    ],
    [
      'no SFCC record while stock expected → MEDIUM',
      [row('A', 3, null)],
      {},
      [['A', 'UNDER_STATED', '3', 'MEDIUM']],
    ],
    ['no SFCC record and nothing expected', [row('A', 0, null)], {}, []],
    [
      'newer WAIR figure still in flight is not drift',
      [row('A', 5, 9, 'inv_m', { expectedAsOf: 1_000, sfccResetDate: 500 })],
      { now: 1_500, inFlightGraceMs: 1_000 },
      [],
    ],
    [
      'newer WAIR figure past the grace is drift',
      [row('A', 5, 9, 'inv_m', { expectedAsOf: 1_000, sfccResetDate: 500 })],
      { now: 5_000, inFlightGraceMs: 1_000 },
      [['A', 'OVER_STATED', '4', 'HIGH']],
    ],
    [
      'two lists: one finding, worst severity, direction of the largest difference',
      [row('A', 10, 3, 'inv_a'), row('A', 5, 6, 'inv_b')],
      {},
      [['A', 'UNDER_STATED', '7', 'HIGH']],
    ],
  ])('%s', (_n, rows, options, expected) => {
    const out = findInventoryDrift(rows, options).map((f) => [
      f.subject,
      f.data['direction'],
      f.data['magnitude'],
      f.severity,
    ]);
    expect(out).toEqual(expected);
  });

  it('reports per-list figures and an overselling warning for OPS', () => {
    const [f] = findInventoryDrift([row('A', 5, 8, 'inv_m')]);
    expect(f).toMatchObject({
      type: 'INVENTORY_DRIFT',
      owner: 'OPS',
      data: { 'inv_m.expected': '5', 'inv_m.sfcc': '8', 'inv_m.delta': '3' },
    });
    expect(f?.detail).toBe('A inv_m: SFCC shows 8, expected 5 (over-stated by 3) — risk of overselling');
  });
});
