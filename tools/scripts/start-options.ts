import { parseArgs } from 'node:util';
import { DEFAULT_PORTS, SYSTEM_APPS, type SystemApp, type SystemPorts } from './system-processes';

/** What `npm start` lets you choose about the demo load (flags win over environment variables). */
export interface StartOptions {
  skus?: number;
  changesPerSecond?: number;
  ordersPerMinute?: number;
  seed?: string;
}

const NUMBERS = {
  skus: { flag: 'skus', env: 'START_SKUS', min: 1 },
  changesPerSecond: { flag: 'changes-per-second', env: 'START_CHANGES_PER_SECOND', min: 0 },
  ordersPerMinute: { flag: 'orders-per-minute', env: 'START_ORDERS_PER_MINUTE', min: 0 },
} as const;

/** A flag or setting `npm start` cannot use, named with why. */
export class StartOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartOptionError';
  }
}

/**
 * Reads `--skus N --changes-per-second N --orders-per-minute N --seed S` (or START_SKUS,
 * START_CHANGES_PER_SECOND, START_ORDERS_PER_MINUTE, START_SEED). @throws StartOptionError
 */
export function parseStartOptions(args: string[], env: NodeJS.ProcessEnv): StartOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        skus: { type: 'string' },
        'changes-per-second': { type: 'string' },
        'orders-per-minute': { type: 'string' },
        seed: { type: 'string' },
      },
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new StartOptionError((error as Error).message);
  }
  const out: StartOptions = {};
  for (const [key, spec] of Object.entries(NUMBERS) as Array<
    [keyof typeof NUMBERS, (typeof NUMBERS)[keyof typeof NUMBERS]]
  >) {
    const raw = values[spec.flag] ?? env[spec.env];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < spec.min)
      throw new StartOptionError(`--${spec.flag} (${spec.env}) must be a number ≥ ${spec.min}, got "${raw}"`);
    out[key] = n;
  }
  const seed = values['seed'] ?? env['START_SEED'];
  if (seed) out.seed = seed;
  return out;
}

/**
 * The simulators' settings for the options: both build the same catalogue from the same seed and
 * size, so they must always get them together.
 */
export function simulatorEnv(options: StartOptions): Record<string, Record<string, string>> {
  const wair: Record<string, string> = {};
  const sfcc: Record<string, string> = {};
  if (options.skus !== undefined) wair['SKU_COUNT'] = sfcc['SIM_SKU_COUNT'] = String(options.skus);
  if (options.seed !== undefined) wair['SEED'] = sfcc['SIM_SEED'] = options.seed;
  if (options.changesPerSecond !== undefined) wair['CHANGES_PER_SECOND'] = String(options.changesPerSecond);
  if (options.ordersPerMinute !== undefined) sfcc['SIM_ORDERS_PER_MINUTE'] = String(options.ordersPerMinute);
  return { 'wair-simulator': wair, 'sfcc-simulator': sfcc };
}

/** The variable that moves one process's ops port, e.g. START_WAIR_SIMULATOR_PORT. */
export function portVariable(app: SystemApp): string {
  return `START_${app.toUpperCase().replace(/-/g, '_')}_PORT`;
}

/**
 * Each process's ops port: `START_<APP>_PORT` or the app's usual port, so a second system (a test,
 * a demo beside a running one) can run on this machine. @throws StartOptionError
 */
export function parseStartPorts(env: NodeJS.ProcessEnv): SystemPorts {
  const ports = { ...DEFAULT_PORTS };
  for (const app of SYSTEM_APPS) {
    const raw = env[portVariable(app)];
    if (raw === undefined || raw === '') continue;
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65_535)
      throw new StartOptionError(`${portVariable(app)} must be a TCP port number (1-65535), got "${raw}"`);
    ports[app] = port;
  }
  const taken = new Map<number, SystemApp>();
  for (const app of SYSTEM_APPS) {
    const other = taken.get(ports[app]);
    if (other) throw new StartOptionError(`${app} and ${other} cannot both use port ${ports[app]}`);
    taken.set(ports[app], app);
  }
  return ports;
}
