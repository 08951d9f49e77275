/**
 * Header names every app sets on a record it sends to a `<topic>.dlq` topic. The record keeps the
 * original key and value bytes untouched so it can be replayed; these headers (UTF-8 strings) say
 * where it came from and why it failed.
 */
export const DLQ_HEADERS = {
  /** Topic the record was consumed from. */
  sourceTopic: 'dlq-source-topic',
  /** Partition it was consumed from (decimal string). */
  sourcePartition: 'dlq-source-partition',
  /** Offset it had there (decimal string). */
  sourceOffset: 'dlq-source-offset',
  /** Name of the app that gave up on it. */
  app: 'dlq-app',
  /** Class (name) of the error, e.g. `SchemaDecodeError`. */
  errorClass: 'dlq-error-class',
  /** Error message; never contains personal data. */
  errorMessage: 'dlq-error-message',
  /** When the app gave up, as an ISO-8601 UTC timestamp. */
  failedAt: 'dlq-failed-at',
} as const;

/** A header name from {@link DLQ_HEADERS}. */
export type DlqHeaderName = (typeof DLQ_HEADERS)[keyof typeof DLQ_HEADERS];

/** What the DLQ headers describe, as an app fills them in. */
export interface DlqContext {
  sourceTopic: string;
  sourcePartition: number;
  sourceOffset: string;
  app: string;
  errorClass: string;
  errorMessage: string;
  failedAt: Date;
}

/** Builds the DLQ headers for a failed record, as UTF-8 strings keyed by header name. */
export function dlqHeaders(context: DlqContext): Record<DlqHeaderName, string> {
  return {
    [DLQ_HEADERS.sourceTopic]: context.sourceTopic,
    [DLQ_HEADERS.sourcePartition]: String(context.sourcePartition),
    [DLQ_HEADERS.sourceOffset]: context.sourceOffset,
    [DLQ_HEADERS.app]: context.app,
    [DLQ_HEADERS.errorClass]: context.errorClass,
    [DLQ_HEADERS.errorMessage]: context.errorMessage,
    [DLQ_HEADERS.failedAt]: context.failedAt.toISOString(),
  };
}
