import type { Kafka } from 'kafkajs';
import type { LagSource } from '@wair-sfcc/observability';

/** Admin reads the ops surfaces need: offsets for lag, and a metadata probe for readiness. */
export interface KafkaAdminClient extends LagSource {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  /** A metadata round trip; true when the cluster answered. */
  probe(timeoutMs?: number): Promise<boolean>;
}

export function createKafkaAdmin(kafka: Kafka): KafkaAdminClient {
  const admin = kafka.admin({ retry: { retries: 0 } });
  let connected = false;
  const ensure = async (): Promise<void> => {
    if (!connected) {
      await admin.connect();
      connected = true;
    }
  };
  return {
    async connect() {
      await ensure();
    },
    async disconnect() {
      connected = false;
      await admin.disconnect();
    },
    async probe(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      try {
        await ensure();
        await Promise.race([
          admin.fetchTopicMetadata({ topics: [] }),
          new Promise(
            (_, reject) => (timer = setTimeout(() => reject(new Error('metadata timeout')), timeoutMs)),
          ),
        ]);
        return true;
      } catch {
        return false;
      } finally {
        if (timer) clearTimeout(timer);
      }
    },
    async fetchTopicEndOffsets(topic) {
      await ensure();
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.map((o) => ({ partition: o.partition, offset: o.high }));
    },
    async fetchCommittedOffsets(groupId, topic) {
      await ensure();
      const result = await admin.fetchOffsets({ groupId, topics: [topic] });
      return (result[0]?.partitions ?? []).map((p) => ({ partition: p.partition, offset: p.offset }));
    },
  };
}

/** One-shot probe used by the local stack scripts: does a broker at `brokers` answer metadata? */
export async function probeKafkaMetadata(kafka: Kafka, timeoutMs = 2000): Promise<boolean> {
  const admin = createKafkaAdmin(kafka);
  try {
    return await admin.probe(timeoutMs);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
