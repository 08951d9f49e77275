import { buildStockLevel, buildSync } from '../testing';
import { findSyncDelays } from './sync-delay.rule';

const SLA = 60_000;
describe('findSyncDelays', () => {
  it.each([
    ['young change without outcome', buildStockLevel('A', 100_000), [], 150_000, []],
    ['old change without any outcome → MEDIUM', buildStockLevel('A', 100_000), [], 200_000, ['MEDIUM']],
    ['very old change → HIGH', buildStockLevel('A', 100_000), [], 100_000 + 5 * SLA, ['HIGH']],
    [
      'outcome for the same figure',
      buildStockLevel('A', 100_000, 7),
      [{ sourceAsOf: 100_000, sourceSequence: 7 }],
      900_000,
      [],
    ],
    [
      'outcome for a newer figure',
      buildStockLevel('A', 100_000, 7),
      [{ sourceAsOf: 120_000, sourceSequence: 1 }],
      900_000,
      [],
    ],
    [
      'outcome for an older sequence at the same asOf',
      buildStockLevel('A', 100_000, 7),
      [{ sourceAsOf: 100_000, sourceSequence: 6 }],
      200_000,
      ['MEDIUM'],
    ],
    [
      'outcome for an older figure',
      buildStockLevel('A', 100_000, 7),
      [{ sourceAsOf: 90_000, sourceSequence: 9 }],
      200_000,
      ['MEDIUM'],
    ],
    [
      'a non-OK outcome still counts',
      buildStockLevel('A', 100_000),
      [{ sourceAsOf: 100_000, outcome: 'SKU_NOT_IN_CATALOG' as const }],
      900_000,
      [],
    ],
  ])('%s', (_n, stock, lists, now, expected) => {
    const syncs = new Map(lists.length ? [['A', buildSync('A', lists)]] : []);
    expect(findSyncDelays([stock], syncs, { now, slaMs: SLA }).map((f) => f.severity)).toEqual(expected);
  });

  it('with list mapping, every mapped list needs an outcome', () => {
    const syncs = new Map([['A', buildSync('A', [{ inventoryListId: 'inv_a', sourceAsOf: 100_000 }])]]);
    const [f] = findSyncDelays([buildStockLevel('A', 100_000)], syncs, {
      now: 200_000,
      slaMs: SLA,
      listsFor: () => ['inv_a', 'inv_b'],
    });
    expect(f).toMatchObject({
      type: 'SYNC_DELAY',
      owner: 'PLATFORM',
      subject: 'A',
      data: { missingLists: 'inv_b' },
    });
  });

  it('keeps the detail stable across runs, so re-runs are not material changes', () => {
    const stock = [buildStockLevel('A', 100_000)];
    const a = findSyncDelays(stock, new Map(), { now: 200_000, slaMs: SLA });
    const b = findSyncDelays(stock, new Map(), { now: 210_000, slaMs: SLA });
    expect(a[0]?.detail).toBe(b[0]?.detail);
    expect(a[0]?.data).toEqual(b[0]?.data);
  });
});
