import http from 'node:http';
import type { TestServer } from './test-server';

/**
 * GET /healthz on a connection of its own (Connection: close), answering its status. A kept-alive
 * socket would not do while the server is busy: when the event loop is held longer than the
 * server's keep-alive timeout (checking the largest draft a preview allows can take that long on a
 * loaded machine), the expired timer runs before the server reads the request already written on
 * that socket and closes it (ECONNRESET). A real client in another process meets the same, and
 * retries; a test must not.
 */
export function healthz(server: TestServer): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.url.replace(/\/graphql$/, '')}/healthz`, { agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      })
      .on('error', reject);
  });
}
