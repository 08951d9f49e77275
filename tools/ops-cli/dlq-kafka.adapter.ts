import { randomUUID } from 'node:crypto';
import {
  Kafka,
  logLevel,
  Partitioners,
  type IHeaders,
  type KafkaConfig,
  type Message,
  type SASLOptions,
} from 'kafkajs';
import { DLQ_HEADERS, isDlqTopic } from '@wair-sfcc/contracts';
import { kafkaEnvSchema, toKafkaSettings } from '@wair-sfcc/kafka';
import type { OpsFlags } from './ops-args';
import { OpsConfigError } from './ops-settings';

export interface DlqTopicInfo {
  topic: string;
  partitions: number;
  /** Records currently retained (end minus start offset, summed over partitions). */
  records: number;
}

export interface DlqReplayResult {
  total: number;
  replayed: number;
  /** Records without a usable `dlq-source-topic` header: left on the DLQ. */
  skipped: number;
  bySource: Record<string, number>;
}

export interface DlqReplayOptions {
  dryRun?: boolean;
  onStart?: (total: number) => void;
  onProgress?: (done: number) => void;
  /** Fails the replay when no record arrived for this long. */
  idleTimeoutMs?: number;
}

/** DLQ inspection and replay on raw bytes: no schema registry involved. */
export interface DlqKafka {
  list(): Promise<DlqTopicInfo[]>;
  replay(dlqTopic: string, options?: DlqReplayOptions): Promise<DlqReplayResult>;
  close(): Promise<void>;
}

const kafkaCliEnv = kafkaEnvSchema.pick({
  KAFKA_BROKERS: true,
  KAFKA_CLIENT_ID: true,
  KAFKA_SSL: true,
  KAFKA_SSL_CA_FILE: true,
  KAFKA_SSL_CERT_FILE: true,
  KAFKA_SSL_KEY_FILE: true,
  KAFKA_SSL_REJECT_UNAUTHORIZED: true,
  KAFKA_SASL_MECHANISM: true,
  KAFKA_SASL_USERNAME: true,
  KAFKA_SASL_PASSWORD: true,
});

/** Kafka connection from KAFKA_BROKERS (or --brokers), KAFKA_SSL* and KAFKA_SASL_* as the apps read them. */
export function kafkaConfigFor(flags: OpsFlags, env: NodeJS.ProcessEnv): KafkaConfig {
  const brokers = flags.brokers ?? env['KAFKA_BROKERS'];
  if (!brokers) throw new OpsConfigError('dlq needs KAFKA_BROKERS (or --brokers host:port,…)');
  const parsed = kafkaCliEnv.safeParse({ ...env, KAFKA_BROKERS: brokers });
  if (!parsed.success) {
    throw new OpsConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  // The registry is never used (bytes are replayed as they are); toKafkaSettings wants a URL anyway.
  let settings;
  try {
    settings = toKafkaSettings(
      { ...parsed.data, SCHEMA_REGISTRY_URL: 'http://unused.invalid', SCHEMA_AUTO_REGISTER: false },
      'ops-cli',
    );
  } catch (error) {
    throw new OpsConfigError((error as Error).message);
  }
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    ssl: settings.ssl,
    sasl: settings.sasl as SASLOptions | undefined,
    connectionTimeout: 3000,
    retry: { retries: 3 },
    logLevel: logLevel.NOTHING,
  };
}

const DLQ_HEADER_NAMES = new Set<string>(Object.values(DLQ_HEADERS));

const headerText = (value: IHeaders[string]): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined ? undefined : v.toString();
};

/** The record's own headers, without the DLQ bookkeeping added when it was parked. */
function originalHeaders(headers: IHeaders | undefined): IHeaders {
  const out: IHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!DLQ_HEADER_NAMES.has(name) && value !== undefined) out[name] = value;
  }
  return out;
}

