/**
 * Integration tests of every project, against a real Kafka broker and schema registry
 * (see tools/jest/int-global-setup.ts for how the stack is found or started).
 */
const preset = require('./jest.preset.js');

export default {
  ...preset,
  displayName: 'integration',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/infra', '<rootDir>/tools'],
  testMatch: ['**/*.int.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/tools/jest/int-global-setup.ts',
  globalTeardown: '<rootDir>/tools/jest/int-global-teardown.ts',
  testTimeout: 120_000,
  // One file at a time: each file runs simulators, apps and clients beside the broker and the
  // registry, and two such files at once overload a 2-core machine into timeouts.
  maxWorkers: 1,
};
