import { contractSamples, topicCatalogue, TOPICS, type TopicSpec } from '@wair-sfcc/contracts';
import {
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  uniqueName,
  waitFor,
  within,
} from '../testing';
import type { TableReader } from './table-reader';
import type { TypedProducer } from './typed-producer';

const skuBase: TopicSpec = (() => {
  const spec = topicCatalogue.find((t) => t.name === TOPICS.wairSkus);
  if (!spec) throw new Error('no SKU topic in catalogue');
  return spec;
})();
const sample = contractSamples[TOPICS.wairSkus];
type SkuRow = typeof sample.value;
const row = (sku: string, colour = 'Black'): SkuRow => ({ ...sample.value, sku, colour });

interface Change {
  key: string;
  colour: string | undefined;
  partition: number;
  offset: number;
  /** What the reader said about being caught up when the change was applied. */
  caughtUp: boolean;
}

describe('table reader', () => {
  const runtime = createIntegrationRuntime('table-reader');
  const open: Array<{ stop(): Promise<void> }> = [];
  afterEach(async () => {
    for (const closable of open.splice(0)) await closable.stop().catch(() => undefined);
  });
  afterAll(() => runtime.admin.disconnect());

  async function topicWithProducer(prefix: string): Promise<{ spec: TopicSpec; producer: TypedProducer }> {
    const spec = { ...topicSpecFor(skuBase, uniqueName(prefix)), partitions: 3 };
    await createTestTopic(runtime, spec, false);
    const producer = runtime.producer({ topics: [spec] });
    await producer.connect();
    open.push({ stop: () => producer.disconnect() });
    return { spec, producer };
  }

  function startReader(topic: string): { reader: TableReader<SkuRow>; changes: Change[] } {
    const changes: Change[] = [];
    const reader: TableReader<SkuRow> = runtime.tableReader<SkuRow>({
      topic,
      onChange: (key, value, meta) =>
        changes.push({
          key,
          colour: value?.colour,
          partition: meta.partition,
          offset: Number(meta.offset),
          caughtUp: reader.isCaughtUp(),
        }),
    });
    open.push(reader);
    return { reader, changes };
  }

  it('builds the map from the beginning up to the end offsets seen at start, tombstones deleting keys', async () => {
    const { spec, producer } = await topicWithProducer('tr.build');
    await producer.send(spec.name, 'SKU-A', row('SKU-A'));
    await producer.send(spec.name, 'SKU-B', row('SKU-B'));
    await producer.send(spec.name, 'SKU-C', row('SKU-C'));
    await producer.send(spec.name, 'SKU-A', row('SKU-A', 'Red'));
    await producer.send(spec.name, 'SKU-B', null);
    // Nothing is produced from here on, so these are the end offsets the reader captures at start.
    const ends = await runtime.admin.fetchTopicEndOffsets(spec.name);

    const { reader, changes } = startReader(spec.name);
    await reader.start();
    await within('catching up', reader.caughtUp());

    expect(reader.isCaughtUp()).toBe(true);
    expect(Object.fromEntries([...reader.entries()].map(([k, v]) => [k, v.colour]))).toEqual({
      'SKU-A': 'Red',
      'SKU-C': 'Black',
    });
    expect(reader.get('SKU-B')).toBeUndefined();
    expect(reader.size()).toBe(2);
    // Every record of every partition, from offset 0 to its captured end, was applied, and
    // caught-up was not reported while any of them was still to come.
    for (const { partition, offset: end } of ends) {
      const applied = changes.filter((c) => c.partition === partition).map((c) => c.offset);
      expect(applied).toEqual(Array.from({ length: Number(end) }, (_, i) => i));
    }
    expect(changes).toHaveLength(5);
    expect(changes.every((c) => !c.caughtUp)).toBe(true);
    expect(changes.filter((c) => c.key === 'SKU-B').map((c) => c.colour)).toEqual(['Black', undefined]);
  });

  it('keeps following the topic after catching up: later records and tombstones are reflected', async () => {
    const { spec, producer } = await topicWithProducer('tr.follow');
    await producer.send(spec.name, 'SKU-A', row('SKU-A'));
    await producer.send(spec.name, 'SKU-B', row('SKU-B'));

    const { reader, changes } = startReader(spec.name);
    await reader.start();
    await within('catching up', reader.caughtUp());
    expect(reader.size()).toBe(2);

    await producer.send(spec.name, 'SKU-C', row('SKU-C', 'Green'));
    await waitFor('the later record', () => reader.get('SKU-C'));
    expect(reader.get('SKU-C')?.colour).toBe('Green');

    await producer.send(spec.name, 'SKU-A', null);
    await waitFor('the later tombstone', () => reader.get('SKU-A') === undefined);
    expect([...reader.entries()].map(([k]) => k).sort()).toEqual(['SKU-B', 'SKU-C']);

    // A key deleted after catch-up can come back.
    await producer.send(spec.name, 'SKU-A', row('SKU-A', 'Blue'));
    await waitFor('the key to come back', () => reader.get('SKU-A')?.colour === 'Blue');
    expect(changes.filter((c) => c.caughtUp).map((c) => [c.key, c.colour])).toEqual([
      ['SKU-C', 'Green'],
      ['SKU-A', undefined],
      ['SKU-A', 'Blue'],
    ]);
  });

  it('reports an empty topic caught up at start, then follows it', async () => {
    const { spec, producer } = await topicWithProducer('tr.empty');
    const { reader } = startReader(spec.name);
    await reader.start();
    // Nothing to read up to: caught up as soon as start returns, before any record is fetched.
    expect(reader.isCaughtUp()).toBe(true);
    await within('catching up', reader.caughtUp());
    expect(reader.size()).toBe(0);

    await producer.send(spec.name, 'SKU-A', row('SKU-A'));
    await waitFor('the first record', () => reader.get('SKU-A'));
    await producer.send(spec.name, 'SKU-A', null);
    await waitFor('its tombstone', () => reader.size() === 0);
  });
});
