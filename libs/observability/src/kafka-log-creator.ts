import type { Logger } from './logger';

/**
 * kafkajs's numeric log levels (`logLevel` enum), repeated here because only libs/kafka may
 * import kafkajs.
 */
export const KafkaLogLevel = {
  NOTHING: 0,
  ERROR: 1,
  WARN: 2,
  INFO: 4,
  DEBUG: 5,
} as const;

/** One kafkajs log call, structurally the same as kafkajs's `LogEntry`. */
export interface KafkaLogEntry {
  namespace: string;
  level: number;
  label: string;
  log: { message: string; [key: string]: unknown };
}

/** Structurally the same as kafkajs's `logCreator`, so it can be passed to `new Kafka({ logCreator })`. */
export type KafkaLogCreator = (logLevel: number) => (entry: KafkaLogEntry) => void;

type PinoMethod = 'error' | 'warn' | 'info' | 'debug';

const PINO_METHOD_BY_KAFKA_LEVEL: Readonly<Record<number, PinoMethod>> = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
};

// kafkajs stamps its own time and logger name; pino writes `time` and we write `component` instead.
const DROPPED_FIELDS = new Set(['message', 'timestamp', 'logger']);
// Fields pino or this bridge already write: a kafkajs field of the same name must not shadow them.
const RESERVED_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'app', 'hostname', 'component', 'namespace']);

function toFields(entry: KafkaLogEntry): Record<string, unknown> {
  const fields: Record<string, unknown> = { namespace: entry.namespace };
  for (const [key, value] of Object.entries(entry.log)) {
    if (DROPPED_FIELDS.has(key)) continue;
    fields[RESERVED_FIELDS.has(key) ? `kafka_${key}` : key] = value;
  }
  return fields;
}

/**
 * Routes kafkajs's logs into pino: each entry becomes one line on a child logger with
 * `component: 'kafkajs'`, the kafkajs `namespace`, and kafkajs's extra fields (groupId, broker,
 * error, retryCount, ...) as JSON fields, so they are searchable and go through redaction.
 *
 * kafkajs filters by its own level before calling the log function, and pino filters again by the
 * logger's level: use {@link kafkaLogLevelFor} to keep the two in step.
 */
export function createKafkaLogCreator(logger: Logger): KafkaLogCreator {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return () => (entry) => {
    const method = PINO_METHOD_BY_KAFKA_LEVEL[entry.level];
    // NOTHING (0) or a level kafkajs might add later: there is no sensible pino level to map it to.
    if (!method) return;
    kafkaLogger[method](toFields(entry), entry.log.message);
  };
}

/**
 * The kafkajs level that lets through what `logger` would print, to pass as kafkajs's `logLevel`
 * (pino's `trace` maps to DEBUG, `fatal` to ERROR, `silent` to NOTHING).
 */
export function kafkaLogLevelFor(logger: Logger): number {
  // pino's level numbers are fixed: debug 20, info 30, warn 40, error 50, fatal 60, silent Infinity.
  const threshold = logger.levelVal;
  if (threshold <= 20) return KafkaLogLevel.DEBUG;
  if (threshold <= 30) return KafkaLogLevel.INFO;
  if (threshold <= 40) return KafkaLogLevel.WARN;
  if (threshold <= 60) return KafkaLogLevel.ERROR;
  return KafkaLogLevel.NOTHING;
}
