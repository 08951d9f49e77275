// Kinds of input and results of the ingest pipeline.
export type Feed = 'stock' | 'dispatches' | 'skus';
export type IntakePath = 'webhook' | 'poll' | 'snapshot';
export type Outcome = 'PRODUCED' | 'DUPLICATE' | 'INVALID' | 'SKU_MISMATCH';

/** What became of one record; `ack` settles once Kafka holds everything the record implies. */
export interface IngestResult {
  outcome: Outcome;
  field?: string;
  message?: string;
  ack: Promise<void>;
}

export interface PipelineTopics {
  stock: string;
  dispatches: string;
  skus: string;
  exceptions: string;
}
