import { RowArena } from './row-arena';

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
const read = (arena: RowArena, slot: number, n: number) => [
  ...arena.buffer().subarray(arena.start(slot), arena.start(slot) + n),
];

describe('row arena', () => {
  it('stores, replaces (in place or moved) and removes rows by slot', () => {
    const arena = new RowArena();
    expect(arena.put(0, bytes(3, 1))).toBe(true);
    expect(arena.put(5000, bytes(2, 2))).toBe(true);
    expect(arena.put(0, bytes(2, 3))).toBe(false);
    expect(read(arena, 0, 2)).toEqual([3, 3]);
    expect(arena.put(0, bytes(10, 4))).toBe(false);
    expect(read(arena, 0, 10)).toEqual(Array(10).fill(4));
    expect(arena.size).toBe(2);
    expect(arena.remove(5000)).toBe(true);
    expect(arena.remove(5000)).toBe(false);
    expect(arena.has(5000)).toBe(false);
    expect(arena.size).toBe(1);
  });

  it('compacts the space of replaced rows instead of growing without end', () => {
    const arena = new RowArena();
    for (let round = 0; round < 50; round += 1) {
      for (let slot = 0; slot < 1000; slot += 1)
        arena.put(slot, bytes(20 + (round % 2) * 20, (slot + round) % 256));
    }
    // 1,000 live rows of 20-40 bytes: a few hundred KiB, not the 1.5 MiB written.
    expect(arena.byteCapacity()).toBeLessThanOrEqual(256 * 1024);
    for (let slot = 0; slot < 1000; slot += 1)
      expect(read(arena, slot, 40)).toEqual(Array(40).fill((slot + 49) % 256));
  });
});
