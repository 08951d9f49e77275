import { createMalformedHold } from './malformed-hold';

function setup(rereads: number) {
  const givenUp: Array<[number, number]> = [];
  const hold = createMalformedHold({ rereads, onGiveUp: (p, s) => givenUp.push([p, s]) });
  /** One poll that read the feed up to `from` and met malformed records at `positions`. */
  const poll = (from: number, ...positions: number[]): number => {
    hold.beginPoll();
    positions.forEach((p) => hold.malformed(p));
    const cursor = hold.cap(from);
    hold.endPoll();
    return cursor;
  };
  return { poll, givenUp };
}

describe('malformed hold', () => {
  it('holds the cursor at the oldest malformed position for `rereads` further polls, then gives up once', () => {
    const { poll, givenUp } = setup(2);
    expect(poll(3000, 2500, 2000)).toBe(2000);
    expect(poll(3000, 2000)).toBe(2000);
    expect(givenUp).toEqual([]);
    expect(poll(3000, 2000)).toBe(3000);
    expect(givenUp).toEqual([[2000, 3]]);
    // Read again behind an earlier hold: still given up, not reported twice.
    expect(poll(3000, 1000, 2000)).toBe(1000);
    expect(givenUp).toEqual([[2000, 3]]);
  });

  it('forgets a position that was served valid, and counts it once per poll', () => {
    const { poll, givenUp } = setup(1);
    expect(poll(3000, 2000, 2000)).toBe(2000);
    expect(poll(3000)).toBe(3000);
    expect(poll(4000, 2000)).toBe(2000);
    expect(givenUp).toEqual([]);
  });

  it('gives up on records behind one another together, so they hold the feed `rereads` polls in all', () => {
    const { poll, givenUp } = setup(2);
    expect(poll(3000, 1000, 2000)).toBe(1000);
    expect(poll(3000, 1000, 2000)).toBe(1000);
    expect(poll(3000, 1000, 2000)).toBe(3000);
    expect(givenUp.map(([p]) => p)).toEqual([1000, 2000]);
  });

  it('with 0 re-reads gives up at once and never holds', () => {
    const { poll, givenUp } = setup(0);
    expect(poll(3000, 2000)).toBe(3000);
    expect(givenUp).toEqual([[2000, 1]]);
  });
});
