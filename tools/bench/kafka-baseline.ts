import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import { avroLogicalTypes, schemas, type StockLevel } from '@wair-sfcc/contracts';
import { uniqueName } from '@wair-sfcc/kafka/testing';
import type { BaselineResult } from './bench-report';

/** A StockLevel as wair-ingest publishes it: one SKU at `locations` WAIR locations. */
function stockLevel(i: number, skus: number, locations: readonly string[]): StockLevel {
  const at = Date.now();
  return {
    sku: `BENCH-${String(i % skus).padStart(6, '0')}`,
    locations: locations.map((locationCode, j) => ({
      locationCode,
      onHand: (i + j) % 40,
      reserved: j === 0 ? i % 3 : 0,
      available: ((i + j) % 40) - (j === 0 ? i % 3 : 0),
      modifiedAt: at,
      sequence: i,
    })),
    asOf: at,
    sourceSequence: i,
    origin: 'WEBHOOK',
    ingestedAt: at,
  };
}

/**
 * The client stack's own ceiling: kafkajs and the registry client alone (no app code) produce
 * `records` Avro StockLevel records to a fresh 6-partition topic with the apps' producer settings
 * (idempotent, acks=all, one request in flight) while a consumer in the same process reads and
 * decodes them. Records/s from the first send to the last record decoded.
 */
export async function runKafkaBaseline(options: {
  brokers: string[];
  registryUrl: string;
  records: number;
  skus: number;
  locations: readonly string[];
  partitions?: number;
}): Promise<BaselineResult> {
  const partitions = options.partitions ?? 6;
  const topic = uniqueName('bench.baseline.stock');
  const kafka = new Kafka({
    clientId: 'bench-baseline',
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
  });
  const registry = new SchemaRegistry(
    { host: options.registryUrl },
    { [SchemaType.AVRO]: { logicalTypes: avroLogicalTypes } },
  );
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  const { id } = await registry.register(
    { type: SchemaType.AVRO, schema: JSON.stringify(schemas['wair.stock.v1']) },
    { subject: `${topic}-value` },
  );
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: uniqueName('bench.baseline') });
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let consumed = 0;
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((r) => (resolveDone = r));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) if (m.value) await registry.decode(m.value);
        consumed += batch.messages.length;
        if (consumed >= options.records) resolveDone();
      },
    });
    const started = Date.now();
    const chunk = 1_000;
    for (let i = 0; i < options.records; i += chunk) {
      const messages = [];
      for (let j = i; j < Math.min(options.records, i + chunk); j += 1) {
        const value = stockLevel(j, options.skus, options.locations);
        messages.push({ key: value.sku, value: await registry.encode(id, value) });
      }
      await producer.send({ topic, acks: -1, messages });
    }
    const produced = Date.now();
    await Promise.race([
      done,
      new Promise((_, reject) => setTimeout(() => reject(new Error('baseline consumer timed out')), 300_000)),
    ]);
    const finished = Date.now();
    return {
      records: options.records,
      partitions,
      producedPerSecond: options.records / ((produced - started) / 1000),
      endToEndPerSecond: options.records / ((finished - started) / 1000),
    };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
