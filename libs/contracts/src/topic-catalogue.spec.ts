import type { TopicValueTypes } from './generated';
import {
  APP_NAMES,
  TOPICS,
  dlqTopicName,
  findTopic,
  topicCatalogue,
  type MainTopicName,
  type TopicSpec,
} from './topic-catalogue';
import { schemas } from './schemas';

// Fails to compile (typecheck target) when a schema file has no TOPICS entry or the other way round.
const _topicsMatchSchemas: [
  Exclude<keyof TopicValueTypes, MainTopicName>,
  Exclude<MainTopicName, keyof TopicValueTypes>,
] extends [never, never]
  ? true
  : never = true;

const mainTopics = topicCatalogue.filter((spec) => spec.dlqFor === undefined);
const dlqTopics = topicCatalogue.filter((spec) => spec.dlqFor !== undefined);

describe('topic catalogue', () => {
  it('has one contract topic per TOPICS entry and per schema, in DESIGN order', () => {
    expect(mainTopics.map((spec) => spec.name)).toEqual(Object.values(TOPICS));
    expect(Object.keys(schemas).sort()).toEqual([...Object.values(TOPICS)].sort());
  });

  it('makes every contract topic a compacted table whose compaction actually runs', () => {
    for (const spec of mainTopics) {
      expect(spec).toMatchObject({
        cleanupPolicy: 'compact',
        configs: {
          'segment.ms': '3600000',
          'min.cleanable.dirty.ratio': '0.1',
          'delete.retention.ms': '86400000',
        },
        valueSubject: `${spec.name}-value`,
      });
      expect(spec.valueSchema).toBe(schemas[spec.name as keyof typeof schemas]);
      expect(spec.configs).not.toHaveProperty('cleanup.policy');
    }
  });

  it('gives the high-volume topics 6 partitions and the others 3', () => {
    const partitions = Object.fromEntries(topicCatalogue.map((spec) => [spec.name, spec.partitions]));
    expect(partitions).toMatchObject({ 'wair.stock.v1': 6, 'sfcc.inventory-sync.v1': 6, 'wair.skus.v1': 3 });
    expect(dlqTopics.every((spec) => spec.partitions === 3)).toBe(true);
  });

  it.each<[string, TopicSpec['owner'], TopicSpec['consumers']]>([
    ['wair.stock.v1', 'wair-ingest', ['sfcc-inventory-writer', 'reconciliation-auditor']],
    ['wair.dispatches.v1', 'wair-ingest', ['order-dispatch-bridge', 'reconciliation-auditor']],
    ['wair.skus.v1', 'wair-ingest', ['reconciliation-auditor']],
    ['sfcc.products.v1', 'reconciliation-auditor', ['sfcc-inventory-writer', 'reconciliation-auditor']],
    [
      'sfcc.orders.v1',
      'order-dispatch-bridge',
      ['sfcc-inventory-writer', 'reconciliation-auditor', 'order-dispatch-bridge'],
    ],
    ['sfcc.inventory-sync.v1', 'sfcc-inventory-writer', ['reconciliation-auditor', 'sfcc-inventory-writer']],
    ['sfcc.fulfilment.v1', 'order-dispatch-bridge', ['reconciliation-auditor', 'order-dispatch-bridge']],
    [
      'integration.exceptions.v1',
      'reconciliation-auditor',
      ['reconciliation-auditor', 'order-dispatch-bridge', 'sfcc-inventory-writer', 'wair-ingest'],
    ],
  ])('%s is written by %s and read by %p', (name, owner, consumers) => {
    expect(findTopic(name)).toMatchObject({ owner, consumers });
  });

  it('lets every app write exceptions', () => {
    expect(findTopic(TOPICS.integrationExceptions)?.alsoWrittenBy).toEqual([...APP_NAMES]);
  });

  it('has a 14-day delete DLQ for every consumed topic, owned by its first consumer, also written by the other consumers and the producer', () => {
    const consumed = mainTopics.filter((spec) => spec.consumers.length > 0);
    expect(dlqTopics.map((spec) => spec.dlqFor)).toEqual(consumed.map((spec) => spec.name));
    for (const input of consumed) {
      const [owner, ...otherConsumers] = input.consumers;
      const others = [...otherConsumers, ...(input.consumers.includes(input.owner) ? [] : [input.owner])];
      expect(findTopic(dlqTopicName(input.name))).toMatchObject({
        cleanupPolicy: 'delete',
        configs: { 'retention.ms': String(14 * 24 * 3600 * 1000) },
        valueSchema: null,
        valueSubject: null,
        owner,
        consumers: [],
        dlqFor: input.name,
        ...(others.length > 0 ? { alsoWrittenBy: others } : {}),
      });
    }
  });

  it('names DLQ topics <topic>.dlq and finds nothing unknown', () => {
    expect(dlqTopicName('wair.stock.v1')).toBe('wair.stock.v1.dlq');
    expect(findTopic('no.such.topic')).toBeUndefined();
  });

  it('has unique topic names and is frozen', () => {
    expect(new Set(topicCatalogue.map((spec) => spec.name)).size).toBe(topicCatalogue.length);
    expect(Object.isFrozen(topicCatalogue[0])).toBe(true);
  });
});
