import { OffsetTracker, type SourceRef } from './offset-tracker';

const at = (offset: number, partition = 0): SourceRef => ({ topic: 'wair.stock.v1', partition, offset });

describe('OffsetTracker', () => {
  it('commits one past the highest record seen when nothing is held', () => {
    const t = new OffsetTracker();
    t.seen(at(0));
    t.seen(at(1));
    expect(t.committable()).toEqual([{ topic: 'wair.stock.v1', partition: 0, offset: '2' }]);
    // Nothing moved since: nothing to commit.
    expect(t.committable()).toEqual([]);
  });

  it('holds the commit at the lowest offset a pending write still needs, per partition', () => {
    const t = new OffsetTracker();
    for (const offset of [0, 1, 2]) t.seen(at(offset));
    t.hold(at(1));
    t.seen(at(5, 1));
    expect(t.committable()).toEqual([
      { topic: 'wair.stock.v1', partition: 0, offset: '1' },
      { topic: 'wair.stock.v1', partition: 1, offset: '6' },
    ]);
    t.release(at(1));
    expect(t.committable()).toEqual([{ topic: 'wair.stock.v1', partition: 0, offset: '3' }]);
  });

  it('counts holds: an offset held by two list entries stays held until both are released', () => {
    const t = new OffsetTracker();
    t.seen(at(0));
    t.hold(at(0));
    t.hold(at(0));
    t.release(at(0));
    expect(t.heldCount()).toBe(1);
    expect(t.committable()).toEqual([{ topic: 'wair.stock.v1', partition: 0, offset: '0' }]);
    t.release(at(0));
    expect(t.committable()).toEqual([{ topic: 'wair.stock.v1', partition: 0, offset: '1' }]);
  });

  // The consumer's `onParked` reports a DLQ-parked record with `seen` only: it holds nothing.
  it('lets a parked last record of a partition be committed, so a restart does not park it again', () => {
    const t = new OffsetTracker();
    t.seen(at(0));
    t.hold(at(0));
    t.release(at(0));
    expect(t.committable()).toEqual([{ topic: 'wair.stock.v1', partition: 0, offset: '1' }]);
    t.seen(at(1)); // parked
    expect(t.committable()).toEqual([{ topic: 'wair.stock.v1', partition: 0, offset: '2' }]);
  });

  it('never commits a parked record past an earlier figure still waiting for its write', () => {
    const t = new OffsetTracker();
    t.seen(at(0));
    t.hold(at(0));
    t.seen(at(1)); // parked
    expect(t.committable()).toEqual([{ topic: 'wair.stock.v1', partition: 0, offset: '0' }]);
    t.release(at(0));
    expect(t.committable()).toEqual([{ topic: 'wair.stock.v1', partition: 0, offset: '2' }]);
  });

  it('offers every partition again after a failed commit', () => {
    const t = new OffsetTracker();
    t.seen(at(3));
    expect(t.committable()).toHaveLength(1);
    t.forgetCommits();
    expect(t.committable()).toEqual([{ topic: 'wair.stock.v1', partition: 0, offset: '4' }]);
  });

  it('ignores hold and release of a recomputation (no source record)', () => {
    const t = new OffsetTracker();
    t.hold(undefined);
    t.release(undefined);
    expect(t.heldCount()).toBe(0);
    expect(t.committable()).toEqual([]);
  });
});
