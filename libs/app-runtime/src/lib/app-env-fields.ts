import { z } from 'zod';

/** The ops (or simulator API) port of an app, with its own default and a description of what it serves. */
export function opsPortField(defaultPort: number, serves: string) {
  return z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(defaultPort)
    .describe(`Port for ${serves}; 0 picks a free port.`);
}

/** The consumer group of an app: all replicas share it, so they split the partitions between them. */
export function consumerGroupField(app: string) {
  return z
    .string()
    .min(1)
    .default(app)
    .describe(
      'Consumer group id of the app; all replicas share it so they split the partitions between them.',
    );
}
