import type { ChaosProfile } from './chaos-profile';
import type { ChaosSystem } from './chaos-system';
import type { TimeWindow } from './oversell.check';
import type { ChaosStack } from './stack-control';

/** What a scenario gets to inject its faults and to tell the report what it did. */
export interface ScenarioContext {
  system: ChaosSystem;
  profile: ChaosProfile;
  /** Seeded, so a failing run can be repeated. */
  random: () => number;
  sleep(ms: number): Promise<void>;
  /** A period in which oversold orders are the injected fault's, not the integration's. */
  faultWindow(window: TimeWindow): void;
  /** A figure for the report line (what was injected, how often). */
  note(key: string, value: number | string): void;
  /** Storefront orders placed malformed on purpose: each must end as an exception. */
  malformedOrders: string[];
  /** Malformed WAIR records the simulator served: each must end on a DLQ (or as a skipped foreign dispatch). */
  malformedWair: { injected: number };
  /** The chaos stack's own broker and registry; only scenarios that need it get one. */
  stack?: ChaosStack;
}

export interface Scenario {
  id: string;
  title: string;
  /** Kills or pauses the broker or the registry: only against the chaos command's own stack. */
  needsOwnStack?: boolean;
  run(ctx: ScenarioContext): Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
