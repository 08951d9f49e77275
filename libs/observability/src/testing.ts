// Test doubles for apps and libs; import from `@wair-sfcc/observability/testing`, never from
// production code.
export { InMemoryLagSource } from './testing/in-memory-lag-source';
export { createLogCapture, type LogCapture } from './testing/log-capture';
