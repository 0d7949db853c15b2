import { createAgency, createCivilServant } from '../support/factories';
import { startTestServer, type TestServer } from '../support/test-server';
import { graphql } from '../support/graphql';

/**
 * Issue 10, item 8: cursors are sealed with a key derived from the server's secret, so server
 * processes that share CURSOR_SECRET (or the JWT secret) open each other's cursors and no one else
 * does. The key is one per process (set when a server starts), so this file starts its servers in
 * the order a deployment would meet them: the same secret first, then another one.
 */
const LIST = graphql(`query ($after: String) { civilServants(first: 1, after: $after) { edges { node { name } } pageInfo { endCursor } } }`);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const agency = await createAgency(server);
  for (const name of ['何佳浩', '王明']) await createCivilServant(server, agency, { name });
});
afterAll(() => server.stop());

it('a server started with the same secret opens the cursor; one with another CURSOR_SECRET refuses it', async () => {
  const cursor = (await server.ok(LIST, {}, { role: 'PUBLIC' })).civilServants.pageInfo.endCursor!;
  const twin = await startTestServer();
  try {
    const opened = await twin.query(LIST, { after: cursor }, { role: 'PUBLIC' });
    expect(opened.errors).toBeUndefined();
  } finally {
    await twin.stop();
  }
  const other = await startTestServer({ cursorSecret: 'another-cursor-secret-0123456789abcdef' });
  try {
    const refused = await other.query(LIST, { after: cursor }, { role: 'PUBLIC' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  } finally {
    await other.stop();
  }
});
