import { TOPICS, topicCatalogue, type TopicSpec } from '@wair-sfcc/contracts';

/** The topics the writer reads and writes; tests point them at their own copies. */
export interface WriterTopics {
  stock: string;
  products: string;
  orders: string;
  sync: string;
  exceptions: string;
}

export const DEFAULT_WRITER_TOPICS: WriterTopics = {
  stock: TOPICS.wairStock,
  products: TOPICS.sfccProducts,
  orders: TOPICS.sfccOrders,
  sync: TOPICS.sfccInventorySync,
  exceptions: TOPICS.integrationExceptions,
};

/** Specs of the topics the writer produces to (sync reports and exceptions), under their names. */
export function producedTopicSpecs(topics: WriterTopics): TopicSpec[] {
  const rename = (base: string, name: string): TopicSpec => {
    const spec = topicCatalogue.find((t) => t.name === base) as TopicSpec;
    return name === base ? spec : { ...spec, name, valueSubject: `${name}-value` };
  };
  return [
    rename(TOPICS.sfccInventorySync, topics.sync),
    rename(TOPICS.integrationExceptions, topics.exceptions),
  ];
}
