import { dlqHeaders, dlqTopicName } from '@wair-sfcc/contracts';
import type { TypedProducer } from './typed-producer';

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

/**
 * Writes the original bytes to `<topic>.dlq` with where they came from and why they were parked
 * (the contract's DLQ headers), keeping the record's own headers beside them.
 */
export async function parkRecord(producer: TypedProducer, request: ParkRequest): Promise<void> {
  const headers: Record<string, string> = {
    ...request.headers,
    ...dlqHeaders({
      sourceTopic: request.topic,
      sourcePartition: request.partition,
      sourceOffset: request.offset,
      app: request.app,
      errorClass: request.error.name,
      // Bounded so a huge error message cannot make the DLQ record itself fail.
      errorMessage: request.error.message.slice(0, 2000),
      failedAt: request.now ?? new Date(),
    }),
  };
  await producer.sendRaw(dlqTopicName(request.topic), request.key, request.value, headers);
}
