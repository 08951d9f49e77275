import { TOPICS, findTopic, type TopicSpec } from '@wair-sfcc/contracts';
import type { IngestConfig } from './config';

/** The catalogue entry of a contract topic under the name configured for it (tests use their own). */
export function topicAs(catalogueName: string, name: string): TopicSpec {
  const base = findTopic(catalogueName);
  if (!base) throw new Error(`${catalogueName} is not in the topic catalogue`);
  return { ...base, name, valueSubject: base.valueSchema ? `${name}-value` : null };
}

/** Every topic wair-ingest writes, as configured. */
export function ingestTopics(config: IngestConfig) {
  return {
    stock: topicAs(TOPICS.wairStock, config.STOCK_TOPIC),
    dispatches: topicAs(TOPICS.wairDispatches, config.DISPATCHES_TOPIC),
    skus: topicAs(TOPICS.wairSkus, config.SKUS_TOPIC),
    cursors: topicAs(TOPICS.wairIngestCursors, config.CURSOR_TOPIC),
    exceptions: topicAs(TOPICS.integrationExceptions, config.EXCEPTIONS_TOPIC),
  };
}
