/**
 * A per-client leaky bucket (as a meter): each request adds one unit, the bucket drains at `rate`
 * per second and holds `burst`; a request that would overflow is refused with the seconds until
 * it would fit. Hand-written because the simulator must refuse (429) rather than queue, and the
 * exact arithmetic is what the writer's Retry-After handling is tested against.
 */
export function createLeakyBucket(options: { ratePerSecond: number; burst: number; now: () => number }) {
  const levels = new Map<string, { level: number; at: number }>();
  return {
    /** Takes one unit for `client`; `{ok:false, retryAfterSeconds}` when the bucket is full. */
    take(client: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
      const now = options.now();
      const state = levels.get(client) ?? { level: 0, at: now };
      const level = Math.max(0, state.level - ((now - state.at) / 1000) * options.ratePerSecond);
      if (level + 1 > options.burst) {
        levels.set(client, { level, at: now });
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil((level + 1 - options.burst) / options.ratePerSecond)),
        };
      }
      levels.set(client, { level: level + 1, at: now });
      return { ok: true };
    },
  };
}

export type LeakyBucket = ReturnType<typeof createLeakyBucket>;
