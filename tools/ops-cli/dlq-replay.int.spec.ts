import { Kafka, logLevel } from 'kafkajs';
import { DLQ_HEADERS, dlqHeaders, dlqTopicName, topicCatalogue, TOPICS } from '@wair-sfcc/contracts';
import {
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
} from '@wair-sfcc/kafka/testing';
import { runOps } from './run-ops';

const stockBase = topicCatalogue.find((t) => t.name === TOPICS.wairStock);
if (!stockBase) throw new Error('no stock topic in catalogue');

/** Reads raw records (bytes and headers) of a topic with plain kafkajs, as an outside observer. */
async function readRaw(topic: string, count: number) {
  const kafka = new Kafka({
    brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: uniqueName('ops-cli.raw-reader') });
  const seen: Array<{ key: string | null; value: Buffer | null; headers: Record<string, string> }> = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
      seen.push({ key: message.key?.toString() ?? null, value: message.value, headers });
    },
  });
  await waitFor(`${count} records on ${topic}`, () => seen.length >= count, 30_000);
  await consumer.disconnect();
  return seen;
}

async function ops(argv: string[]) {
  let out = '';
  let err = '';
  const progress: number[] = [];
  const code = await runOps(argv, {
    env: process.env,
    io: {
      out: (t) => (out += t),
      err: (t) => (err += t),
      progress: () => ({ update: (done) => progress.push(done), stop: () => undefined }),
    },
  });
  return { code, out, err, progress };
}

describe('ops CLI dlq list / replay against Kafka', () => {
  const runtime = createIntegrationRuntime('ops-cli-int');
  afterAll(() => runtime.admin.disconnect());

  it('counts the DLQ records and replays their original bytes and headers to the source topic', async () => {
    const spec = { ...topicSpecFor(stockBase, uniqueName('ops.dlq.stock')), partitions: 2 };
    const dlq = dlqTopicName(spec.name);
    await createTestTopic(runtime, spec);
    const producer = runtime.producer({ topics: [] });
    await producer.connect();
    const parked = (i: number) =>
      dlqHeaders({
        sourceTopic: spec.name,
        sourcePartition: i % 2,
        sourceOffset: String(i),
        app: 'wair-ingest',
        errorClass: 'SchemaDecodeError',
        errorMessage: 'unknown magic byte',
        failedAt: new Date(),
      });
    const values = [0, 1, 2, 3].map((i) => Buffer.from([0xff, 0x00, i, 0x80]));
    for (const [i, value] of values.entries()) {
      await producer.sendRaw(dlq, `SKU-${i}`, value, { ...parked(i), traceparent: `trace-${i}` });
    }
    // No source header: cannot be replayed and stays on the DLQ.
    await producer.sendRaw(dlq, 'SKU-X', Buffer.from('orphan'), { traceparent: 'orphan' });
    await producer.disconnect();

    const list = await ops(['dlq', 'list']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(new RegExp(`${dlq.replace(/\./g, '\\.')}\\s+2\\s+5`));

    const replay = await ops(['dlq', 'replay', dlq]);
    expect(replay.err).toBe('');
    expect(replay.code).toBe(2);
    expect(replay.out).toContain(`replayed 4 of 5 record(s) from ${dlq}; 1 left on the DLQ`);
    expect(replay.progress.at(-1)).toBe(5);

    const replayed = await readRaw(spec.name, 4);
    expect(replayed).toHaveLength(4);
    for (const [i, value] of values.entries()) {
      const r = replayed.find((x) => x.key === `SKU-${i}`);
      expect(r?.value?.equals(value)).toBe(true);
      expect(r?.headers).toEqual({ traceparent: `trace-${i}` });
      expect(r?.headers[DLQ_HEADERS.sourceTopic]).toBeUndefined();
    }
    // The DLQ itself is left as it was (retention removes it); a dry run counts without producing.
    const dry = await ops(['dlq', 'replay', dlq, '--dry-run']);
    expect(dry.out).toContain('Dry run: would replay 4 of 5 record(s)');
  });
});
