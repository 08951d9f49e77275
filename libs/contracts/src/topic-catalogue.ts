import type { AvroSchema } from './avro-schema';
import { deepFreeze } from './deep-freeze';
import { topicValueSchemas } from './generated';
import { COMPACTED_TOPIC_CONFIGS, DLQ_PARTITIONS, DLQ_TOPIC_CONFIGS } from './topic-configs';
import { dlqTopicName, valueSubjectName } from './topic-naming';

export { dlqTopicName, valueSubjectName };

/** The four deployable apps that read and write topics. */
export type AppName =
  'wair-ingest' | 'sfcc-inventory-writer' | 'order-dispatch-bridge' | 'reconciliation-auditor';

/** Every {@link AppName}. */
export const APP_NAMES = [
  'wair-ingest',
  'sfcc-inventory-writer',
  'order-dispatch-bridge',
  'reconciliation-auditor',
] as const satisfies readonly AppName[];

/** Everything the platform needs to know about one topic: provisioning, schema, who writes and reads. */
export interface TopicSpec {
  /** Topic name, e.g. `wair.stock.v1`. */
  name: string;
  description: string;
  /** What the (UTF-8 string) key identifies, e.g. `SKU`. */
  key: string;
  cleanupPolicy: 'compact' | 'delete';
  /** Local default partition count; bounds how many replicas of a consumer do work. */
  partitions: number;
  /** Topic configs other than `cleanup.policy` (which {@link TopicSpec.cleanupPolicy} carries). */
  configs: Record<string, string>;
  /** Parsed `.avsc` of the value; null for DLQ topics, whose values are the original raw bytes. */
  valueSchema: AvroSchema | null;
  /** Registry subject of the value (`<topic>-value`, TopicNameStrategy); null for DLQ topics. */
  valueSubject: string | null;
  /** The app that writes the topic. */
  owner: AppName;
  /** Other apps that also write the topic, if any. */
  alsoWrittenBy?: AppName[];
  /** Apps that consume the topic. */
  consumers: AppName[];
  /** For DLQ topics: the input topic whose failed records land here. */
  dlqFor?: string;
}

/** Names of the contract (non-DLQ) topics. */
export const TOPICS = {
  wairStock: 'wair.stock.v1',
  wairDispatches: 'wair.dispatches.v1',
  wairSkus: 'wair.skus.v1',
  sfccProducts: 'sfcc.products.v1',
  sfccOrders: 'sfcc.orders.v1',
  sfccInventorySync: 'sfcc.inventory-sync.v1',
  sfccFulfilment: 'sfcc.fulfilment.v1',
  integrationExceptions: 'integration.exceptions.v1',
  wairIngestCursors: 'wair-ingest.cursors.v1',
} as const;

/** Name of a contract (non-DLQ) topic. */
export type MainTopicName = (typeof TOPICS)[keyof typeof TOPICS];

type MainTopicDefinition = Pick<
  TopicSpec,
  'description' | 'key' | 'partitions' | 'owner' | 'consumers' | 'alsoWrittenBy'
> & {
  name: MainTopicName;
};

