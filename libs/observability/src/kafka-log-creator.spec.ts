import {
  createKafkaLogCreator,
  KafkaLogLevel,
  kafkaLogLevelFor,
  type KafkaLogEntry,
} from './kafka-log-creator';
import { createLogger } from './logger';
import { REDACTED } from './redaction-paths';
import { createLogCapture } from './testing/log-capture';

function setup(level = 'debug') {
  const capture = createLogCapture();
  const logger = createLogger({ app: 'test-app', level, destination: capture.destination });
  const log = createKafkaLogCreator(logger)(KafkaLogLevel.DEBUG);
  return { capture, log, logger };
}

function entry(level: number, label: string, extra: Record<string, unknown> = {}): KafkaLogEntry {
  return {
    namespace: 'Consumer',
    level,
    label,
    log: { timestamp: '2024-01-01T00:00:00.000Z', logger: 'kafkajs', message: `${label} message`, ...extra },
  };
}

describe('createKafkaLogCreator', () => {
  it.each([
    [KafkaLogLevel.ERROR, 'ERROR', 'error'],
    [KafkaLogLevel.WARN, 'WARN', 'warn'],
    [KafkaLogLevel.INFO, 'INFO', 'info'],
    [KafkaLogLevel.DEBUG, 'DEBUG', 'debug'],
  ])('maps kafkajs level %i (%s) to pino %s', (level, label, pinoLevel) => {
    const { capture, log } = setup();
    log(entry(level, label));
    expect(capture.entries()).toEqual([
      expect.objectContaining({
        level: pinoLevel,
        msg: `${label} message`,
        component: 'kafkajs',
        app: 'test-app',
      }),
    ]);
  });

  it('writes nothing for NOTHING or an unknown level', () => {
    const { capture, log } = setup();
    log(entry(KafkaLogLevel.NOTHING, 'NOTHING'));
    log(entry(3, 'ODD'));
    expect(capture.lines()).toEqual([]);
  });

  it('writes namespace and extra fields as JSON fields, without kafkajs timestamp and logger', () => {
    const { capture, log } = setup();
    log(
      entry(KafkaLogLevel.ERROR, 'ERROR', {
        groupId: 'g1',
        error: 'The coordinator is loading',
        retryCount: 2,
      }),
    );
    const [line] = capture.entries();
    expect(line).toMatchObject({
      namespace: 'Consumer',
      groupId: 'g1',
      error: 'The coordinator is loading',
      retryCount: 2,
    });
    expect(line).not.toHaveProperty('timestamp');
    expect(line).not.toHaveProperty('logger');
  });

  it('renames extra fields that would shadow pino fields', () => {
    const { capture, log } = setup();
    log(entry(KafkaLogLevel.INFO, 'INFO', { level: 'x', pid: 1 }));
    expect(capture.entries()[0]).toMatchObject({
      level: 'info',
      pid: process.pid,
      kafka_level: 'x',
      kafka_pid: 1,
    });
  });

  it('redacts secrets in extra fields', () => {
    const { capture, log } = setup();
    log(entry(KafkaLogLevel.ERROR, 'ERROR', { sasl: { mechanism: 'plain', password: 's3cret' } }));
    expect(capture.entries()[0]).toMatchObject({ sasl: { mechanism: 'plain', password: REDACTED } });
  });

  it('leaves level filtering to the pino logger too', () => {
    const { capture, log } = setup('warn');
    log(entry(KafkaLogLevel.INFO, 'INFO'));
    log(entry(KafkaLogLevel.WARN, 'WARN'));
    expect(capture.entries().map((line) => line['level'])).toEqual(['warn']);
  });
});

describe('kafkaLogLevelFor', () => {
  it.each([
    ['trace', KafkaLogLevel.DEBUG],
    ['debug', KafkaLogLevel.DEBUG],
    ['info', KafkaLogLevel.INFO],
    ['warn', KafkaLogLevel.WARN],
    ['error', KafkaLogLevel.ERROR],
    ['fatal', KafkaLogLevel.ERROR],
    ['silent', KafkaLogLevel.NOTHING],
  ])('maps pino %s to kafkajs %i', (level, expected) => {
    expect(kafkaLogLevelFor(setup(level).logger)).toBe(expected);
  });
});
