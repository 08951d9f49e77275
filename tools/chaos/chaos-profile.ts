/**
 * How long and how hard a chaos run is. `reduced` is the time-compressed form inside `npm test`,
 * `standard` is `npm run chaos`, `full` (`--full`) uses the durations.
 */
export interface ChaosProfile {
  name: 'reduced' | 'standard' | 'full';
  skuCount: number;
  wairChangesPerSecond: number;
  ordersPerMinute: number;
  /** wair-ingest poll pause; also how fast lost webhooks are repaired. */
  pollMs: number;
  fulfilmentDelayMs: number;
  /** SIGKILLs per app in the kill scenario, and the pause between them. */
  killsPerApp: number;
  killGapMs: number;
  /** How long each SFCC / WAIR fault stays on. */
  faultMs: number;
  sfccOutageSeconds: number;
  slowResponseMs: number;
  brokerPauseMs: number;
  registryOutageMs: number;
  /** Invariant (a): time allowed after the faults stop. */
  convergenceMs: number;
  /** Upper bound for orders and dispatches to settle before the checks. */
  settleMs: number;
  /** An oversold order within this long after WAIR's figure dropped is the propagation race. */
  syncWindowMs: number;
}

export const PROFILES: Record<ChaosProfile['name'], ChaosProfile> = {
  reduced: {
    name: 'reduced',
    skuCount: 80,
    wairChangesPerSecond: 8,
    ordersPerMinute: 120,
    pollMs: 500,
    fulfilmentDelayMs: 500,
    killsPerApp: 1,
    killGapMs: 2_500,
    faultMs: 4_000,
    // Longer than the bridge's fixed 30 s SFCC breaker reset needs to open and close inside it.
    sfccOutageSeconds: 20,
    slowResponseMs: 2_000,
    brokerPauseMs: 5_000,
    registryOutageMs: 8_000,
    convergenceMs: 30_000,
    settleMs: 60_000,
    syncWindowMs: 10_000,
  },
  standard: {
    name: 'standard',
    skuCount: 200,
    wairChangesPerSecond: 10,
    ordersPerMinute: 120,
    pollMs: 1_000,
    fulfilmentDelayMs: 1_000,
    killsPerApp: 2,
    killGapMs: 5_000,
    faultMs: 10_000,
    sfccOutageSeconds: 20,
    slowResponseMs: 2_000,
    brokerPauseMs: 10_000,
    registryOutageMs: 15_000,
    convergenceMs: 30_000,
    settleMs: 90_000,
    syncWindowMs: 10_000,
  },
  full: {
    name: 'full',
    skuCount: 400,
    wairChangesPerSecond: 20,
    ordersPerMinute: 240,
    pollMs: 3_000,
    fulfilmentDelayMs: 5_000,
    killsPerApp: 3,
    killGapMs: 10_000,
    faultMs: 30_000,
    sfccOutageSeconds: 60,
    slowResponseMs: 2_000,
    brokerPauseMs: 20_000,
    registryOutageMs: 30_000,
    convergenceMs: 30_000,
    settleMs: 180_000,
    syncWindowMs: 15_000,
  },
};
