// Test helper: reads topics as raw bytes, whatever their encoding (never imported by service code).
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { KafkaRuntime } from '@wair-sfcc/kafka';

/** Occurrences of any of `words` in the keys, values and headers of every record of the topics. */
export interface TopicScan {
  records: number;
  /** `topic: word` for every hit. */
  hits: string[];
}

/**
 * Reads each topic from offset 0 to its current end as raw bytes (Avro strings are UTF-8 in the
 * record, DLQ records keep their original bytes), so personal data cannot hide in any encoding.
 */
export async function scanTopics(
  runtime: KafkaRuntime,
  topics: readonly string[],
  words: readonly string[],
): Promise<TopicScan> {
  const kafka = new Kafka({
    clientId: 'topic-scan',
    brokers: runtime.settings.brokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, Map<number, bigint>>();
  try {
    for (const topic of topics)
      ends.set(
        topic,
        new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)])),
      );
  } finally {
    await admin.disconnect();
  }
  const remaining = new Set(
    [...ends].flatMap(([t, ps]) => [...ps].filter(([, high]) => high > 0n).map(([p]) => `${t}:${p}`)),
  );
  const scan: TopicScan = { records: 0, hits: [] };
  if (remaining.size === 0) return scan;
  const needles = words.map((w) => [w, w.toLowerCase()] as const);
  const consumer = kafka.consumer({ groupId: `topic-scan.${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...ends.keys()], fromBeginning: true });
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        scan.records += 1;
        const text = [
          message.key?.toString('utf8') ?? '',
          message.value?.toString('utf8') ?? '',
          ...Object.values(message.headers ?? {}).map((h) => h?.toString() ?? ''),
        ]
          .join('\n')
          .toLowerCase();
        for (const [word, lower] of needles) if (text.includes(lower)) scan.hits.push(`${topic}: ${word}`);
        const high = ends.get(topic)?.get(partition) ?? 0n;
        if (BigInt(message.offset) + 1n >= high) remaining.delete(`${topic}:${partition}`);
        if (remaining.size === 0) done();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      finished,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`topic scan incomplete: ${[...remaining].join(', ')}`)),
          60_000,
        );
      }),
    ]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
  }
  return scan;
}

/** True when the group has committed offsets at the topic's current end on every partition. */
export async function groupAtEnd(runtime: KafkaRuntime, groupId: string, topic: string): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'group-check',
    brokers: runtime.settings.brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const at = new Map((committed?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
    return ends.every((p) => Number(p.high) === 0 || (at.get(p.partition) ?? -1) >= Number(p.high));
  } finally {
    await admin.disconnect();
  }
}
