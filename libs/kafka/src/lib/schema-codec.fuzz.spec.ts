import fc from 'fast-check';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { DLQ_HEADERS, contractSamples, schemas } from '@wair-sfcc/contracts';
import { createLogger } from '@wair-sfcc/observability';
import { createInMemoryProducer } from '../testing/in-memory-producer';
import { checkAvroBounds, compileAvro, explainInvalid, frame } from './avro-framing';
import { RecordDecodeError, SchemaRegistryError } from './kafka-errors';
import { createSchemaCodec, type SchemaCodec } from './schema-codec';
import { createTypedConsumer } from './typed-consumer';

// Case count: modest in `npm test`, 10,000 in the full fuzz run (`npm run fuzz`).
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);
/**
 * A schema id the fake registry answers with 500: a registry outage, not a corrupt record. Only in
 * explicit examples: the registry client's own retries make each such case take about a second.
 */
const OUTAGE_ID = 999;
const outage = (): Buffer => frame(OUTAGE_ID, Buffer.from([2, 0]));
/**
 * Found by this test: eight body bytes (a one-letter SKU, then an array block count of 50 million)
 * made avsc allocate the array and spin for a minute before failing; the heap ran out.
 */
const hugeArray = (): Buffer => {
  const id = contracts.find((c) => c.topic === 'wair.stock.v1')?.id ?? 0;
  return frame(id, Buffer.from([0x02, 0x41, 0x80, 0xc2, 0xd7, 0x2f]));
};

/**
 * No unhandled rejection: Jest 30 (jest-circus) fails the running test on one, so each async test
 * ends with a timer turn in which a late rejection still lands inside it.
 */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

/** Every contract schema registered under ids 1..n, with a valid sample of each. */
const topics = Object.keys(contractSamples) as Array<keyof typeof contractSamples>;
const contracts = topics.map((topic, i) => {
  const type = compileAvro(schemas[topic]);
  return {
    id: i + 1,
    topic,
    schema: schemas[topic],
    bytes: frame(i + 1, type.toBuffer(contractSamples[topic].value)),
  };
});

/** Framed records: valid, with flipped/cut/extra bytes, another schema id, a bad magic byte, or noise. */
const record = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...contracts).map((c) => c.bytes) },
  fc
    .tuple(
      fc.constantFrom(...contracts),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
    )
    .map(([c, flips]) => {
      const b = Buffer.from(c.bytes);
      for (const [at, v] of flips) b[5 + (at % Math.max(1, b.length - 5))] = v;
      return b;
    }),
  fc.tuple(fc.constantFrom(...contracts), fc.nat()).map(([c, n]) => c.bytes.subarray(0, n % c.bytes.length)),
  fc
    .tuple(fc.constantFrom(...contracts), fc.uint8Array({ minLength: 1, maxLength: 20 }))
    .map(([c, extra]) => Buffer.concat([c.bytes, extra])),
  fc
    .tuple(
      fc.constantFrom(...contracts),
      fc.oneof(fc.integer({ min: 1, max: contracts.length + 2 }), fc.integer()),
    )
    .map(([c, id]) => frame(id, c.bytes.subarray(5))),
  fc
    .tuple(fc.constantFrom(...contracts), fc.integer({ min: 1, max: 255 }))
    .map(([c, magic]) => Buffer.concat([Buffer.from([magic]), c.bytes.subarray(1)])),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
);

