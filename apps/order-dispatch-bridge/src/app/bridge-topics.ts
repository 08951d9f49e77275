import { TOPICS, findTopic, type TopicSpec } from '@wair-sfcc/contracts';

/** Topic names the bridge reads and writes; integration tests pass their own. */
export interface BridgeTopics {
  dispatches: string;
  orders: string;
  fulfilment: string;
  exceptions: string;
}

export const DEFAULT_BRIDGE_TOPICS: BridgeTopics = {
  dispatches: TOPICS.wairDispatches,
  orders: TOPICS.sfccOrders,
  fulfilment: TOPICS.sfccFulfilment,
  exceptions: TOPICS.integrationExceptions,
};

function topicAs(catalogueName: string, name: string): TopicSpec {
  const base = findTopic(catalogueName);
  if (!base) throw new Error(`${catalogueName} is not in the topic catalogue`);
  return { ...base, name, valueSubject: base.valueSchema ? `${name}-value` : null };
}

/** Catalogue entries of the topics the bridge produces to, under the configured names (DLQ parking needs none). */
export function producedTopicSpecs(topics: BridgeTopics): TopicSpec[] {
  return [
    topicAs(TOPICS.sfccOrders, topics.orders),
    topicAs(TOPICS.sfccFulfilment, topics.fulfilment),
    topicAs(TOPICS.integrationExceptions, topics.exceptions),
  ];
}