export function createDlqKafka(config: KafkaConfig): DlqKafka {
  const kafka = new Kafka(config);
  const admin = kafka.admin();
  let adminReady: Promise<void> | undefined;
  const ready = () => (adminReady ??= admin.connect());

  const offsets = async (topic: string) => {
    await ready();
    return (await admin.fetchTopicOffsets(topic)).map((p) => ({
      partition: p.partition,
      low: BigInt(p.low),
      high: BigInt(p.high),
    }));
  };

  return {
    async list() {
      await ready();
      const topics = (await admin.listTopics()).filter(isDlqTopic).sort();
      const out: DlqTopicInfo[] = [];
      for (const topic of topics) {
        const parts = await offsets(topic);
        const records = parts.reduce((s, p) => s + Number(p.high - p.low), 0);
        out.push({ topic, partitions: parts.length, records });
      }
      return out;
    },

    async replay(dlqTopic, options = {}) {
      if (!isDlqTopic(dlqTopic)) throw new OpsConfigError(`${dlqTopic} is not a DLQ topic`);
      const existing = new Set(await admin.listTopics());
      if (!existing.has(dlqTopic)) throw new OpsConfigError(`topic ${dlqTopic} does not exist`);
      // Only what is on the DLQ now: records parked while replaying wait for the next replay.
      const ends = new Map((await offsets(dlqTopic)).map((p) => [p.partition, p]));
      const total = [...ends.values()].reduce((s, p) => s + Number(p.high - p.low), 0);
      const result: DlqReplayResult = { total, replayed: 0, skipped: 0, bySource: {} };
      options.onStart?.(total);
      if (total === 0) return result;

      const producer = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      if (!options.dryRun) await producer.connect();
      const groupId = `ops-cli.dlq-replay.${randomUUID()}`;
      const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
      const pending = new Set([...ends.values()].filter((p) => p.high > p.low).map((p) => p.partition));
      let done = 0;
      let lastActivity = Date.now();
      let finish!: () => void;
      let fail!: (error: Error) => void;
      const finished = new Promise<void>((resolve, reject) => ((finish = resolve), (fail = reject)));
      // Awaited below; this only keeps an early stall from counting as an unhandled rejection.
      finished.catch(() => undefined);
      const idle = setInterval(() => {
        if (Date.now() - lastActivity > (options.idleTimeoutMs ?? 30_000))
          fail(
            new Error(
              `replay stalled: nothing read from ${dlqTopic} for ${options.idleTimeoutMs ?? 30_000} ms`,
            ),
          );
      }, 1_000);

      try {
        await consumer.connect();
        await consumer.subscribe({ topic: dlqTopic, fromBeginning: true });
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
            lastActivity = Date.now();
            const end = ends.get(batch.partition)?.high ?? 0n;
            const bySource = new Map<string, Message[]>();
            const taken = batch.messages.filter((m) => BigInt(m.offset) < end);
            for (const m of taken) {
              const source = headerText(m.headers?.[DLQ_HEADERS.sourceTopic]);
              if (!source || isDlqTopic(source) || !existing.has(source)) {
                result.skipped += 1;
                continue;
              }
              const list = bySource.get(source) ?? [];
              list.push({ key: m.key, value: m.value, headers: originalHeaders(m.headers) });
              bySource.set(source, list);
            }
            for (const [topic, messages] of bySource) {
              if (!options.dryRun) await producer.send({ topic, messages, acks: -1 });
              result.replayed += messages.length;
              result.bySource[topic] = (result.bySource[topic] ?? 0) + messages.length;
            }
            const last = taken.at(-1);
            if (last) resolveOffset(last.offset);
            done += taken.length;
            options.onProgress?.(done);
            await heartbeat();
            if (BigInt(batch.lastOffset()) + 1n >= end) pending.delete(batch.partition);
            if (pending.size === 0) finish();
          },
        });
        if (pending.size === 0) finish();
        await finished;
      } finally {
        clearInterval(idle);
        await consumer.disconnect().catch(() => undefined);
        if (!options.dryRun) await producer.disconnect().catch(() => undefined);
        // The group was only a vehicle for reading; leave nothing behind.
        await admin.deleteGroups([groupId]).catch(() => undefined);
      }
      return result;
    },

    async close() {
      if (adminReady) await admin.disconnect();
    },
  };
}
