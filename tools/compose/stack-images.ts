// The broker and registry images of docker-compose.yml, in one place for the code that starts the
// same topology without compose (Testcontainers, tools/jest). tools/compose/docker-compose.spec.ts
// fails when compose pins other images, and when the Kafka tag differs from the version the local
// stack fetches (infra/local-stack/pom.xml), so all three runs test the same broker.

/** The official Apache Kafka image, KRaft mode; its tag is the Kafka version. */
export const KAFKA_IMAGE = 'apache/kafka:4.4.0';

/** Confluent's Schema Registry (its API at the root, where Apicurio uses /apis/ccompat/v7). */
export const SCHEMA_REGISTRY_IMAGE = 'confluentinc/cp-schema-registry:8.1.1';
