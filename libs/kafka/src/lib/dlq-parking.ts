import { dlqTopicName } from '@wair-sfcc/contracts';
import type { TypedProducer } from './typed-producer';

/** The headers a parked record carries (DESIGN §3), next to the original ones. */
export const DLQ_HEADERS = {
  sourceTopic: 'dlq.source.topic',
  sourcePartition: 'dlq.source.partition',
  sourceOffset: 'dlq.source.offset',
  app: 'dlq.app',
  errorClass: 'dlq.error.class',
  errorMessage: 'dlq.error.message',
  time: 'dlq.time',
} as const;

export interface ParkRequest {
  app: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  error: Error;
  now?: Date;
}

/** Writes the original bytes to `<topic>.dlq` with where they came from and why they were parked. */
export async function parkRecord(producer: TypedProducer, request: ParkRequest): Promise<void> {
  const headers: Record<string, string> = {
    ...request.headers,
    [DLQ_HEADERS.sourceTopic]: request.topic,
    [DLQ_HEADERS.sourcePartition]: String(request.partition),
    [DLQ_HEADERS.sourceOffset]: request.offset,
    [DLQ_HEADERS.app]: request.app,
    [DLQ_HEADERS.errorClass]: request.error.name,
    // Header values are bounded so a huge error message cannot make the DLQ record itself fail.
    [DLQ_HEADERS.errorMessage]: request.error.message.slice(0, 2000),
    [DLQ_HEADERS.time]: (request.now ?? new Date()).toISOString(),
  };
  await producer.sendRaw(dlqTopicName(request.topic), request.key, request.value, headers);
}
