import pino from 'pino';
import { ObservabilityConfigError } from './observability-errors';
import { DEFAULT_REDACT_PATHS, REDACTED } from './redaction-paths';

/** The logger every app and lib receives; apps use this type instead of importing pino. */
export type Logger = pino.Logger;

/** Where log lines are written; anything with `write(line: string)`, e.g. a capture stream in tests. */
export type LogDestination = pino.DestinationStream;

/** Options of {@link createLogger}. */
export interface LoggerConfig {
  /** Name of the app, written on every line as `app`. */
  app: string;
  /** pino level name; defaults to `LOG_LEVEL` from the environment, else `info`. */
  level?: string;
  /** Defaults to stdout. */
  destination?: LogDestination;
  /** Extra pino redact paths on top of the default secret and personal-data paths. */
  redactPaths?: readonly string[];
}

const LEVEL_NAMES = new Set([...Object.keys(pino.levels.values), 'silent']);

function resolveLevel(configured: string | undefined): string {
  const level = (configured ?? process.env['LOG_LEVEL'] ?? 'info').trim().toLowerCase();
  if (!LEVEL_NAMES.has(level)) {
    throw new ObservabilityConfigError(`Unknown log level "${level}"`, {
      allowed: [...LEVEL_NAMES],
    });
  }
  return level;
}

/**
 * Creates the JSON logger of an app: ISO timestamps, `app` and `pid` on every line, the level as
 * its name, and secrets and personal data redacted as `[redacted]` (see `redaction-paths.ts` for
 * what is covered and how deep).
 *
 * @throws ObservabilityConfigError when the level is not a pino level name.
 */
export function createLogger(config: LoggerConfig): Logger {
  const options: pino.LoggerOptions = {
    level: resolveLevel(config.level),
    // hostname is left out: in Kubernetes the pod name comes with the log metadata anyway.
    base: { app: config.app, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Names rather than numbers, so that log queries and humans read the same thing.
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [...DEFAULT_REDACT_PATHS, ...(config.redactPaths ?? [])],
      censor: REDACTED,
    },
  };
  return config.destination ? pino(options, config.destination) : pino(options);
}
