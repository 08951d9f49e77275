// This file is generated, do not edit. Source: libs/contracts/schemas/wair-ingest.cursors.v1.avsc.
// Regenerate with `npm run contracts:generate`; a unit test fails while it is stale.
import type { AvroRecordSchema } from '../avro-schema';

/**
 * Where wair-ingest's change poll of one WAIR feed has got to. Key: the feed name (e.g. stock, dispatches).
 * Written only after every record of the polled page was acknowledged by Kafka.
 *
 * Avro record `com.wairsfcc.ingestcursors.v1.IngestCursor` (wair-ingest.cursors.v1.avsc).
 */
export interface IngestCursor {
  /** Name of the polled WAIR feed (stock or dispatches); equals the record key. */
  feed: string;
  /**
   * WAIR modifiedDateTime the next poll asks for (inclusive); every record older than it is already on its
   * topic.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  fromModifiedDateTime: number;
  /**
   * Records at exactly fromModifiedDateTime already processed, skipped by the next poll; 0 in the usual case.
   */
  offset: number;
  /**
   * When wair-ingest advanced the cursor.
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  updatedAt: number;
}

/**
 * Avro value schema of `wair-ingest.cursors.v1`, exactly as in
 * `libs/contracts/schemas/wair-ingest.cursors.v1.avsc`.
 */
export const ingestCursorSchema: AvroRecordSchema = {
  type: 'record',
  name: 'IngestCursor',
  namespace: 'com.wairsfcc.ingestcursors.v1',
  doc: "Where wair-ingest's change poll of one WAIR feed has got to. Key: the feed name (e.g. stock, dispatches). Written only after every record of the polled page was acknowledged by Kafka.",
  fields: [
    {
      name: 'feed',
      type: 'string',
      doc: 'Name of the polled WAIR feed (stock or dispatches); equals the record key.',
    },
    {
      name: 'fromModifiedDateTime',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'WAIR modifiedDateTime the next poll asks for (inclusive); every record older than it is already on its topic.',
    },
    {
      name: 'offset',
      type: 'int',
      doc: 'Records at exactly fromModifiedDateTime already processed, skipped by the next poll; 0 in the usual case.',
    },
    {
      name: 'updatedAt',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      doc: 'When wair-ingest advanced the cursor.',
    },
  ],
};
