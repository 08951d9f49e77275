import { Kafka, logLevel, type Admin } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { TopicSpec } from '@wair-sfcc/contracts';
import { createLogger, type Logger } from '@wair-sfcc/observability';
import { loadKafkaSettings } from '../lib/kafka-config';
import { createKafkaRuntime, type KafkaRuntime } from '../lib/kafka-runtime';

/** A topic or group name no other test (or earlier run) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}.${randomUUID().slice(0, 8)}`;
}

/** Polls a condition until it holds; fails with `what` after the timeout. Never a fixed sleep. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`,
  );
}

/** A runtime against the stack the integration global setup provided (KAFKA_BROKERS etc.). */
export function createIntegrationRuntime(app = 'int-test', logger?: Logger): KafkaRuntime {
  return createKafkaRuntime(
    loadKafkaSettings(process.env, app),
    logger ?? createLogger({ app, level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }),
  );
}

/** A copy of a catalogue entry under a new name (and subject), for tests that need their own topic. */
export function topicSpecFor(base: TopicSpec, name: string): TopicSpec {
  return {
    ...base,
    name,
    valueSubject: base.valueSchema ? `${name}-value` : null,
    partitions: Math.min(base.partitions, 3),
  };
}

/** Creates the topic (and its DLQ) for a test. */
export async function createTestTopic(runtime: KafkaRuntime, spec: TopicSpec, withDlq = true): Promise<void> {
  const specs: TopicSpec[] = [spec];
  if (withDlq) {
    specs.push({
      ...spec,
      name: `${spec.name}.dlq`,
      cleanupPolicy: 'delete',
      configs: { 'retention.ms': '1209600000' },
      valueSchema: null,
      valueSubject: null,
      dlqFor: spec.name,
    });
  }
  await runtime.provision(specs);
}

/** Runs `fn` with a connected kafkajs admin on the test stack's brokers, then disconnects it. */
export async function withKafkaAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({
    brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Commits a group's offsets at the topic's current end, so the group consumes only what comes next. */
export async function moveGroupToEnd(groupId: string, topic: string): Promise<void> {
  await withKafkaAdmin(async (admin) => {
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
    });
  });
}

/**
 * Deletes every topic named `<run>.…` (a run's topics and their DLQs), so benches and long-lived
 * dev stacks do not collect one set of topics per run. Returns the names deleted.
 */
export async function deleteRunTopics(run: string): Promise<string[]> {
  return withKafkaAdmin(async (admin) => {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${run}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    return topics.sort();
  });
}

/** Awaits an event, failing with `what` instead of hanging when it does not come. */
export async function within<T>(what: string, promise: Promise<T>, timeoutMs = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
