/** Where the integration tests' Kafka and registry come from. */
export type StackSource = 'environment' | 'testcontainers' | 'local-stack';

/** A Kafka broker and schema registry for the integration tests, and how to release them. */
export interface ProvidedStack {
  source: StackSource;
  KAFKA_BROKERS: string;
  SCHEMA_REGISTRY_URL: string;
  stop(): Promise<void>;
}
