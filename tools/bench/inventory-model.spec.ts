import {
  changeLatencies,
  expectedRecords,
  incorrectRecords,
  lastReflectedAfter,
  listMappings,
  pairKey,
  type SfccWrite,
  type TruthSku,
  type WairChange,
} from './inventory-model';

const lists = listMappings(['WEB01', 'DC01', 'ST01', 'ST02']);
const truth = (sku: string, at: number, available: Record<string, number>): TruthSku => ({
  sku,
  locations: Object.entries(available).map(([location, a]) => ({ location, available: a, modifiedAt: at })),
});
const change = (at: number, sku: string, location: string, onHand: number, reserved = 0): WairChange => ({
  at,
  sku,
  location,
  onHand,
  reserved,
  sequence: at,
});
let seq = 0;
const write = (
  at: number,
  listId: string,
  productId: string,
  allocation: number,
  resetDate: number,
): SfccWrite => ({
  seq: ++seq,
  at,
  listId,
  productId,
  allocation,
  resetDate,
});

describe('listMappings', () => {
  it('feeds the webshop list from WEB01 + DC01 and the stores list from every other location', () => {
    expect(lists).toEqual([
      { listId: 'inventory_webshop', locations: ['WEB01', 'DC01'] },
      { listId: 'inventory_stores', locations: ['ST01', 'ST02'] },
    ]);
  });
});

describe('expectedRecords and incorrectRecords', () => {
  const expected = expectedRecords([truth('A', 1_000, { WEB01: 2, DC01: 5, ST01: -3, ST02: 1 })], lists);

  it('sums the list’s locations (never below 0) as of the SKU’s newest change', () => {
    expect(expected.get(pairKey('inventory_webshop', 'A'))).toEqual({ allocation: 7, asOf: 1_000 });
    expect(expected.get(pairKey('inventory_stores', 'A'))).toEqual({ allocation: 0, asOf: 1_000 });
  });

  it('flags a record with another amount, an older reset date, or none at all', () => {
    const held = new Map([
      [pairKey('inventory_webshop', 'A'), { allocation: 7, resetDate: 1_000 }],
      [pairKey('inventory_stores', 'A'), { allocation: 0, resetDate: 999 }],
    ]);
    expect(incorrectRecords(expected, held)).toEqual([pairKey('inventory_stores', 'A')]);
    held.set(pairKey('inventory_stores', 'A'), { allocation: 0, resetDate: 1_000 });
    expect(incorrectRecords(expected, held)).toEqual([]);
    held.set(pairKey('inventory_webshop', 'A'), { allocation: 6, resetDate: 2_000 });
    expect(incorrectRecords(expected, held)).toEqual([pairKey('inventory_webshop', 'A')]);
    expect(incorrectRecords(expected, new Map())).toHaveLength(2);
  });
});

describe('changeLatencies', () => {
  const initial = [truth('A', 0, { WEB01: 0, DC01: 10, ST01: 0, ST02: 0 })];

  it('times each change to the first write of its list whose reset date covers it', () => {
    const changes = [change(100, 'A', 'DC01', 0), change(200, 'A', 'DC01', 8)];
    const writes = [
      write(150, 'inventory_webshop', 'A', 0, 100),
      write(150, 'inventory_stores', 'A', 0, 100),
      write(260, 'inventory_webshop', 'A', 8, 200),
    ];
    const out = changeLatencies({ initial, changes, writes, lists, lowStockThreshold: 3 });
    expect(out).toEqual([
      { listId: 'inventory_webshop', sku: 'A', at: 100, priority: 0, latencyMs: 50 },
      { listId: 'inventory_webshop', sku: 'A', at: 200, priority: 2, latencyMs: 60 },
    ]);
  });

  it('classifies from the allocation before and after (low-stock drop is class 0, a rise class 1)', () => {
    const changes = [
      change(100, 'A', 'DC01', 2),
      change(200, 'A', 'DC01', 9),
      change(300, 'A', 'ST01', 4, 1),
    ];
    const out = changeLatencies({ initial, changes, writes: [], lists, lowStockThreshold: 3 });
    expect(out.map((l) => [l.listId, l.priority])).toEqual([
      ['inventory_webshop', 0],
      ['inventory_webshop', 1],
      ['inventory_stores', 2],
    ]);
  });

  it('leaves a change no write covers unreflected, and a later write covers every earlier change', () => {
    const changes = [change(100, 'A', 'DC01', 4), change(200, 'A', 'DC01', 5)];
    const out = changeLatencies({
      initial,
      changes,
      writes: [write(500, 'inventory_webshop', 'A', 5, 200)],
      lists,
      lowStockThreshold: 3,
    });
    expect(out.map((l) => l.latencyMs)).toEqual([400, 300]);
    const none = changeLatencies({ initial, changes, writes: [], lists, lowStockThreshold: 3 });
    expect(none.map((l) => l.latencyMs)).toEqual([null, null]);
  });
});

describe('lastReflectedAfter', () => {
  const l = (at: number, latencyMs: number | null) => ({
    listId: 'x',
    sku: 'A',
    at,
    priority: 1 as const,
    latencyMs,
  });

  it('is the seconds from the start until the last change reached SFCC', () => {
    expect(lastReflectedAfter([l(1_000, 500), l(2_000, 3_000), l(4_000, 100)], 0)).toBe(5);
  });

  it('is null when a change never reached SFCC or there were none', () => {
    expect(lastReflectedAfter([l(1_000, 500), l(2_000, null)], 0)).toBeNull();
    expect(lastReflectedAfter([], 0)).toBeNull();
  });
});
