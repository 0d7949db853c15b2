/** Jest runs the TypeScript sources through SWC; .swcrc keeps decorator metadata for type-graphql and MikroORM. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker runs a hundred suites, each with its own server; what they leave behind grew until one
  // worker ran out of heap in a full run. A worker past this after a suite is replaced by a fresh one.
  workerIdleMemoryLimit: '1GB',
};
