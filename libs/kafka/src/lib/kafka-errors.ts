/** Context carried by every error this lib raises, so logs and DLQ headers say where it happened. */
export interface RecordContext {
  topic?: string;
  partition?: number;
  offset?: string;
  key?: string | null;
}

/** A record that cannot be decoded (corrupt bytes, unknown schema id): never retried, parked. */
export class RecordDecodeError extends Error {
  readonly retriable = false;
  constructor(
    message: string,
    readonly context: RecordContext,
  ) {
    super(message);
    this.name = 'RecordDecodeError';
  }
}

/** A decoded record whose content is impossible (negative stock, unknown location): parked. */
export class RecordValidationError extends Error {
  readonly retriable = false;
  constructor(
    message: string,
    readonly context: RecordContext,
  ) {
    super(message);
    this.name = 'RecordValidationError';
  }
}

/** A value that the registry schema refuses to encode; names the topic and the field path. */
export class RecordEncodeError extends Error {
  readonly retriable = false;
  constructor(
    message: string,
    readonly context: RecordContext,
  ) {
    super(message);
    this.name = 'RecordEncodeError';
  }
}

export class SchemaRegistryError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    readonly subject?: string,
  ) {
    super(message);
    this.name = 'SchemaRegistryError';
  }
}

/** True when an error says it may succeed on retry (`retriable: true`). */
export function isRetriable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}
