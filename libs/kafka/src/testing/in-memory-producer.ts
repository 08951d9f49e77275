import type { OutgoingRecord, TypedProducer } from '../lib/typed-producer';

/** A producer that keeps what it was sent, for unit tests of apps. */
export interface InMemoryProducer extends TypedProducer {
  records: Array<OutgoingRecord & { raw?: Buffer | null }>;
  /** The latest value per key of a topic, as a compacted topic would hold it. */
  table(topic: string): Map<string, unknown>;
  /** Makes the next `n` sends fail with `error`. */
  failNext(n: number, error: Error): void;
}

export function createInMemoryProducer(): InMemoryProducer {
  const records: InMemoryProducer['records'] = [];
  let failures = 0;
  let failure: Error = new Error('injected failure');
  const check = (): void => {
    if (failures > 0) {
      failures -= 1;
      throw failure;
    }
  };
  return {
    records,
    async connect() {
      // nothing to connect: records stay in memory
    },
    async disconnect() {
      // nothing to release
    },
    async send(topic, key, value, headers) {
      check();
      records.push({ topic, key, value, headers });
    },
    async sendMany(batch) {
      check();
      records.push(...batch);
    },
    async sendRaw(topic, key, value, headers) {
      check();
      records.push({ topic, key: key ?? '', value: null, raw: value, headers });
    },
    table(topic) {
      const out = new Map<string, unknown>();
      for (const r of records.filter((x) => x.topic === topic)) {
        if (r.value === null && r.raw === undefined) out.delete(r.key);
        else out.set(r.key, r.value);
      }
      return out;
    },
    failNext(n, error) {
      failures = n;
      failure = error;
    },
  };
}
