import type { Config } from '../../src/config';
import { startTestServer, type TestServer } from './test-server';

/**
 * One real server for a test file: started before the file's tests and stopped after them. It is
 * returned before it exists (a test file's top level runs before `beforeAll`), so the object is
 * filled in when the server starts: read it inside hooks and tests, never destructure it at the
 * top level.
 */
export function serverPerFile(overrides: Partial<Config> = {}): TestServer {
  const server = {} as TestServer;
  beforeAll(async () => {
    Object.assign(server, await startTestServer(overrides));
  });
  afterAll(async () => {
    // Absent when the server failed to start; that failure is what the file reports.
    if (server.stop) await server.stop();
  });
  return server;
}