let server: Server;
let codec: SchemaCodec;
beforeAll(async () => {
  server = createServer((req, res) => {
    const id = Number(/\/schemas\/ids\/(-?\d+)/.exec(req.url ?? '')?.[1]);
    const known = contracts.find((c) => c.id === id);
    res.setHeader('content-type', 'application/vnd.schemaregistry.v1+json');
    if (id === OUTAGE_ID) return void res.writeHead(500).end('{"error_code":50001,"message":"down"}');
    if (!known) return void res.writeHead(404).end('{"error_code":40403,"message":"Schema not found"}');
    res.writeHead(200).end(JSON.stringify({ schema: JSON.stringify(known.schema) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  codec = createSchemaCodec({ url: `http://127.0.0.1:${port}`, autoRegister: false });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('schema codec decode under corrupt Avro bytes (fake registry)', () => {
  it('decodes or rejects with RecordDecodeError / retriable SchemaRegistryError naming the reason', async () => {
    await fc.assert(
      fc.asyncProperty(record, async (bytes) => {
        let value: unknown;
        try {
          value = await codec.decode(bytes);
        } catch (error) {
          if (error instanceof SchemaRegistryError) {
            expect(bytes.readInt32BE(1)).toBe(OUTAGE_ID);
            expect(error.retriable).toBe(true);
            return;
          }
          expect(error).toBeInstanceOf(RecordDecodeError);
          expect((error as Error).message).toMatch(
            /wire format|unknown schema id|cannot decode value with schema/,
          );
          return;
        }
        expect(value).toBeDefined();
        const exact = contracts.find((c) => c.bytes.equals(bytes));
        if (exact) expect(value).toEqual(contractSamples[exact.topic].value);
      }),
      { numRuns: RUNS, examples: [[outage()], [hugeArray()]] },
    );
    await settle();
  }, 600_000);

  it('the bounds check accepts every valid body (random values of every contract)', () => {
    let checked = 0;
    for (const c of contracts) {
      const type = compileAvro(c.schema);
      for (let i = 0; i < Math.ceil(RUNS / 5); i += 1) {
        let body: Buffer;
        try {
          // Underlying values avsc makes up may not fit a logical type: those are skipped.
          body = type.toBuffer(type.random());
        } catch {
          continue;
        }
        expect(checkAvroBounds(type, body)).toBeUndefined();
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(contracts.length);
  });

  it('explainInvalid never throws and names a field path for any value', () => {
    const types = contracts.map((c) => compileAvro(c.schema));
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.jsonValue({ maxDepth: 3 }), (type, value) => {
        const reason = explainInvalid(type, value);
        if (reason !== undefined) expect(reason).toMatch(/: .* is not a valid /);
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('typed consumer decode path under corrupt records (no broker)', () => {
  it('handles valid records, parks undecodable ones with their reason, and holds on registry outages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 6 }), async (values) => {
        let eachBatch: ((p: EachBatchPayload) => Promise<void>) | undefined;
        const fakeConsumer = {
          events: { GROUP_JOIN: 'j', STOP: 's', DISCONNECT: 'd', CRASH: 'c' },
          on: () => undefined,
          connect: async () => undefined,
          subscribe: async () => undefined,
          run: async (o: { eachBatch: typeof eachBatch }) => void (eachBatch = o.eachBatch),
        };
        const dlq = createInMemoryProducer();
        const handled: unknown[] = [];
        let retries = 0;
        const consumer = createTypedConsumer({
          kafka: { consumer: () => fakeConsumer } as unknown as Kafka,
          codec,
          logger: createLogger({ app: 'fuzz', level: 'silent' }),
          app: 'fuzz',
          groupId: 'g',
          topics: ['t'],
          dlqProducer: dlq,
          handle: async (r) => void handled.push(r.value),
          // Retries only sleep on retriable failures (a registry outage): stop after a few.
          sleep: async () => void (retries += 1),
        });
        await consumer.start();
        const messages = values.map((value, i): KafkaMessage => ({
          key: Buffer.from('k'),
          value,
          offset: String(i),
          timestamp: '0',
          attributes: 0,
          headers: {},
        }));
        const resolved: string[] = [];
        let running = true;
        if (!eachBatch) throw new Error('the consumer did not start');
        await eachBatch({
          batch: { topic: 't', partition: 0, messages },
          resolveOffset: (o: string) => void resolved.push(o),
          heartbeat: async () => undefined,
          isRunning: () => running && retries < 3,
          isStale: () => false,
          commitOffsetsIfNecessary: async () => undefined,
          uncommittedOffsets: () => ({ topics: [] }),
        } as unknown as EachBatchPayload);
        running = false;

        const parked = dlq.records.filter((r) => r.topic === 't.dlq');
        // Every resolved record was either handled or parked, in order, and parking says why.
        expect(handled.length + parked.length).toBe(resolved.length);
        for (const p of parked) {
          expect(p.headers?.[DLQ_HEADERS.errorClass]).toBe('RecordDecodeError');
          expect(p.headers?.[DLQ_HEADERS.errorMessage]).toBeTruthy();
        }
        // A record is left unresolved only when the registry was down for it.
        const firstOpen = messages[resolved.length];
        if (firstOpen) expect(firstOpen.value?.readInt32BE(1)).toBe(OUTAGE_ID);
      }),
      {
        numRuns: Math.ceil(RUNS / 5),
        examples: [[contracts.slice(0, 2).flatMap((c, i) => (i === 0 ? [c.bytes, outage()] : [c.bytes]))]],
      },
    );
    await settle();
  }, 600_000);
});
