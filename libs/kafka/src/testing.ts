/**
 * Test helpers: in-memory fakes of the lib's types for unit tests, and small utilities for
 * integration tests against the real stack (unique names, topic creation, waiting on conditions).
 */
export { createInMemoryProducer, type InMemoryProducer } from './testing/in-memory-producer';
export {
  uniqueName,
  waitFor,
  within,
  createIntegrationRuntime,
  createTestTopic,
  topicSpecFor,
  moveGroupToEnd,
  deleteRunTopics,
  withKafkaAdmin,
} from './testing/integration-helpers';
