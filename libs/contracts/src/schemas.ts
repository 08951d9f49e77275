import type { AvroRecordSchema } from './avro-schema';
import { deepFreeze } from './deep-freeze';
import { topicValueSchemas, type TopicValueTypes } from './generated';

/**
 * Avro value schema of each contract topic, by topic name (e.g. `schemas['wair.stock.v1']`),
 * exactly as in `libs/contracts/schemas/<topic>.avsc`. Frozen: copy before changing.
 */
export const schemas: { readonly [T in keyof TopicValueTypes]: AvroRecordSchema } =
  deepFreeze(topicValueSchemas);
