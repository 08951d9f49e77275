/**
 * What `npm start` runs, in start order. Later apps (simulators, ...) are added here with their
 * ops port and environment; everything else about starting and stopping them is shared.
 */
export interface SystemProcess {
  app: string;
  opsPort: number;
  env?: Record<string, string>;
  /** Printed next to the process once it is ready. */
  links?: Array<{ label: string; path: string }>;
}

export const SYSTEM_PROCESSES: SystemProcess[] = [
  { app: 'wair-ingest', opsPort: 9301 },
  { app: 'sfcc-inventory-writer', opsPort: 9302 },
  { app: 'order-dispatch-bridge', opsPort: 9303 },
  { app: 'reconciliation-auditor', opsPort: 9304 },
];
