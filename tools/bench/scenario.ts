/** What one `npm run bench` run measures: the load, the SFCC limits and the sections to run. */
export interface Scenario {
  name: 'default' | 'quick' | 'custom';
  skus: number;
  /** WAIR locations: WEB01 and DC01 feed the webshop list, the rest are stores feeding the stores list. */
  locations: number;
  changesPerSecond: number;
  seconds: number;
  ordersPerSecond: number;
  sfccRatePerSecond: number;
  sfccLatencyMs: number;
  /** The writer's WRITE_CONCURRENCY (its default is 2). */
  writerConcurrency: number;
  /** Overload: arrivals are this many times what the SFCC limit can carry. */
  overloadFactor: number;
  overloadSeconds: number;
  baselineRecords: number;
  webhookLoss: number;
  pollMs: number;
  seed: string;
  /** How long to wait for SFCC to converge after a stream before calling it incorrect. */
  convergeTimeoutSeconds: number;
  /** Order path (section 8): storefront orders per second, for how long. */
  orderPathRate: number;
  orderPathSeconds: number;
  /** The bridge's SFCC_RATE_PER_SEC (SCAPI Orders calls/s; its own default of 10 carries ~2 orders/s). */
  bridgeRatePerSecond: number;
  /** The bridge's SFCC_CONCURRENCY (its default is 4): orders confirmed at once. */
  bridgeConcurrency: number;
  /** WAIR's time from accepting a sale to dispatching it (the simulator's fulfilment delay). */
  dispatchDelayMs: number;
  skip: Set<SectionId>;
}

export const SECTION_IDS = [
  'baseline',
  'pipeline',
  'latency',
  'economy',
  'overload',
  'cpu',
  'full-refresh',
  'cold-start',
  'order-path',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

const DEFAULTS: Omit<Scenario, 'name' | 'skip'> = {
  skus: 20_000,
  locations: 3,
  changesPerSecond: 1_000,
  seconds: 60,
  ordersPerSecond: 5,
  sfccRatePerSecond: 50,
  sfccLatencyMs: 20,
  writerConcurrency: 2,
  overloadFactor: 5,
  overloadSeconds: 60,
  baselineRecords: 200_000,
  webhookLoss: 0.05,
  pollMs: 3_000,
  seed: 'bench',
  convergeTimeoutSeconds: 600,
  orderPathRate: 50,
  orderPathSeconds: 60,
  bridgeRatePerSecond: 300,
  bridgeConcurrency: 8,
  dispatchDelayMs: 1_000,
};

/** Small enough to iterate on: a run takes about two minutes. */
const QUICK: Partial<Scenario> = {
  skus: 2_000,
  changesPerSecond: 200,
  seconds: 15,
  overloadSeconds: 15,
  baselineRecords: 100_000,
  convergeTimeoutSeconds: 180,
  orderPathRate: 20,
  orderPathSeconds: 15,
};

type NumericKey = {
  [K in keyof Scenario]: Scenario[K] extends number ? K : never;
}[keyof Scenario];

/** Flag (`--skus=N`) and environment (`BENCH_SKUS`) names of each numeric setting. */
export const NUMERIC_SETTINGS: Record<NumericKey, string> = {
  skus: 'skus',
  locations: 'locations',
  changesPerSecond: 'rate',
  seconds: 'seconds',
  ordersPerSecond: 'orders',
  sfccRatePerSecond: 'sfcc-rate',
  sfccLatencyMs: 'sfcc-latency',
  writerConcurrency: 'writer-concurrency',
  overloadFactor: 'overload-factor',
  overloadSeconds: 'overload-seconds',
  baselineRecords: 'baseline-records',
  webhookLoss: 'webhook-loss',
  pollMs: 'poll-ms',
  convergeTimeoutSeconds: 'converge-timeout',
  orderPathRate: 'order-path-rate',
  orderPathSeconds: 'order-path-seconds',
  bridgeRatePerSecond: 'bridge-rate',
  bridgeConcurrency: 'bridge-concurrency',
  dispatchDelayMs: 'dispatch-delay',
};

const envName = (flag: string) => `BENCH_${flag.toUpperCase().replace(/-/g, '_')}`;

/**
 * The scenario from command-line flags over environment variables over the preset (`--quick` or
 * `BENCH_QUICK=1`) over the issue's defaults. Throws on an unknown flag or a value that is not a
 * non-negative number, so a typo never silently runs the default.
 */
export function parseScenario(argv: readonly string[], env: NodeJS.ProcessEnv): Scenario {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument ${arg}`);
    flags.set(m[1] as string, m[2] ?? 'true');
  }
  const quick = flags.has('quick') || env['BENCH_QUICK'] === '1';
  flags.delete('quick');
  const base = { ...DEFAULTS, ...(quick ? QUICK : {}) };
  let custom = false;
  const numbers = { ...base } as Record<NumericKey, number>;
  for (const [key, flag] of Object.entries(NUMERIC_SETTINGS) as Array<[NumericKey, string]>) {
    const raw = flags.get(flag) ?? env[envName(flag)];
    flags.delete(flag);
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${flag} must be a number ≥ 0, got ${raw}`);
    numbers[key] = value;
    custom = true;
  }
  const skipText = flags.get('skip') ?? env['BENCH_SKIP'] ?? '';
  flags.delete('skip');
  const skip = new Set<SectionId>();
  for (const s of skipText
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    if (!(SECTION_IDS as readonly string[]).includes(s))
      throw new Error(`--skip: unknown section ${s} (known: ${SECTION_IDS.join(', ')})`);
    skip.add(s as SectionId);
  }
  const seed = flags.get('seed') ?? env['BENCH_SEED'] ?? base.seed;
  flags.delete('seed');
  const unknown = [...flags.keys()];
  if (unknown.length > 0) throw new Error(`unknown flag(s): ${unknown.map((f) => `--${f}`).join(' ')}`);
  if (numbers.locations < 3) throw new Error('--locations must be at least 3 (WEB01, DC01 and a store)');
  return {
    ...base,
    ...numbers,
    seed,
    skip,
    name: custom ? 'custom' : quick ? 'quick' : 'default',
  };
}

/**
 * The SFCC request rate at which the scenario's arrivals are `overloadFactor` times what SFCC can
 * carry: every change is re-planned for each list the writer keeps (one record each), and a batch
 * request carries `batchSize` records. At least 1 request/s.
 */
export function overloadSfccRate(
  changesPerSecond: number,
  recordsPerChange: number,
  batchSize: number,
  factor: number,
): number {
  return Math.max(1, Math.round((changesPerSecond * recordsPerChange) / batchSize / factor));
}