const MAIN_TOPICS: MainTopicDefinition[] = [
  {
    name: TOPICS.wairStock,
    description:
      'Per-SKU sellable stock from WAIR, per location, with the WAIR time and sequence of the figure.',
    key: 'SKU',
    partitions: 6,
    owner: 'wair-ingest',
    consumers: ['sfcc-inventory-writer', 'reconciliation-auditor'],
  },
  {
    name: TOPICS.wairDispatches,
    description: 'All shipments WAIR has dispatched so far for an order: carrier, tracking and lines.',
    key: 'order no',
    partitions: 3,
    owner: 'wair-ingest',
    consumers: ['order-dispatch-bridge', 'reconciliation-auditor'],
  },
  {
    name: TOPICS.wairSkus,
    description: 'The WAIR SKU master: style/item code, colour, size, barcode and status.',
    key: 'SKU',
    partitions: 3,
    owner: 'wair-ingest',
    consumers: ['reconciliation-auditor'],
  },
  {
    name: TOPICS.sfccProducts,
    description: 'SFCC catalog entries from the catalog pull: type, master id, variation values, online.',
    key: 'product id',
    partitions: 3,
    owner: 'reconciliation-auditor',
    consumers: ['sfcc-inventory-writer', 'reconciliation-auditor'],
  },
  {
    name: TOPICS.sfccOrders,
    description: 'Non-personal facts of storefront orders and their hand-over to WAIR.',
    key: 'order no',
    partitions: 3,
    owner: 'order-dispatch-bridge',
    // The bridge reads its own facts back at start to know which orders it already handed over.
    consumers: ['sfcc-inventory-writer', 'reconciliation-auditor', 'order-dispatch-bridge'],
  },
  {
    name: TOPICS.sfccInventorySync,
    description:
      'What was last written to each SFCC inventory list per SKU, from which WAIR figure, and how it went.',
    key: 'SKU',
    partitions: 6,
    owner: 'sfcc-inventory-writer',
    // The writer reads its own output back to rebuild its monotonic guard after a restart.
    consumers: ['reconciliation-auditor', 'sfcc-inventory-writer'],
  },
  {
    name: TOPICS.sfccFulfilment,
    description: 'How far WAIR shipments of an order are confirmed in SFCC, and the order shipping status.',
    key: 'order no',
    partitions: 3,
    owner: 'order-dispatch-bridge',
    consumers: ['reconciliation-auditor', 'order-dispatch-bridge'],
  },
  {
    name: TOPICS.integrationExceptions,
    description: 'Business exceptions for the owner teams (OPS, CX, MERCH, PLATFORM), open until resolved.',
    key: 'exception id (TYPE:subject)',
    partitions: 3,
    owner: 'reconciliation-auditor',
    alsoWrittenBy: [...APP_NAMES],
    // The bridge reads back the exceptions it raised, so it resolves them after a restart; the
    // writer and wair-ingest read their SKU_MISMATCH rows, so a raise continues an acknowledgement.
    consumers: ['reconciliation-auditor', 'order-dispatch-bridge', 'sfcc-inventory-writer', 'wair-ingest'],
  },
  {
    name: TOPICS.wairIngestCursors,
    description:
      "wair-ingest's own durable poll cursors per WAIR feed, advanced only after a page is on Kafka.",
    key: 'feed name',
    partitions: 1,
    owner: 'wair-ingest',
    // Read back by wair-ingest only, at start, to resume polling where it stopped.
    consumers: ['wair-ingest'],
  },
];

function mainTopicSpec(definition: MainTopicDefinition): TopicSpec {
  return {
    ...definition,
    cleanupPolicy: 'compact',
    configs: { ...COMPACTED_TOPIC_CONFIGS },
    valueSchema: topicValueSchemas[definition.name],
    valueSubject: valueSubjectName(definition.name),
  };
}

// Several consumers of one topic share its DLQ; the first consumer is named owner, the rest are
// listed in alsoWrittenBy so provisioning and ACLs cover every app that can write there. The
// topic's producer writes there too: it parks input it could not turn into a valid record (e.g.
// wair-ingest parks malformed WAIR payloads on wair.stock.v1.dlq).
function dlqTopicSpec(input: MainTopicDefinition): TopicSpec {
  const [owner, ...consumers] = input.consumers;
  const others = [...consumers, ...(input.consumers.includes(input.owner) ? [] : [input.owner])];
  if (!owner) {
    throw new Error(`${input.name} has no consumer, so it needs no DLQ`);
  }
  const note = others.length > 0 ? ` Shared by all its consumers: ${input.consumers.join(', ')}.` : '';
  return {
    name: dlqTopicName(input.name),
    description: `Records of ${input.name} a consumer could not process, as the original bytes with error headers.${note}`,
    key: `original key (${input.key})`,
    cleanupPolicy: 'delete',
    partitions: DLQ_PARTITIONS,
    configs: { ...DLQ_TOPIC_CONFIGS },
    valueSchema: null,
    valueSubject: null,
    owner,
    ...(others.length > 0 ? { alsoWrittenBy: others } : {}),
    consumers: [],
    dlqFor: input.name,
  };
}

/**
 * Every topic of the platform: the contract topics, then one `<topic>.dlq` per consumed topic.
 * Provisioning, docs, AsyncAPI and Kubernetes topic resources are all generated from this list.
 */
export const topicCatalogue: readonly TopicSpec[] = deepFreeze([
  ...MAIN_TOPICS.map(mainTopicSpec),
  ...MAIN_TOPICS.filter((topic) => topic.consumers.length > 0).map(dlqTopicSpec),
]);

/** The catalogue entry of a topic (contract or DLQ), if there is one. */
export function findTopic(name: string): TopicSpec | undefined {
  return topicCatalogue.find((topic) => topic.name === name);
}
