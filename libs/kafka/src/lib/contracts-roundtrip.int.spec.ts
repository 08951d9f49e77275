import { contractSamples, topicCatalogue, type TopicSpec } from '@wair-sfcc/contracts';
import { createIntegrationRuntime, createTestTopic, topicSpecFor, uniqueName } from '../testing';

const mainTopics = topicCatalogue.filter((t) => t.valueSchema !== null);

describe('every contract round-trips through a real compacted topic and the registry', () => {
  const runtime = createIntegrationRuntime('contracts-roundtrip');
  afterAll(() => runtime.admin.disconnect());

  it.each(mainTopics.map((t) => [t.name, t] as const))('%s', async (_name, base: TopicSpec) => {
    const spec = topicSpecFor(base, uniqueName(`rt.${base.name}`));
    expect(spec.cleanupPolicy).toBe('compact');
    await createTestTopic(runtime, spec, false);
    const sample = contractSamples[base.name as keyof typeof contractSamples];
    const producer = runtime.producer({ topics: [spec] });
    await producer.connect();
    // An older value first: the table must end with the newest value per key.
    await producer.send(spec.name, sample.key, sample.value);
    await producer.send(spec.name, `${sample.key}-gone`, sample.value);
    await producer.send(spec.name, `${sample.key}-gone`, null);
    await producer.disconnect();

    const table = runtime.tableReader({ topic: spec.name });
    await table.start();
    await table.caughtUp();
    await table.stop();
    expect(table.get(sample.key)).toEqual(sample.value);
    expect(table.get(`${sample.key}-gone`)).toBeUndefined();
    expect(table.size()).toBe(1);
  });
});
