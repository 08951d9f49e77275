import { CoalescingQueue, type PriorityClass } from '@wair-sfcc/inventory-domain';
import { createLogger } from '@wair-sfcc/observability';
import { createLogCapture } from '@wair-sfcc/observability/testing';
import { createSlaWatch } from './sla-watch';

const SLA = 1_000;

function setup(slaMs = SLA) {
  const queue = new CoalescingQueue<null>();
  const logs = createLogCapture();
  let clock = 0;
  const watch = createSlaWatch({
    queue,
    slaMs,
    logger: createLogger({ app: 'test', level: 'info', destination: logs.destination }),
    now: () => clock,
  });
  const offer = (sku: string, priority: PriorityClass, enqueuedAt: number, list = 'web') =>
    queue.offer(
      { inventoryListId: list, sku, asOf: 1, sourceSequence: 0, priority, payload: null },
      enqueuedAt,
    );
  /** Runs one tick at `at` and returns what it logged. */
  const tick = (at: number): Array<Record<string, unknown>> => {
    clock = at;
    logs.clear();
    watch.check();
    return logs
      .entries()
      .map(({ level, msg, priority, oldestAgeMs, lateCount, examples, lateForMs, maxAgeMs }) => ({
        level,
        msg,
        priority,
        ...(level === 'warn' ? { oldestAgeMs, lateCount, examples } : { lateForMs, maxAgeMs }),
      }));
  };
  return { queue, watch, offer, tick };
}

describe('SLA watch of the pending entries', () => {
  it('warns once when a class goes over the SLA, with its age, the late count and the oldest few', () => {
    const { watch, offer, tick } = setup();
    // Arrival order differs from age order, so the examples must be picked by age.
    for (const [sku, at] of [
      ['C', 100],
      ['E', 200],
      ['A', 0],
      ['D', 150],
      ['B', 50],
    ] as const)
      offer(sku, 0, at);
    offer('F', 0, 300);
    offer('G', 2, 1_200);
    expect(tick(900)).toEqual([]);
    expect(tick(1_250)).toEqual([
      {
        level: 'warn',
        msg: 'pending stock changes are older than the sync SLA',
        priority: 0,
        oldestAgeMs: 1_250,
        // A..E are over the SLA (E: 1,050 ms); F (950 ms) is not.
        lateCount: 5,
        examples: [
          { inventoryListId: 'web', sku: 'A', ageMs: 1_250 },
          { inventoryListId: 'web', sku: 'B', ageMs: 1_200 },
          { inventoryListId: 'web', sku: 'C', ageMs: 1_150 },
        ],
      },
    ]);
    expect(watch.breaching()).toEqual([0]);
    // Still over the SLA on the next ticks: the same episode, nothing more is logged.
    expect(tick(1_300)).toEqual([]);
    expect(tick(2_000)).toEqual([]);
    expect(watch.breaching()).toEqual([0]);
  });

  it('ends an episode only after a whole SLA period within it, then warns again on the next breach', () => {
    const { queue, watch, offer, tick } = setup();
    offer('A', 1, 0);
    expect(tick(1_500).map((l) => [l.level, l.priority])).toEqual([['warn', 1]]);
    queue.take(10);
    expect(tick(2_000)).toEqual([]); // back within the SLA from here
    // A late entry shows up before a whole SLA has passed: still the same episode.
    offer('B', 1, 900);
    expect(tick(2_200)).toEqual([]);
    queue.take(10);
    expect(tick(2_300)).toEqual([]);
    expect(tick(3_299)).toEqual([]);
    expect(watch.breaching()).toEqual([1]);
    expect(tick(3_300)).toEqual([
      {
        level: 'info',
        msg: 'pending stock changes are back within the sync SLA',
        priority: 1,
        lateForMs: 800,
        maxAgeMs: 1_500,
      },
    ]);
    expect(watch.breaching()).toEqual([]);
    offer('C', 1, 3_400);
    expect(tick(4_401).map((l) => [l.level, l.priority, l.lateCount])).toEqual([['warn', 1, 1]]);
  });

  it('keeps one episode per priority class', () => {
    const { watch, offer, tick } = setup();
    offer('A', 2, 0);
    expect(tick(1_100).map((l) => [l.priority, l.lateCount])).toEqual([[2, 1]]);
    offer('B', 0, 1_000);
    offer('C', 0, 1_050);
    expect(tick(2_060).map((l) => [l.priority, l.lateCount])).toEqual([[0, 2]]);
    expect(watch.breaching()).toEqual([0, 2]);
  });

  it('does nothing with an SLA of 0', () => {
    const { watch, offer, tick } = setup(0);
    offer('A', 0, 0);
    expect(tick(1_000_000)).toEqual([]);
    expect(watch.breaching()).toEqual([]);
  });
});
