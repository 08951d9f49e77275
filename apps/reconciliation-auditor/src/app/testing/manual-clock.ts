import type { SchedulerClock } from '../audits/audit-scheduler';

/** A clock tests move by hand: timers fire only inside `advance`. */
export interface ManualClock extends SchedulerClock {
  /** Moves time forward, firing due timers in time order; awaits the work they start. */
  advance(ms: number): Promise<void>;
  set(now: number): void;
  pendingTimers(): number;
}

const settle = async () => {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
  await new Promise<void>((r) => setImmediate(r));
};

export function createManualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
        await settle();
      }
      now = target;
    },
    set(value) {
      now = value;
    },
    pendingTimers: () => timers.size,
  };
}
